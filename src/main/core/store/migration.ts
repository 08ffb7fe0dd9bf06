import type { Database } from 'better-sqlite3';

/** One schema version. `version` must equal its position in the list, starting at 1. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
