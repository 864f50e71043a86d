import type { Kysely } from 'kysely';
import {
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Database } from '../../db/database';
import { measureListSizes } from '../../db/queries/list-measures';
import { keptPerVersion } from '../kept-per-version';

export { MEASURED_LIST_FIELDS, measureListSizes } from '../../db/queries/list-measures';

/**
 * The assumed length of every plain list field (`Type.field` → items), for the static cost: the longest such
 * list in the dataset being served (e.g. `Domain.voorzieningen` is the largest domain). Lists measured by an
 * argument (a connection's page, `search(limit:)`, a path's `maxDepth`) are sized from that argument instead
 * (see `query-cost.ts`).
 */
export type ListSizes = ReadonlyMap<string, number>;

/**
 * The list sizes of the dataset `version` that `db` serves, measured once per handle and version (the server
 * measures at start-up; a PostgreSQL rebuild under a running server changes the version, and the next
 * request measures again). A failed measurement is not kept.
 */
export const listSizesOf: (db: Kysely<Database>, version: string) => Promise<ListSizes> =
  keptPerVersion(measureListSizes);

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
