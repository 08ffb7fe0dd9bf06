import type { Migration } from '../migration';
import { migration0001 } from './0001-workspaces';
import { migration0002 } from './0002-onboarding';

/** Every schema version in order. Append only: a shipped migration is never edited. */
export const migrations: readonly Migration[] = [migration0001, migration0002];
