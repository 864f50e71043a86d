import { sql, type Kysely } from 'kysely';
import {
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Database } from '../../db/database';

/**
 * The assumed length of every plain list field (`Type.field` → items), for the static cost: the longest such
 * list in the dataset being served (e.g. `Domain.voorzieningen` is the largest domain). Lists measured by an
 * argument (a connection's page, `search(limit:)`, a path's `maxDepth`) are sized from that argument instead
 * (see `query-cost.ts`).
 */
export type ListSizes = ReadonlyMap<string, number>;

/**
 * How each plain list field's size is measured: one SQL expression per field, evaluated together in one
 * statement. Each is an upper bound of what the field's resolver can return for any parent.
 */
const MEASURES: Record<string, string> = {
  'Edition.years': 'select count(distinct year) from observation',
  'Query.domains': 'select count(*) from domain',
  'Query.basisregistraties': "select count(*) from voorziening where kind = 'BASISREGISTRATIE'",
  'Query.discrepancies': 'select count(*) from discrepancy',
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
  'Discrepancy.observations': maxPerGroup('discrepancy_observation', 'discrepancy_id'),
  'Neighborhood.neighbors': 'select count(*) from voorziening',
  'Neighborhood.relations': 'select count(*) from relation',
  'Stelsel.nodes': 'select count(*) from voorziening',
  'Stelsel.edges': 'select count(*) from relation',
};

function maxPerGroup(table: string, column: string): string {
  return `select max(n) from (select count(*) as n from ${table} group by ${column}) t`;
}

/** The plain list fields whose size {@link measureListSizes} measures. */
export const MEASURED_LIST_FIELDS: readonly string[] = Object.keys(MEASURES);

/**
 * Measures the plain lists of the dataset in one statement (at least 1 each, so that the cost of what a list
 * holds still counts on an empty dataset).
 */
export async function measureListSizes(db: Kysely<Database>): Promise<ListSizes> {
  const fields = Object.keys(MEASURES);
  const columns = fields.map((field, i) => `(${MEASURES[field]}) as m${i}`).join(', ');
  const { rows } = await sql<Record<string, number | string | null>>`select ${sql.raw(columns)}`.execute(db);
  const row = rows[0] ?? {};
  return new Map(fields.map((field, i) => [field, Math.max(1, Number(row[`m${i}`] ?? 0))]));
}

/** The sizes measured per database handle, for the dataset version it held then. */
const measuredSizes = new WeakMap<Kysely<Database>, { version: string; sizes: Promise<ListSizes> }>();

/**
 * The list sizes of the dataset `version` that `db` serves, measured once per handle and version (the server
 * measures at start-up; a PostgreSQL rebuild under a running server changes the version, and the next
 * request measures again). A failed measurement is not kept.
 */
export function listSizesOf(db: Kysely<Database>, version: string): Promise<ListSizes> {
  const kept = measuredSizes.get(db);
  if (kept?.version === version) return kept.sizes;
  const sizes = measureListSizes(db);
  measuredSizes.set(db, { version, sizes });
  sizes.catch(() => {
    if (measuredSizes.get(db)?.sizes === sizes) measuredSizes.delete(db);
  });
  return sizes;
}

/**
 * The sizes of the introspection lists (`__Schema.types`, `__Type.fields`, …) in this schema: all types and
 * all directives, and for the lists of a type, field or directive the mean over those it applies to (fields
 * of object and interface types, values of enums, …), rounded up: the standard introspection query then
 * costs about what it returns, while a query that fans out over types and fields again costs as much more
 * as it asks.
 */
export function introspectionListSizes(schema: GraphQLSchema): ListSizes {
  const types = Object.values(schema.getTypeMap());
  const directives = schema.getDirectives();
  const mean = (counts: number[]) =>
    counts.length === 0 ? 1 : Math.max(1, Math.ceil(counts.reduce((a, b) => a + b, 0) / counts.length));
  const withFields = types.filter((t) => isObjectType(t) || isInterfaceType(t));
  const fields = withFields.flatMap((t) => Object.values(t.getFields()));
  return new Map([
    ['__Schema.types', types.length],
    ['__Schema.directives', directives.length],
    ['__Directive.locations', mean(directives.map((d) => d.locations.length))],
    ['__Directive.args', mean(directives.map((d) => d.args.length))],
    ['__Type.fields', mean(withFields.map((t) => Object.keys(t.getFields()).length))],
    [
      '__Type.inputFields',
      mean(types.filter(isInputObjectType).map((t) => Object.keys(t.getFields()).length)),
    ],
    ['__Type.interfaces', mean(withFields.map((t) => t.getInterfaces().length))],
    [
      '__Type.possibleTypes',
      mean(types.filter(isAbstractType).map((t) => schema.getPossibleTypes(t).length)),
    ],
    ['__Type.enumValues', mean(types.filter(isEnumType).map((t) => t.getValues().length))],
    ['__Field.args', mean(fields.map((f) => f.args.length))],
  ]);
}
