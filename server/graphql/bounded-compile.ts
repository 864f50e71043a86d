import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * The most selections (fields and fragment spreads, counted with every fragment spread expanded where it is
 * spread) an operation may have to be compiled by graphql-jit. Compiling costs about 0.1 ms of CPU per
 * expanded selection on a slow core (measured: 46 → 4 ms, 454 → 48 ms, 1372 → 143 ms), whatever the data, and
 * no execution budget covers it; fragments spread in many places make a short document expand far (751
 * tokens → 1372 selections). The largest SDK operation (`Voorziening`) has 245
 * (`tests/bounded-compile.test.ts`).
 */
export const MAX_COMPILED_SELECTIONS = 256;

/**
 * The selections of `operation` with its fragments expanded (see {@link MAX_COMPILED_SELECTIONS}), counted
 * only as far as `cap`: once over it the count stops (so it costs at most `cap` steps, even for a fragment
 * cycle, which validation refuses before any execution) and says `cap + 1`.
 */
export function expandedSelections(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  cap: number,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let count = 0;
  const walk = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      // once over the cap, every level stops at its next selection
      if (count > cap) return;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
        continue;
      }
      count += 1;
      const next =
        selection.kind === Kind.FIELD
          ? selection.selectionSet
          : fragments.get(selection.name.value)?.selectionSet;
      if (next) walk(next);
    }
  };
  walk(operation.selectionSet);
  return Math.min(count, cap + 1);
}

/**
 * graphql-jit's compiled form of an operation, or undefined when it is not compiled: it expands to more than
 * `maxSelections` selections (see {@link MAX_COMPILED_SELECTIONS}), or graphql-jit cannot compile it. What is
 * not compiled runs with graphql-js, which answers the same.
 */
export function compileBounded(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  operationName: string | undefined,
  maxSelections: number = MAX_COMPILED_SELECTIONS,
): CompiledQuery | undefined {
  if (expandedSelections(document, operation, maxSelections) > maxSelections) return undefined;
  const compiled = compileQuery(schema, document, operationName);
  return isCompiledQuery(compiled) ? compiled : undefined;
}
