import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial';

/** The migrations, in order, compiled into the code (no directory scanning at run time). */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
};

/** A Kysely migration provider over {@link migrations}. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
