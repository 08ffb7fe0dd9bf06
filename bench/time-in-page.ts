import type { Locator, Page } from '@playwright/test';

/**
 * Milliseconds from `act` until `done` holds in the page, timed in the page itself: `done` is polled in each
 * requestAnimationFrame callback (just before that frame paints) and the first poll where it holds stops the clock
 * there. The clock (`__t0`) starts in the page: with `startsClock`, `act` starts it itself in the same evaluate that
 * acts (see clickInPage), so no CDP round trip before the action is counted; otherwise it starts just before `act`
 * is sent. `explain` adds what the page shows to a timeout's error.
 */
export async function timeInPage(
  page: Page,
  act: () => Promise<void>,
  done: string,
  o: { arg?: unknown; startsClock?: boolean; explain?: () => Promise<string> } = {},
): Promise<number> {
  await page.evaluate(() => delete (globalThis as unknown as { __t1?: number }).__t1);
  if (!o.startsClock) await page.evaluate(() => ((globalThis as unknown as { __t0: number }).__t0 = performance.now()));
  await act();
  // The stop time is taken in the poll that sees `done`, not read afterwards: by the time Playwright has heard of it
  // and asks again (two CDP round trips), the page may be busy with what it mounts next, and that wait would count.
  const poll = `const ok = (${done})(arg); if (ok && globalThis.__t1 === undefined) globalThis.__t1 = performance.now(); return ok;`;
  await page.waitForFunction(new Function('arg', poll) as (arg: unknown) => boolean, o.arg, { polling: 'raf', timeout: 120_000 }).catch(async (error: unknown) => {
    throw new Error(`${String(error)}${o.explain ? `\n${await o.explain()}` : ''}`);
  });
  return page.evaluate(() => {
    const g = globalThis as unknown as { __t0: number; __t1: number };
    return g.__t1 - g.__t0;
  });
}

/**
 * An action for timeInPage(…, { startsClock: true }) that clicks what `target` finds, found before the clock
 * starts: finding it by role and name walks the page's accessibility tree in the page, and Playwright's own click
 * waits for stability and hit-tests first (CDP round trips); neither is the page's time. (Measured in the page on
 * the 2-core machine at load 9 to 12, the lookup alone took 300 to 680 ms.)
 */
export async function clickInPage(target: Locator): Promise<() => Promise<void>> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error(`nothing to click: ${String(target)}`);
  return () =>
    handle.evaluate((el) => {
      (globalThis as unknown as { __t0: number }).__t0 = performance.now();
      (el as unknown as { click(): void }).click();
    });
}
