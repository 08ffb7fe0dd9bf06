import type { Migration } from '../migration';
import { migration0001 } from './0001-workspaces';
import { migration0002 } from './0002-onboarding';
import { migration0003 } from './0003-managed-objects';
import { migration0004 } from './0004-platform-delivery';
import { migration0005 } from './0005-checklists';
import { migration0006 } from './0006-pending-secrets';
import { migration0007 } from './0007-client-tenants';
import { migration0008 } from './0008-activity-log';
import { migration0009 } from './0009-dashboard';
import { migration0010 } from './0010-secret-lifecycle';

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
