// `npm test`: every check and test the project has, then one line "N passed, N failed[, N skipped]".
// Static checks (types, lint, build) count as one test each; vitest and Playwright report their own.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { runTool } from './run-tool.mjs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const skips = new Map();

function step(name, tool, args) {
  console.log(`\n=== ${name}`);
  const ok = runTool(tool, args) === 0;
  if (ok) results.passed++;
  else {
    results.failed++;
    failures.push(name);
  }
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

mkdirSync('test-results', { recursive: true });
step('typecheck (node: main, preload, tests)', 'tsc', ['-p', 'tsconfig.node.json', '--noEmit']);
step('typecheck (web: renderer)', 'tsc', ['-p', 'tsconfig.web.json', '--noEmit']);
step('lint (with import boundaries)', 'eslint', ['.']);
const built = step('build (electron-vite: main, preload, renderer)', 'electron-vite', ['build']);

console.log('\n=== unit and integration tests (vitest)');
rmSync('test-results/vitest.json', { force: true });
const vitestCode = runTool('vitest', ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  results.passed += vitest.numPassedTests;
  results.failed += vitest.numFailedTests;
  results.skipped += vitest.numPendingTests + vitest.numTodoTests;
  // A file that fails to load, or an unhandled error between tests, is in no test's count:
  // it still fails the run.
  if (vitestCode !== 0 && vitest.numFailedTests === 0) {
    results.failed++;
    failures.push('vitest (a file failed to load or an error escaped a test: see "Unhandled Errors" above)');
  }
} else {
  results.failed++;
  failures.push('vitest (no report)');
}

if (built) {
  console.log('\n=== end-to-end tests (Playwright: web host in Chromium, and Electron where present)');
  rmSync('test-results/playwright.json', { force: true });
  const pwCode = runTool('playwright', ['test']);
  const pw = readJson('test-results/playwright.json');
  if (pw) {
    results.passed += pw.stats.expected + pw.stats.flaky;
    results.failed += pw.stats.unexpected;
    results.skipped += pw.stats.skipped;
    const walk = (suite) => {
      for (const spec of suite.specs ?? [])
        for (const t of spec.tests ?? [])
          for (const a of t.annotations ?? [])
            if (a.type === 'skip' && a.description) skips.set(`${t.projectName}: ${a.description}`, (skips.get(`${t.projectName}: ${a.description}`) ?? 0) + 1);
      for (const child of suite.suites ?? []) walk(child);
    };
    for (const suite of pw.suites ?? []) walk(suite);
    if (pwCode !== 0 && pw.stats.unexpected === 0) {
      results.failed++;
      failures.push('playwright (run failed outside a test)');
    }
  } else {
    results.failed++;
    failures.push('playwright (no report)');
  }
} else {
  console.log('\n=== end-to-end tests not run: the build failed');
  results.failed++;
  failures.push('end-to-end tests (build failed)');
}

console.log('');
for (const [reason, count] of skips) console.log(`skipped ${count} × ${reason}`);
for (const name of failures) console.log(`FAILED: ${name}`);
const skippedPart = results.skipped > 0 ? `, ${results.skipped} skipped` : '';
console.log(`${results.passed} passed, ${results.failed} failed${skippedPart}`);
process.exit(results.failed > 0 ? 1 : 0);
