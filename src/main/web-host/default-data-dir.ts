import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The web host's default data folder, under the OS's app-data folder and apart from the desktop
 * app's own (Electron's userData), so trying the web host never touches a real profile.
 */
export function defaultWebDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const name = 'Entra Onboard (web host)';
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', name);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), name);
}
