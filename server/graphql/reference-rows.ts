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
} from '../db/database';
import { readReferenceTables } from '../db/queries/reference-tables';
import type { NoteIndicatorRow, RelationIndicatorRow } from '../db/queries/indicator-queries';
import { keptPerVersion, type KeptPerVersion } from './kept-per-version';

/**
 * The reference tables of one dataset version (sections, domains, voorzieningen, indicators, relations, and the
 * observations, notes, printed changes and the indicators of notes and relations), read once and indexed the
 * ways the loaders ask for them. Rows are frozen: they are shared by every request of the version.
 */
export interface ReferenceRows {
  sectionById: ReadonlyMap<number, SectionTable>;
  domainById: ReadonlyMap<number, DomainTable>;
  /** Every domain, in the monitor's order. */
  domains: readonly DomainTable[];
  voorzieningById: ReadonlyMap<number, VoorzieningTable>;
  /** Every voorziening, in the monitor's order. */
  voorzieningen: readonly VoorzieningTable[];
  /** The voorzieningen of each domain, in the monitor's order. */
  voorzieningenByDomain: ReadonlyMap<number, readonly VoorzieningTable[]>;
  /** The parts of each voorziening that has parts, in the monitor's order. */
  partsByParent: ReadonlyMap<number, readonly VoorzieningTable[]>;
  indicatorById: ReadonlyMap<number, IndicatorTable>;
  /** The indicators of each voorziening, by id. */
  indicatorsByVoorziening: ReadonlyMap<number, readonly IndicatorTable[]>;
  relationById: ReadonlyMap<number, RelationTable>;
  /** Every relation, by id. */
  relations: readonly RelationTable[];
  /** The relations going out of each voorziening that has any, in the monitor's order (position). */
  relationsFromById: ReadonlyMap<number, readonly RelationTable[]>;
  /** The relations coming into each voorziening that has any, in the monitor's order (position). */
  relationsToById: ReadonlyMap<number, readonly RelationTable[]>;
  observationById: ReadonlyMap<number, ObservationTable>;
  /** Every observation, by id (the order pages are cut in). */
  observations: readonly ObservationTable[];
  /** The observations of each indicator that has any: by breakdown subject, then year. */
  observationsByIndicator: ReadonlyMap<number, readonly ObservationTable[]>;
  noteById: ReadonlyMap<number, NoteTable>;
  /** The notes of each voorziening that has any, in the monitor's order. */
  notesByVoorziening: ReadonlyMap<number, readonly NoteTable[]>;
  /** The changes printed for each indicator that has any, by id. */
  reportedChangesByIndicator: ReadonlyMap<number, readonly ReportedChangeTable[]>;
  /** The indicators each note is about, by indicator id. */
  indicatorsByNote: ReadonlyMap<number, readonly NoteIndicatorRow[]>;
  /** The indicators that quantify each relation, in the relation's order. */
  indicatorsByRelation: ReadonlyMap<number, readonly RelationIndicatorRow[]>;
}

/** Groups `rows` by `keyOf` (rows without a key left out), keeping their order; each group frozen. */
function groupBy<R>(rows: readonly R[], keyOf: (row: R) => number | null): Map<number, readonly R[]> {
  const groups = new Map<number, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  for (const group of groups.values()) Object.freeze(group);
  return groups;
}

/** Indexes the tables read by `readReferenceTables`, freezing every row. */
async function loadReferenceRows(db: Kysely<Database>): Promise<ReferenceRows> {
  const tables = await readReferenceTables(db);
  const freeze = <R extends object>(rows: R[]): readonly R[] =>
    Object.freeze(rows.map((row) => Object.freeze(row)));
  const sections = freeze(tables.sections);
  const domains = freeze(tables.domains);
  const voorzieningen = freeze(tables.voorzieningen);
  const indicators = freeze(tables.indicators);
  const relations = freeze(tables.relations);
  const inOrder = [...relations].sort((a, b) => a.position - b.position);
  const observations = freeze(tables.observations);
  const notes = freeze(tables.notes);
  return {
    sectionById: new Map(sections.map((row) => [row.id, row])),
    domainById: new Map(domains.map((row) => [row.id, row])),
    domains,
    voorzieningById: new Map(voorzieningen.map((row) => [row.id, row])),
    voorzieningen,
    voorzieningenByDomain: groupBy(voorzieningen, (row) => row.domain_id),
    partsByParent: groupBy(voorzieningen, (row) => row.parent_id),
    indicatorById: new Map(indicators.map((row) => [row.id, row])),
    indicatorsByVoorziening: groupBy(indicators, (row) => row.voorziening_id),
    relationById: new Map(relations.map((row) => [row.id, row])),
    relations,
    relationsFromById: groupBy(inOrder, (row) => row.from_id),
    relationsToById: groupBy(inOrder, (row) => row.to_id),
    observationById: new Map(observations.map((row) => [row.id, row])),
    observations: Object.freeze([...observations].sort((a, b) => a.id - b.id)),
    observationsByIndicator: groupBy(observations, (row) => row.indicator_id),
    noteById: new Map(notes.map((row) => [row.id, row])),
    notesByVoorziening: groupBy(notes, (row) => row.voorziening_id),
    reportedChangesByIndicator: groupBy(freeze(tables.reportedChanges), (row) => row.indicator_id),
    indicatorsByNote: groupBy(freeze(tables.noteIndicators), (row) => row.note_id),
    indicatorsByRelation: groupBy(freeze(tables.relationIndicators), (row) => row.relation_id),
  };
}

/**
 * The reference rows of the dataset `version` that `db` serves, read once per handle and version (ten
 * statements; the server reads them at start-up, see `readDatasetFacts`). A PostgreSQL rebuild under a running
 * server changes the version (the dataset watch), and the next request reads them again; a request keeps the
 * version it started with. A failed read is not kept.
 */
export const referenceRowsOf: KeptPerVersion<ReferenceRows> = keptPerVersion(loadReferenceRows);
