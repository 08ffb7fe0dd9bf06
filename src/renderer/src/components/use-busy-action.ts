import { useState } from 'react';

/**
 * Runs one action at a time with a label saying what it is doing ("Pushing…"); `onStart` clears
 * the previous error. The label is undefined when nothing runs, so buttons can disable on it.
 */
export function useBusyAction(onStart: () => void) {
  const [busy, setBusy] = useState<string | undefined>();
  const run = async (label: string, work: () => Promise<void>): Promise<void> => {
    setBusy(label);
    onStart();
    try {
      await work();
    } finally {
      setBusy(undefined);
    }
  };
  return { busy, run };
}
