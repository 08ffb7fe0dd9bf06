import { startTransition, useEffect, useState } from 'react';

/**
 * False until `ready` has held and the browser has painted a frame since, then true for good: what a page shows first
 * gets a frame of its own, and what can wait mounts after it. The later part mounts as a transition, so a key press
 * or a click in the meantime is handled first.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown || !ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame's animation callbacks run just before it paints; a timer set in one fires after that paint.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
    };
  }, [ready, shown]);
  return shown;
}
