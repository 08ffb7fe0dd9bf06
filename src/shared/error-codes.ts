/** Error codes shared by main and renderer. Domain modules add their own as they grow. */
export const ErrorCode = {
  ValidationFailed: 'validation_failed',
  UnknownChannel: 'unknown_channel',
  Internal: 'internal_error',
  ForbiddenSender: 'forbidden_sender',
  Disconnected: 'disconnected',
  WorkspaceNameTaken: 'workspace_name_taken',
  WorkspaceNotFound: 'workspace_not_found',
  DatabaseTooNew: 'database_too_new',
  VaultUnavailable: 'vault_unavailable',
  SignInCancelled: 'sign_in_cancelled',
  SignInTimedOut: 'sign_in_timed_out',
  SignInFailed: 'sign_in_failed',
  SignInRequired: 'sign_in_required',
  AccountNotFound: 'account_not_found',
  GraphFailed: 'graph_failed',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
