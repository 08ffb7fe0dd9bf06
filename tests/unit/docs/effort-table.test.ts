import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { effortSection, readCommittedEffort, renderEffortTable } from '../../e2e/fixtures/effort-table';

// The e2e flows fail when what they count differs from docs/effort.json (tests/e2e/fixtures/effort.ts);
// this keeps the README's table equal to docs/effort.json, so the table is what the flows counted.
describe('the README’s effort table', () => {
  const committed = readCommittedEffort();

  it('is exactly what docs/effort.json renders (regenerate with npm run effort-table)', () => {
    const section = effortSection(readFileSync('README.md', 'utf8'));
    expect(section, 'the README has the effort-table markers').toBeDefined();
    expect(section).toBe(renderEffortTable(committed));
  });

  it('has whole, non-negative counts for every flow, each flow once', () => {
    expect(committed.length).toBeGreaterThan(0);
    expect(new Set(committed.map((r) => r.flow)).size).toBe(committed.length);
    for (const r of committed) {
      for (const n of [r.manualSteps, r.clicks, r.keystrokes, r.pastes]) expect(Number.isInteger(n) && n >= 0, r.flow).toBe(true);
    }
  });

  it('shows the ClientOne flow, Partner Center app included, in 12 clicks or fewer (one sign-in, one consent)', () => {
    const clientOne = committed.find((r) => r.flow === 'ClientOne / PanelOne, with the Partner Center app');
    expect(clientOne?.clicks).toBeLessThanOrEqual(12);
  });
});
