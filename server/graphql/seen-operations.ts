import {
  execute,
  getOperationAST,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { compileBounded, expandedSelections } from './bounded-compile';
import { compileDataWriter, type DataWriter } from './data-writer';
import { LRUCache } from 'lru-cache';
import type { GraphQLContext } from './context';
import { DEFAULT_EXECUTOR, withGraphQLJsErrors, type GraphQLExecutor } from './execution-gateway';
import { budgetedDefaultResolver } from './limits/execution-budget';

/**
 * An operation Apollo ran to a whole answer without errors, as it ran it: the schema, the parsed and
 * validated document, and the response headers it sent (its content type, negotiated from `Accept`).
 */
export interface SeenOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  headers: readonly (readonly [string, string])[];
  /**
   * What it compiles to (graphql-jit's query, its answers' writer), made on its first run from here and shared
   * with the entries of the same document and operation name (other variables): see {@link CompiledShape}.
   */
  shape?: CompiledShape;
}

/** What {@link SeenOperations.execute} is asked to run: the operation's name and the request's variables. */
export interface SeenRequest {
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** The store of operations seen before, and their execution without Apollo's pipeline. */
export interface SeenOperations {
  /** The operation kept under `key` (an answer key: it holds the dataset version and the request), if any. */
  get(key: string): SeenOperation | undefined;
  /** Keeps `operation` under `key`; `size` is its weight (see {@link seenWeight}: what bounds the store). */
  remember(key: string, operation: SeenOperation, size: number): void;
  /** Runs `operation` for `request` with `context`, as Apollo would run it (same schema, resolvers, budget). */
  execute(operation: SeenOperation, request: SeenRequest, context: GraphQLContext): Promise<ExecutionResult>;
  /**
   * The text of the answer to a result of `operation` without errors, as Apollo writes it: `{"data":…}` (with
   * its `extensions`, if any) and a newline; `data` by the operation's writer where it has one.
   */
  answerText(operation: SeenOperation, request: SeenRequest, result: ExecutionResult): string;
}

/**
 * The store's bounds, in weight (see {@link seenWeight}): what it keeps in all, and the most one operation may
 * weigh to be kept. Measured (RSS of a server sent distinct operations, each twice, before this bound): an
 * operation of 208 selections kept about 1.4 MB (graphql-jit's compiled query, then the writer), one of 2
 * selections about 23 KB, and the store's old bound (4 MB of documents' characters) let 400 of the first take
 * 580 MB and 22 000 of the second 540 MB, still growing. 4096 keeps at most about 27 MB of compiled
 * selections (1024 operations at the least weight), and every operation of the SDK (1166 selections in all)
 * with the playground's examples. Entries of one document with other variables share what it compiles to
 * (see `CompiledShapes`) and each still weighs it: the bound overcounts them.
 */
export const SEEN_OPERATION_LIMITS = { maxSize: 4096, maxEntrySize: 1024 } as const;

/** The least an operation weighs (what keeping any operation costs, compiled or not). */
const LEAST_WEIGHT = 4;

/** Characters of a document that weigh as much as one selection (its parsed form is kept). */
const CHARACTERS_PER_WEIGHT = 64;

/**
 * What keeping an operation weighs in the store: its selections with its fragments expanded (what graphql-jit
 * compiles and the writer writes, counted as far as the store's largest entry and one more), or its document's
 * length in units of {@link CHARACTERS_PER_WEIGHT} characters when that is more, and at least
 * {@link LEAST_WEIGHT}.
 */
export function seenWeight(
  document: DocumentNode,
  operationName: string | undefined,
  length: number,
): number {
  const operation = getOperationAST(document, operationName);
  const selections = operation
    ? expandedSelections(document, operation, SEEN_OPERATION_LIMITS.maxEntrySize)
    : SEEN_OPERATION_LIMITS.maxEntrySize + 1;
  return Math.max(LEAST_WEIGHT, selections, Math.ceil(length / CHARACTERS_PER_WEIGHT));
}

/**
 * What an operation compiles to, shared by the entries of its document and operation name (see
 * {@link SeenOperation.shape}), each made once when first needed.
 */
export interface CompiledShape {
  readonly schema: GraphQLSchema;
  /**
   * graphql-jit's compiled query, or null when it is not compiled (too large, see `MAX_COMPILED_SELECTIONS`, or
   * graphql-jit cannot) and graphql-js runs it.
   */
  compiled?: CompiledQuery | null;
  /** The writer of its results' `data` (see `compileDataWriter`), or null when it has none (`JSON.stringify`). */
  writer?: DataWriter | null;
}

/**
 * What the operations of one parsed document compile to, shared by every request of it whatever its
 * variables: graphql-jit's compiled query takes them when it runs, and an operation with a writer has no
 * directive whose keys depend on them. Requests with other variables are other entries of the store (other
 * answer keys) but, sent with the same text, the same document (Apollo's document store parses a text once),
 * so a client paging with a new cursor, or looking up another code, each time compiled the same operation
 * anew (graphql-jit's about 0.1 ms a selection, and a writer) and kept one more copy. Found by the document
 * (weakly), the operation name and the schema; held only by the store's entries that use it (this holds it
 * weakly): what the entries let go is let go, whatever else still holds the document (Apollo's store keeps more
 * documents than the store of seen operations keeps compiled).
 */
class CompiledShapes {
  readonly #byDocument = new WeakMap<DocumentNode, Map<string, WeakRef<CompiledShape>>>();

  /** The shape `operation` shares with the other entries of its document and operation name (kept on it). */
  of(operation: SeenOperation, operationName: string | undefined): CompiledShape {
    if (operation.shape !== undefined) return operation.shape;
    let byName = this.#byDocument.get(operation.document);
    if (byName === undefined) this.#byDocument.set(operation.document, (byName = new Map()));
    const name = operationName ?? '';
    let shape = byName.get(name)?.deref();
    if (shape === undefined || shape.schema !== operation.schema) {
      shape = { schema: operation.schema };
      byName.set(name, new WeakRef(shape));
    }
    operation.shape = shape;
    return shape;
  }
}

/**
 * Operations seen before, run again without Apollo's request pipeline. The HTTP layer keeps an operation here
 * once Apollo has answered it 200 without errors, under the request's answer key (dataset version, method,
 * `Accept`, the document as printed, the operation and its variables). Everything Apollo decided for that
 * answer depends on the key alone: parsing, validation with every limit rule, the static cost (variables
 * and the version's list sizes), the argument caps and the negotiated content type. A request with that key
 * is then executed directly with the same schema, resolvers and execution budget, by graphql-js (with the
 * budgeted default field resolver, as Apollo runs it) or, with `executor: 'jit'`, by its compiled form from
 * graphql-jit (compiled here on its first run, within `MAX_COMPILED_SELECTIONS`; else graphql-js). Only an answer without errors is sent from here; anything else goes back through
 * Apollo (see `handleGraphQL`). Bounded by `limits` (default {@link SEEN_OPERATION_LIMITS}): the least recently
 * used go first, and a document longer than `maxEntrySize` is not kept.
 */
export function seenOperations(
  executor: GraphQLExecutor = DEFAULT_EXECUTOR,
  limits: { maxSize: number; maxEntrySize: number } = SEEN_OPERATION_LIMITS,
): SeenOperations {
  const kept = new LRUCache<string, SeenOperation>({ ...limits });
  const graphqlJs = async (operation: SeenOperation, request: SeenRequest, context: GraphQLContext) =>
    execute({
      schema: operation.schema,
      document: operation.document,
      contextValue: context,
      variableValues: request.variables,
      operationName: request.operationName,
      fieldResolver: budgetedDefaultResolver,
    });
  const compiledOf = new CompiledShapes();
  const jit = async (operation: SeenOperation, request: SeenRequest, context: GraphQLContext) => {
    const shape = compiledOf.of(operation, request.operationName);
    if (shape.compiled === undefined) {
      const definition = getOperationAST(operation.document, request.operationName);
      shape.compiled =
        (definition &&
          compileBounded(operation.schema, operation.document, definition, request.operationName)) ??
        null;
    }
    if (shape.compiled === null) return graphqlJs(operation, request, context);
    const result = await shape.compiled.query(undefined, context, request.variables ?? {});
    // its errors go to Apollo (a result with errors is answered through it): as graphql-js's own
    return withGraphQLJsErrors(result as ExecutionResult);
  };
  const run = executor === 'jit' ? jit : graphqlJs;
  return {
    get: (key) => kept.get(key),
    remember: (key, operation, size) => {
      kept.set(key, operation, { size: Math.max(1, size) });
    },
    execute: run,
    answerText: (operation, request, result) => {
      const shape = compiledOf.of(operation, request.operationName);
      if (shape.writer === undefined) {
        const definition = getOperationAST(operation.document, request.operationName);
        shape.writer =
          (definition && compileDataWriter(operation.schema, operation.document, definition)) ?? null;
      }
      const data = result.extensions === undefined ? shape.writer?.(result.data) : undefined;
      if (data !== undefined) return `{"data":${data}}\n`;
      return JSON.stringify({ data: result.data, extensions: result.extensions }) + '\n';
    },
  };
}
