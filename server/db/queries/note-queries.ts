import type { Kysely } from 'kysely';
import type { Database, NoteTable } from '../database';
import { anyOfFor } from './any-of';

/** The notes of the given voorzieningen, in the monitor's order. */
export function notesByVoorzieningen(
  db: Kysely<Database>,
  voorzieningIds: readonly number[],
): Promise<NoteTable[]> {
  return db
    .selectFrom('note')
    .selectAll()
    .where(anyOfFor(db)('voorziening_id', voorzieningIds))
    .orderBy('position')
    .execute();
}

/** Every note, in the monitor's order (that of {@link notesByVoorzieningen}). */
export function allNotes(db: Kysely<Database>): Promise<NoteTable[]> {
  return db.selectFrom('note').selectAll().orderBy('position').execute();
}

/** The notes about the given indicators, each with the `indicator_id` it was found for, by note id. */
export function notesByIndicators(
  db: Kysely<Database>,
  indicatorIds: readonly number[],
): Promise<(NoteTable & { indicator_id: number })[]> {
  return db
    .selectFrom('note_indicator')
    .innerJoin('note', 'note.id', 'note_indicator.note_id')
    .selectAll('note')
    .select('note_indicator.indicator_id')
    .where(anyOfFor(db)('note_indicator.indicator_id', indicatorIds))
    .orderBy('note.id')
    .execute();
}
