import { spawn } from 'node:child_process';

/** Opens a URL in the default browser; failures only print, since the URL is on the console anyway. */
export function openInBrowser(url: string, platform = process.platform): void {
  const [cmd, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => console.log(`Could not open a browser; open the WEB_READY link yourself.`));
    child.unref();
  } catch {
    console.log(`Could not open a browser; open the WEB_READY link yourself.`);
  }
}
