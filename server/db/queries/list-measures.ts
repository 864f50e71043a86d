import { sql, type Kysely } from 'kysely';
import type { Database } from '../database';

/**
 * How each plain list field of the schema (`Type.field`) is bounded by the data: the longest such list in the
 * dataset, one SQL expression per field, evaluated together in one statement (see `graphql/limits/list-sizes.ts`).
 * How each plain list field's size is measured: one SQL expression per field, evaluated together in one
 * statement. Each is an upper bound of what the field's resolver can return for any parent.
 */
const MEASURES: Record<string, string> = {
  'Edition.years': 'select count(distinct year) from observation',
  'Query.domains': 'select count(*) from domain',
  'Query.basisregistraties': "select count(*) from voorziening where kind = 'BASISREGISTRATIE'",
  'Query.discrepancies': 'select count(*) from discrepancy',
  'Query.claims': 'select count(*) from claim',
  'Claim.years': 'select count(distinct year) from observation',
  'Claim.indicators': maxPerGroup('claim_indicator', 'claim_id'),
  'Claim.observations': maxPerGroup('claim_observation', 'claim_id'),
  // the rows of the connections, which bound their pages
  'Query.voorzieningen': 'select count(*) from voorziening',
  'Query.indicators': 'select count(*) from indicator',
  'Query.observations': 'select count(*) from observation',
  'Query.relations': 'select count(*) from relation',
  'Domain.voorzieningen': maxPerGroup('voorziening', 'domain_id'),
  'Voorziening.parts': maxPerGroup('voorziening', 'parent_id'),
  'Voorziening.indicators': maxPerGroup('indicator', 'voorziening_id'),
  'Voorziening.notes': maxPerGroup('note', 'voorziening_id'),
  'Voorziening.outgoing': maxPerGroup('relation', 'from_id'),
  'Voorziening.incoming': maxPerGroup('relation', 'to_id'),
  'Voorziening.discrepancies': `select max(n) from (select count(distinct d.discrepancy_id) as n
      from discrepancy_observation d join observation o on o.id = d.observation_id
      join indicator i on i.id = o.indicator_id group by i.voorziening_id) t`,
  'Indicator.subjects': `select max(n) from (select count(distinct subject) as n from observation
      group by indicator_id) t`,
  'Indicator.observations': maxPerGroup('observation', 'indicator_id'),
  'Indicator.reportedChanges': maxPerGroup('reported_change', 'indicator_id'),
  'Indicator.notes': maxPerGroup('note_indicator', 'indicator_id'),
  'Indicator.corrections': maxPerGroup('correction', 'indicator_id'),
  'Indicator.sameAs': `select max(n) from (select count(*) as n from (select indicator_id as k from same_as
      union all select other_indicator_id as k from same_as) s group by k) t`,
  'Indicator.relations': maxPerGroup('relation_indicator', 'indicator_id'),
  'Indicator.discrepancies': `select max(n) from (select count(distinct d.discrepancy_id) as n
      from discrepancy_observation d join observation o on o.id = d.observation_id group by o.indicator_id) t`,
  'Note.indicators': maxPerGroup('note_indicator', 'note_id'),
  'Relation.indicators': maxPerGroup('relation_indicator', 'relation_id'),
  'Relation.volumes': maxPerGroup('observation', 'indicator_id'),
  'Relation.measures': maxPerGroup('relation_indicator', 'relation_id'),
  'RelationMeasure.observations': maxPerGroup('observation', 'indicator_id'),
  'Discrepancy.observations': maxPerGroup('discrepancy_observation', 'discrepancy_id'),
  'Neighborhood.neighbors': 'select count(*) from voorziening',
  'Neighborhood.relations': 'select count(*) from relation',
  'Stelsel.nodes': 'select count(*) from voorziening',
  'Stelsel.edges': 'select count(*) from relation',
  'Impact.reached': 'select count(*) from voorziening',
  'Impact.flows': 'select count(*) from relation',
  // measures (aggregates): members per measure, and voorzieningen or members per voorziening within one
  'Query.measures': 'select count(*) from measure',
  'Measure.members': maxPerGroup('measure_indicator', 'measure_id'),
  'MeasureTotals.voorzieningen': perMeasureVoorzieningen(),
  'MeasureRanking.ranked': perMeasureVoorzieningen(),
  'MeasureRanking.unranked': perMeasureVoorzieningen(),
  'VoorzieningTotal.members': membersPerMeasureVoorziening(),
  'RankedVoorziening.members': membersPerMeasureVoorziening(),
};

function perMeasureVoorzieningen(): string {
  return `select max(n) from (select count(distinct i.voorziening_id) as n from measure_indicator mi
      join indicator i on i.id = mi.indicator_id group by mi.measure_id) t`;
}

function membersPerMeasureVoorziening(): string {
  return `select max(n) from (select count(*) as n from measure_indicator mi
      join indicator i on i.id = mi.indicator_id group by mi.measure_id, i.voorziening_id) t`;
}

function maxPerGroup(table: string, column: string): string {
  return `select max(n) from (select count(*) as n from ${table} group by ${column}) t`;
}

/** The plain list fields whose size {@link measureListSizes} measures. */
export const MEASURED_LIST_FIELDS: readonly string[] = Object.keys(MEASURES);

/**
 * Measures the plain lists of the dataset in one statement (at least 1 each, so that the cost of what a list
 * holds still counts on an empty dataset).
 */
export async function measureListSizes(db: Kysely<Database>): Promise<ReadonlyMap<string, number>> {
  const fields = Object.keys(MEASURES);
  const columns = fields.map((field, i) => `(${MEASURES[field]}) as m${i}`).join(', ');
  const { rows } = await sql<Record<string, number | string | null>>`select ${sql.raw(columns)}`.execute(db);
  const row = rows[0] ?? {};
  return new Map(fields.map((field, i) => [field, Math.max(1, Number(row[`m${i}`] ?? 0))]));
}
