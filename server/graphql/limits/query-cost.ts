import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ConnectionName } from '../../domain/cursor';
import { PAGE_SIZES } from '../page-sizes';
import { checkArgumentValues, type ArgumentCaps } from './argument-caps';
import type { ListSizes } from './list-sizes';

/** What a query is costed on: its schema and fragments, the variables' values, the sizes of plain lists. */
export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  /** The operation's variables, coerced (defaults applied). */
  variables: Record<string, unknown>;
  /** Assumed sizes of plain lists and the row counts of the connections (see `list-sizes.ts`). */
  sizes: ListSizes;
  /** The caps every argument value is checked against on the way. */
  caps: ArgumentCaps;
}

/** The sizes a list's length may be read from: the page of the connection or the length of the path above it. */
interface Enclosing {
  /** The page size of the connection whose `edges`/`nodes` these are. */
  page?: number;
  /** The longest path asked for (`path(maxDepth:)`). */
  pathLength?: number;
}

/** The connection fields, with the row count that bounds their pages. */
const CONNECTION_TOTALS: Record<string, string> = {
  'Query.voorzieningen': 'Query.voorzieningen',
  'Query.indicators': 'Query.indicators',
  'Query.observations': 'Query.observations',
  'Query.relations': 'Query.relations',
};

/** The assumed length of a plain list nobody measured: large enough that a list of lists is expensive. */
export const UNMEASURED_LIST_SIZE = 100;

/**
 * The static cost of an operation, before it runs: every field counts 1, and what a list holds counts once
 * per item it may hold. Items are read from the arguments where the API takes them (`first`/`last` of a
 * connection, whether written in the query or passed as a variable, the connection's default page when
 * neither is given (`page-sizes.ts`), at most the rows there are; `search(limit:)`; `path(maxDepth:)`) and
 * otherwise from the longest such list in the data.
 * So `domains { voorzieningen { domain { voorzieningen { … } } } }` costs what it would resolve. Every
 * argument value is checked against its caps on the way (a `GraphQLError` with BAD_USER_INPUT is thrown).
 * Fragments are costed once per type and enclosing size, so the work is linear in the document.
 */
export function queryCost(input: CostInput): number {
  const { schema, sizes, variables, caps } = input;
  const memo = new Map<string, number>();

  const fieldDef = (
    parent: GraphQLCompositeType,
    name: string,
  ): GraphQLField<unknown, unknown> | undefined => {
    if (name === SchemaMetaFieldDef.name && parent === schema.getQueryType()) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name && parent === schema.getQueryType()) return TypeMetaFieldDef;
    if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
    return 'getFields' in parent ? parent.getFields()[name] : undefined;
  };

  const listSize = (
    parent: GraphQLCompositeType,
    field: string,
    args: Record<string, unknown>,
    enclosing: Enclosing,
  ): number => {
    if (parent.name.endsWith('Connection') && (field === 'edges' || field === 'nodes')) {
      return enclosing.page ?? UNMEASURED_LIST_SIZE;
    }
    if (parent.name === 'Path') {
      const length = enclosing.pathLength ?? UNMEASURED_LIST_SIZE;
      return field === 'voorzieningen' ? length + 1 : length;
    }
    if (parent.name === 'Query' && field === 'search') return positive(args.limit);
    return sizes.get(`${parent.name}.${field}`) ?? UNMEASURED_LIST_SIZE;
  };

  const enclosingOf = (key: string, args: Record<string, unknown>): Enclosing => {
    const total = CONNECTION_TOTALS[key];
    if (total) {
      const given = (value: unknown) => value !== undefined && value !== null;
      const asked =
        given(args.first) || given(args.last)
          ? Math.max(given(args.first) ? positive(args.first) : 0, given(args.last) ? positive(args.last) : 0)
          : PAGE_SIZES[key.slice('Query.'.length) as ConnectionName].default;
      return { page: Math.min(asked, sizes.get(total) ?? asked) };
    }
    if (key === 'Query.path') return { pathLength: positive(args.maxDepth) };
    return {};
  };

  const selectionCost = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    enclosing: Enclosing,
  ): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const def = fieldDef(parent, selection.name.value);
        if (!def) continue; // validation has refused unknown fields already
        const args = getArgumentValues(def, selection, variables);
        checkArgumentValues(`${parent.name}.${def.name}`, args, caps);
        const type = getNullableType(def.type);
        const items = isListType(type) ? listSize(parent, def.name, args, enclosing) : 1;
        const named = getNamedType(def.type);
        const inner =
          selection.selectionSet && isCompositeType(named)
            ? selectionCost(selection.selectionSet, named, enclosingOf(`${parent.name}.${def.name}`, args))
            : 0;
        cost += inner > 0 ? 1 + items * inner : items;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) cost += selectionCost(selection.selectionSet, type, enclosing);
      } else {
        const fragment = input.fragments[selection.name.value];
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !type || !isCompositeType(type)) continue;
        const key = `${fragment.name.value}|${parent.name}|${enclosing.page}|${enclosing.pathLength}`;
        let fragmentCost = memo.get(key);
        if (fragmentCost === undefined) {
          fragmentCost = selectionCost(fragment.selectionSet, type, enclosing);
          memo.set(key, fragmentCost);
        }
        cost += fragmentCost;
      }
    }
    return cost;
  };

  const root =
    input.operation.operation === 'query'
      ? schema.getQueryType()
      : input.operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return 0;
  return selectionCost(input.operation.selectionSet, root, {});
}

/** A size argument as a count: a positive integer, else 1 (the resolver refuses it before any work). */
function positive(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : 1;
}
