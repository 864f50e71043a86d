import type { Kysely } from 'kysely';
import type { Database } from '../database';
import type { RelationProvenance } from '../../domain/vocabulary';

/** A voorziening as a node of the exported graph: its code as id, and its domain's code. */
export interface StelselNodeRow {
  id: string;
  kind: string;
  domain: string;
  abbreviation: string | null;
  name: string;
  name_en: string;
}

/** Every voorziening as a node of the exported graph, in the monitor's order. */
export function stelselNodeRows(db: Kysely<Database>): Promise<StelselNodeRow[]> {
  return db
    .selectFrom('voorziening as v')
    .innerJoin('domain as d', 'd.id', 'v.domain_id')
    .select(['v.code as id', 'v.kind', 'd.code as domain', 'v.abbreviation', 'v.name', 'v.name_en'])
    .orderBy('v.position')
    .execute();
}

/** Every relation as an edge of the exported graph: the codes at its ends and its source, in the monitor's order. */
export function stelselEdgeRows(db: Kysely<Database>, provenances: readonly RelationProvenance[]) {
  return db
    .selectFrom('relation as r')
    .innerJoin('voorziening as f', 'f.id', 'r.from_id')
    .innerJoin('voorziening as t', 't.id', 'r.to_id')
    .leftJoin('section as s', 's.id', 'r.source_section_id')
    .select([
      'r.id',
      'f.code as source',
      't.code as target',
      'r.kind',
      'r.description',
      'r.source_url',
      'r.provenance',
      'r.source_lines',
      's.title as section',
    ])
    .where('r.provenance', 'in', provenances)
    .orderBy('r.position')
    .execute();
}

/**
 * Every link of a relation to an indicator that quantifies it, with the indicator's key and voorziening code,
 * its role on the relation and its `shared` mark.
 */
export function relationIndicatorLinks(db: Kysely<Database>) {
  return db
    .selectFrom('relation_indicator as ri')
    .innerJoin('indicator as i', 'i.id', 'ri.indicator_id')
    .innerJoin('voorziening as v', 'v.id', 'i.voorziening_id')
    .select([
      'ri.relation_id',
      'ri.position',
      'ri.role',
      'ri.shared',
      'i.id as indicator_id',
      'i.key',
      'v.code',
    ])
    .orderBy('ri.relation_id')
    .orderBy('ri.position')
    .execute();
}
