import type { Migration } from '../migration';
import { migration0001 } from './0001-workspaces';

/** Every schema version in order. Append only: a shipped migration is never edited. */
export const migrations: readonly Migration[] = [migration0001];
