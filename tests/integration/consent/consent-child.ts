/**
 * A console process for the crash test: opens the data folder the test prepared (database, vault,
 * signed-in MSAL cache), resumes the workspace's consent run if one was interrupted or starts one,
 * and reports on stdout. The test kills it with SIGKILL at random moments.
 * Usage: tsx consent-child.ts <dataDir> <cloud.json> <workspaceId> <homeAccountId> <concurrency>
 */
import { readFileSync } from 'node:fs';
import type { CloudProfile } from '../../../src/main/core/clouds/cloud-profile';
import { startTestCore } from '../../helpers/start-test-core';

const [dataDir, cloudFile, workspaceId, homeAccountId, concurrency] = process.argv.slice(2) as [string, string, string, string, string];
const cloud = JSON.parse(readFileSync(cloudFile, 'utf8')) as CloudProfile;
const core = startTestCore(dataDir, cloud);
const runs = core.services.consentRuns;

async function main() {
  const latest = runs.run(workspaceId);
  if (latest?.state === 'succeeded') {
    process.stdout.write(`DONE ${JSON.stringify(latest)}\n`);
    return;
  }
  if (latest && (latest.state === 'interrupted' || latest.state === 'cancelled')) {
    await runs.resume(workspaceId, homeAccountId);
    process.stdout.write(`RESUMED ${latest.runId} ${latest.done}/${latest.total}\n`);
  } else {
    const { runId } = await runs.start({ workspaceId, homeAccountId, mode: 'consent', concurrency: Number(concurrency) });
    process.stdout.write(`STARTED ${runId}\n`);
  }
  await runs.settled(workspaceId);
  process.stdout.write(`DONE ${JSON.stringify(runs.run(workspaceId))}\n`);
}

main()
  .then(() => {
    core.close();
    process.exit(0);
  })
  .catch((error: unknown) => {
    process.stderr.write(`FAILED ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
