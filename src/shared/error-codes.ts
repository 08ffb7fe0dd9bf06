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
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
