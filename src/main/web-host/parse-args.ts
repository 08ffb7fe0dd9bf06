import { parseArgs } from 'node:util';
import { cloudIds, type CloudId } from '../core/clouds/resolve-cloud';
import { defaultWebDataDir } from './default-data-dir';

export interface WebHostArgs {
  open: boolean;
  dataDir: string;
  port: number;
  rendererDir: string;
  cloud: CloudId;
  /**
   * The sandbox's SANDBOX_READY JSON, when running against it. It carries the sandbox's control
   * token, so it comes from the environment (ENTRA_ONBOARD_SANDBOX, as in the Electron shell), never
   * from the command line, which every local user can read in the process list.
   */
  sandbox: string | undefined;
  /** Sign in with this public client instead of the saved or default one. */
  clientId: string | undefined;
}

export function parseWebHostArgs(argv: string[], defaults: { rendererDir: string }, env: NodeJS.ProcessEnv = process.env): WebHostArgs {
  if (argv.some((a) => a === '--sandbox' || a.startsWith('--sandbox='))) {
    throw new Error('--sandbox is not taken on the command line (the process list would show its token): set ENTRA_ONBOARD_SANDBOX to the SANDBOX_READY JSON instead.');
  }
  const { values } = parseArgs({
    args: argv,
    options: {
      'no-open': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'renderer-dir': { type: 'string' },
      cloud: { type: 'string' },
      'client-id': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535 (0 picks a free port), not "${values.port}".`);
  }
  const sandbox = env['ENTRA_ONBOARD_SANDBOX'] || undefined;
  const cloud = values.cloud ?? (sandbox ? 'sandbox' : 'public');
  if (!(cloudIds as readonly string[]).includes(cloud)) {
    throw new Error(`--cloud must be one of ${cloudIds.join(', ')}, not "${cloud}".`);
  }
  return {
    cloud: cloud as CloudId,
    sandbox,
    clientId: values['client-id'],
    open: !values['no-open'],
    dataDir: values['data-dir'] ?? defaultWebDataDir(),
    port,
    rendererDir: values['renderer-dir'] ?? defaults.rendererDir,
  };
}
