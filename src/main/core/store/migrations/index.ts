import type { Migration } from '../migration';
import { migration0001 } from './0001-workspaces';
import { migration0002 } from './0002-onboarding';
import { migration0003 } from './0003-managed-objects';
import { migration0004 } from './0004-platform-delivery';
import { migration0005 } from './0005-checklists';
import { migration0006 } from './0006-pending-secrets';
import { migration0007 } from './0007-client-tenants';
import { migration0010 } from './0010-dashboard';

// Versions 8 and 9 are assigned to the activity log and offline/refresh (their branches add them). Until they are
// merged this branch holds their places with empty steps; the merge replaces these two lines with the real ones.
const reserved = (version: number, name: string): Migration => ({ version, name, up: () => {} });
const migration0008 = reserved(8, 'activity-log (reserved)');
const migration0009 = reserved(9, 'offline-refresh (reserved)');

/** Every schema version in order. Append only: a shipped migration is never edited. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
];
