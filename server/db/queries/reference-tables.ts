import type { Kysely } from 'kysely';
import type {
  Database,
  DomainTable,
  IndicatorTable,
  NoteTable,
  ObservationTable,
  RelationTable,
  ReportedChangeTable,
  SectionTable,
  VoorzieningTable,
} from '../database';
import { allDomains } from './domain-queries';
import { allVoorzieningen } from './voorziening-queries';
import { allObservations } from './observation-queries';
import { allNotes } from './note-queries';
import { allReportedChanges } from './change-queries';
import {
  allNoteIndicators,
  allRelationIndicators,
  type NoteIndicatorRow,
  type RelationIndicatorRow,
} from './indicator-queries';

/** The small tables nearly every request resolves against, each read whole. */
export interface ReferenceTables {
  /** Every section of the monitor, by id. */
  sections: SectionTable[];
  /** Every domain, in the monitor's order. */
  domains: DomainTable[];
  /** Every voorziening, in the monitor's order. */
  voorzieningen: VoorzieningTable[];
  /** Every indicator, by id. */
  indicators: IndicatorTable[];
  /** Every relation (an edge of the stelsel), by id. */
  relations: RelationTable[];
  /** Every observation (a cell of the appendix tables), per indicator, by breakdown subject, then year. */
  observations: ObservationTable[];
  /** Every note, in the monitor's order. */
  notes: NoteTable[];
  /** Every change the monitor printed, by id. */
  reportedChanges: ReportedChangeTable[];
  /** The indicators each note is about, by indicator id. */
  noteIndicators: NoteIndicatorRow[];
  /** The indicators that quantify each relation, in each relation's order. */
  relationIndicators: RelationIndicatorRow[];
}

/**
 * Reads the reference tables whole: ten statements, one after the other, in the orders the per-request queries
 * use (`allDomains`, `allVoorzieningen`: position; `indicatorsByVoorzieningen`: id; the observations, notes,
 * changes and links in the orders of the queries they replace), so that rows taken from them come in the same
 * order as those queries give. The monitor's dataset is a few thousand rows (about 1 MB in memory).
 */
export async function readReferenceTables(db: Kysely<Database>): Promise<ReferenceTables> {
  // one after the other: on PostgreSQL, one connection of the pool at a time
  const sections = await db.selectFrom('section').selectAll().orderBy('id').execute();
  const domains = await allDomains(db);
  const voorzieningen = await allVoorzieningen(db);
  const indicators = await db.selectFrom('indicator').selectAll().orderBy('id').execute();
  const relations = await db.selectFrom('relation').selectAll().orderBy('id').execute();
  const observations = await allObservations(db);
  const notes = await allNotes(db);
  const reportedChanges = await allReportedChanges(db);
  const noteIndicators = await allNoteIndicators(db);
  const relationIndicators = await allRelationIndicators(db);
  return {
    sections,
    domains,
    voorzieningen,
    indicators,
    relations,
    observations,
    notes,
    reportedChanges,
    noteIndicators,
    relationIndicators,
  };
}
