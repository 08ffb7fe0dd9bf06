import type { HandlerSlice } from '../../../shared/contract/handler-types';
import { activityCsv } from './activity-csv';
import type { ActivityLog } from './activity-log';

/** The console's Activity page: search, verify the chain, export. */
export function activityHandlers(log: ActivityLog, now: () => Date = () => new Date()): HandlerSlice<'activity.list' | 'activity.verify' | 'activity.exportCsv'> {
  return {
    'activity.list': (input) => {
      const { offset, limit, ...query } = input;
      return { ...log.list(query, offset, limit), workspaces: log.workspaces() };
    },
    'activity.verify': () => log.verify(),
    'activity.exportCsv': (input) => ({ fileName: `activity-log-${now().toISOString().slice(0, 10)}.csv`, ...activityCsv(log.each(input)) }),
  };
}
