/** One row of activity_log as stored (migration 0008). Every column but `hash` is covered by `hash`. */
export interface ActivityRow {
  id: number;
  at: string;
  workspace_id: string | null;
  workspace_name: string | null;
  operation: string | null;
  who: string;
  who_oid: string | null;
  who_tid: string | null;
  service: string;
  method: string | null;
  target: string;
  what: string;
  result: string;
  status: number | null;
  error_code: string | null;
  client_request_id: string | null;
  request_id: string | null;
  detail_json: string;
  prev_hash: string;
  hash: string;
}

/** The columns in the order they are hashed and inserted. */
export const activityColumns = [
  'id',
  'at',
  'workspace_id',
  'workspace_name',
  'operation',
  'who',
  'who_oid',
  'who_tid',
  'service',
  'method',
  'target',
  'what',
  'result',
  'status',
  'error_code',
  'client_request_id',
  'request_id',
  'detail_json',
  'prev_hash',
] as const satisfies readonly (keyof ActivityRow)[];
