/**
 * `npm run effort-table`: after an e2e run, copies the flows' recorded effort
 * (test-results/effort.jsonl, written only by flows whose assertions passed) into docs/effort.json
 * and regenerates the README's "What it saves an admin" table from it.
 * `npm run effort-table -- --check`: changes nothing; exits 1 if the README's table is not what
 * docs/effort.json renders.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  EFFORT_JSON,
  EFFORT_JSONL,
  effortSection,
  latestRecords,
  mergeRecords,
  readCommittedEffort,
  renderEffortTable,
  withEffortSection,
} from '../tests/e2e/fixtures/effort-table';

const README = 'README.md';
const readme = readFileSync(README, 'utf8');
const committed = readCommittedEffort();

if (process.argv.includes('--check')) {
  if (effortSection(readme) !== renderEffortTable(committed)) {
    console.error(`The README's effort table differs from ${EFFORT_JSON}. Run "npm run effort-table" to regenerate it.`);
    process.exit(1);
  }
  console.log(`The README's effort table matches ${EFFORT_JSON}.`);
  process.exit(0);
}

if (!existsSync(EFFORT_JSONL)) {
  console.error(`No ${EFFORT_JSONL}: run the e2e flows first (npm run build, then npx playwright test --project=web).`);
  process.exit(1);
}
const recorded = latestRecords(readFileSync(EFFORT_JSONL, 'utf8'));
const flows = mergeRecords(committed, recorded);
writeFileSync(EFFORT_JSON, `${JSON.stringify({ flows }, null, 2)}\n`);
writeFileSync(README, withEffortSection(readme, renderEffortTable(flows)));
for (const flow of flows) console.log(`${recorded.has(flow.flow) ? 'recorded' : 'kept (not run)'}: ${flow.flow}: ${flow.clicks} clicks`);
