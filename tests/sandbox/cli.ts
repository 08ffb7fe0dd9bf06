import { parseSandboxArgs, sandboxUsage } from './parseSandboxArgs';
import { startSandbox } from './startSandbox';

/** How many client tenants the SANDBOX_READY line lists; the rest are in GET /_sandbox/tenants. */
const readyLineTenantCap = 50;

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseSandboxArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  if (parsed === 'help') {
    console.log(sandboxUsage);
    return;
  }
  const sandbox = await startSandbox(parsed);
  const { clientTenants, ...rest } = sandbox.info;
  const line = {
    ...rest,
    clientTenants: clientTenants.slice(0, readyLineTenantCap),
    clientTenantsTruncated: clientTenants.length > readyLineTenantCap,
  };
  // Exactly one line, so a parent process can wait for the prefix and JSON.parse the rest.
  process.stdout.write(`SANDBOX_READY ${JSON.stringify(line)}\n`);

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    void sandbox.close().then(() => {
      process.stderr.write(`sandbox stopped (${signal})\n`);
      process.exit(0);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
