// `npm test`: every check and test the project has, then one line "N passed, N failed[, N skipped]".
// Static checks (types, lint, build) count as one test each; vitest and Playwright report their own.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import { runTool } from './run-tool.mjs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const skips = new Map();
/** Every skip is printed with its reason (the test's title says why when the framework has no reason field). */
function addSkip(reason) {
  skips.set(reason, (skips.get(reason) ?? 0) + 1);
}

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
const failuresBeforeVitest = results.failed;
rmSync('test-results/vitest.json', { force: true });
const vitestCode = runTool('vitest', ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  results.passed += vitest.numPassedTests;
  results.failed += vitest.numFailedTests;
  results.skipped += vitest.numPendingTests + vitest.numTodoTests;
  for (const file of vitest.testResults ?? []) {
    const name = relative(process.cwd(), file.name);
    const tests = file.assertionResults ?? [];
    const notRun = tests.filter((t) => t.status === 'skipped' || t.status === 'pending' || t.status === 'todo');
    if (file.status === 'failed' && !tests.some((t) => t.status === 'failed')) {
      // The file failed to load or its setup (beforeAll, an import) threw: vitest reports its tests as
      // skipped, but none of them ran because the file is broken. Each is a failure, at least one per file.
      results.skipped -= notRun.length;
      results.failed += Math.max(1, notRun.length);
      failures.push(`vitest ${name}: failed to load or set up (${String(file.message ?? '').split('\n')[0]})`);
      continue;
    }
    for (const t of notRun) addSkip(`vitest ${name} › ${t.fullName ?? t.title}`);
    // Named here too, so the last lines of a long log (all a CI summary may keep) say which test failed.
    for (const t of tests) if (t.status === 'failed') failures.push(`vitest ${name} › ${t.fullName ?? t.title}`);
  }
  // An unhandled error between tests is in no test's count: it still fails the run.
  if (vitestCode !== 0 && results.failed === failuresBeforeVitest) {
    results.failed++;
    failures.push('vitest (an error escaped a test: see "Unhandled Errors" above)');
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
    const walk = (suite, path) => {
      for (const spec of suite.specs ?? [])
        for (const t of spec.tests ?? []) {
          if (t.status === 'unexpected') failures.push(`playwright ${t.projectName}: ${path} › ${spec.title}`);
          if (t.status !== 'skipped') continue;
          const skip = (t.annotations ?? []).find((a) => a.type === 'skip' || a.type === 'fixme');
          if (skip) {
            addSkip(`playwright ${t.projectName}: ${skip.description || `${path} › ${spec.title}`}`);
          } else {
            // Skipped with no skip of its own: it did not run because a hook or fixture before it failed.
            results.skipped--;
            results.failed++;
            failures.push(`playwright ${t.projectName}: ${path} › ${spec.title} did not run (a hook or fixture before it failed)`);
          }
        }
      for (const child of suite.suites ?? []) walk(child, `${path} › ${child.title}`);
    };
    for (const suite of pw.suites ?? []) walk(suite, suite.title);
    // A spec file that failed to load (syntax, import, a throw at the top level) is a top-level error.
    for (const error of pw.errors ?? []) {
      results.failed++;
      failures.push(`playwright: ${String(error.message ?? error.value ?? 'an error outside any test').split('\n')[0]}`);
    }
    if (pwCode !== 0 && pw.stats.unexpected === 0 && (pw.errors ?? []).length === 0) {
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
for (const [reason, count] of skips) console.log(`skipped${count > 1 ? ` ${count} ×` : ''}: ${reason}`);
for (const name of failures) console.log(`FAILED: ${name}`);
const skippedPart = results.skipped > 0 ? `, ${results.skipped} skipped` : '';
console.log(`${results.passed} passed, ${results.failed} failed${skippedPart}`);
process.exit(results.failed > 0 ? 1 : 0);
