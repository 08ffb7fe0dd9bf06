import type { HandlerSlice } from '../../../shared/contract/handler-types';
import type { DriftService } from './drift-service';

export function driftHandlers(drift: DriftService): HandlerSlice<'drift.checkAll' | 'drift.latest' | 'drift.repair'> {
  return {
    'drift.checkAll': (i) => drift.checkAll(i.concurrency),
    'drift.latest': () => drift.latest(),
    'drift.repair': (i) => drift.repair(i.workspaceId, i.itemKey),
  };
}
