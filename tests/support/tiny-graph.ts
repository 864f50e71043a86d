import type { Kysely } from 'kysely';
import { migrateToLatest, openSqlite } from '../../server/db/connect';
import type { Database, DatasetRows } from '../../server/db/database';
import type { RelationKind, RelationProvenance } from '../../server/domain/vocabulary';
import { insertRows } from '../../server/db/insert-rows';

/** A made-up stelsel in an in-memory SQLite database, with the ids its codes got. */
export interface TinyGraph {
  db: Kysely<Database>;
  /** Voorziening ids by code. */
  id: Record<string, number>;
  /** Codes by voorziening id. */
  code: (id: number) => string;
  close: () => Promise<void>;
}

/**
 * Builds a stelsel of the given voorzieningen (codes, in id order) and relations (`from`, `to`, `kind`, and
 * `provenance`, MONITOR unless given; ids 1, 2, … in order) in an in-memory SQLite database with the real schema, for traversal tests that
 * need exact shapes: ties, cycles, edges between nodes at the same distance.
 */
export async function tinyGraph(
  codes: string[],
  relations: [string, string, string?, RelationProvenance?][],
): Promise<TinyGraph> {
  const db = openSqlite(':memory:', { readonly: false });
  await migrateToLatest(db);
  const { id, rows } = tinyGraphRows(codes, relations);
  await insertRows(db, rows);
  return { db, id, code: (n) => codes[n - 1]!, close: () => db.destroy() };
}

/**
 * The rows of {@link tinyGraph}'s made-up stelsel (one section, one domain, the voorzieningen and relations;
 * every other table empty), with the ids its codes got: for a test that adds rows of its own (an edition,
 * indicators) and writes them to a scratch database of its dialect.
 */
export function tinyGraphRows(
  codes: string[],
  relations: [string, string, string?, RelationProvenance?][],
): { id: Record<string, number>; rows: DatasetRows } {
  const id = Object.fromEntries(codes.map((code, at) => [code, at + 1]));
  const rows: DatasetRows = {
    edition: [],
    section: [
      {
        id: 1,
        code: 's',
        heading: 'S',
        title: 'S',
        number: null,
        appendix: null,
        parent_id: null,
        position: 1,
        start_line: 1,
        end_line: 2,
      },
    ],
    domain: [{ id: 1, code: 'd', name: 'D', name_en: 'D', appendix: 'A', section_id: 1, position: 1 }],
    voorziening: codes.map((code, at) => ({
      id: at + 1,
      code,
      abbreviation: null,
      name: code,
      name_en: code,
      kind: 'PLATFORM',
      domain_id: 1,
      section_id: 1,
      parent_id: null,
      description: null,
      description_en: null,
      description_section_id: null,
      description_url: null,
      description_url_title: null,
      responsible: null,
      law: null,
      position: at + 1,
      search_text: code,
    })),
    indicator: [],
    observation: [],
    reported_change: [],
    note: [],
    note_indicator: [],
    correction: [],
    relation: relations.map(([from, to, kind, provenance], at) => {
      if (!(from in id) || !(to in id)) throw new Error(`tinyGraph: unknown code in ${from} → ${to}`);
      return {
        id: at + 1,
        // traversal tests use made-up kinds (X, Y): the column takes any text
        kind: (kind ?? 'EVENT_DELIVERY') as RelationKind,
        from_id: id[from]!,
        to_id: id[to]!,
        description: `${from} → ${to}`,
        description_en: null,
        source_section_id: null,
        source_url: null,
        source_title: null,
        provenance: provenance ?? 'MONITOR',
        source_lines: null,
        source_quote: null,
        position: at + 1,
      };
    }),
    relation_indicator: [],
    same_as: [],
    measure: [],
    measure_indicator: [],
    discrepancy: [],
    discrepancy_observation: [],
    prose_figure: [],
    claim: [],
    claim_indicator: [],
    claim_observation: [],
    meta: [],
  };
  return { id, rows };
}
