import {
  defaultFieldResolver,
  getNullableType,
  GraphQLError,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
} from 'graphql';

/**
 * How much one request may do while it executes: a time budget and a budget of resolved nodes (every field
 * resolver that runs counts one, and every item of a list or page it returns one more). Once either is spent
 * the request is stopped: no resolver runs any more, and the answer is one error that says which budget ran
 * out (see {@link stoppedResult}).
 */
export interface ExecutionBudget {
  /** When the request started (ms since the epoch). */
  readonly startedAt: number;
  /** When its time runs out (ms since the epoch). */
  readonly deadline: number;
  /** Most nodes it may resolve. */
  readonly maxNodes: number;
  /** Nodes resolved so far. */
  nodes: number;
  /** Checks left before the clock is read again (see {@link CLOCK_EVERY}). */
  clockIn: number;
  /** Why it was stopped, once it was. */
  stopped?: GraphQLError;
}

/** A budget of `timeBudgetMs` from now and `maxNodes` nodes. */
export function createBudget(timeBudgetMs: number, maxNodes: number): ExecutionBudget {
  const startedAt = Date.now();
  return { startedAt, deadline: startedAt + timeBudgetMs, maxNodes, nodes: 0, clockIn: 1 };
}

/**
 * How often a request's clock is read: at its first counted resolver, after every resolver that waited (its
 * value came as a promise: time may have passed), and at least every this many counted resolvers in between.
 * A counted resolver that answers at once does bounded work in memory, so a request runs at most this many of
 * them past its deadline; reading the clock at every one was a twentieth of a list's execution.
 */
export const CLOCK_EVERY = 8;

/** What carries a budget: the request's context. */
export interface Budgeted {
  budget: ExecutionBudget;
}

/** The message of a stop: which budget, how far over, what to do. */
const ASK_LESS = 'ask for less at once (smaller pages, lower depth, fewer aliases)';

/**
 * Stops the request when it is past either budget (its clock read as {@link CLOCK_EVERY} says); returns whether
 * it is stopped.
 */
export function isStopped(budget: ExecutionBudget): boolean {
  if (budget.stopped) return true;
  if (budget.nodes > budget.maxNodes) {
    budget.stopped = new GraphQLError(
      `The request resolved ${budget.nodes} nodes, over its budget of ${budget.maxNodes} by ${budget.nodes - budget.maxNodes}; it was stopped. ${capitalise(ASK_LESS)}.`,
      { extensions: { code: 'NODE_BUDGET_EXCEEDED', limit: budget.maxNodes, found: budget.nodes } },
    );
    return true;
  }
  if (--budget.clockIn > 0) return false;
  budget.clockIn = CLOCK_EVERY;
  const now = Date.now();
  if (now <= budget.deadline) return false;
  const ran = now - budget.startedAt;
  const limit = budget.deadline - budget.startedAt;
  budget.stopped = new GraphQLError(
    `The request ran ${ran} ms, over its time budget of ${limit} ms by ${ran - limit} ms; ${ASK_LESS}.`,
    { extensions: { code: 'TIME_BUDGET_EXCEEDED', limit, found: ran } },
  );
  return true;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How many nodes a resolved value counts: a list its items, a page its nodes, anything else one. */
function nodesIn(value: unknown): number {
  // a leaf's value (a string, number, boolean, null): one, without looking up `nodes` on a primitive (that
  // lookup missed V8's inline caches at every leaf: a seventh of the server's CPU for a list, V)
  if (typeof value !== 'object' || value === null) return 1;
  if (Array.isArray(value)) return 1 + value.length;
  const nodes = (value as { nodes?: unknown } | null)?.nodes;
  return Array.isArray(nodes) ? 1 + nodes.length : 1;
}

/** Counts what a resolver resolved, and stops the request as soon as that is over its node budget. */
function count(budget: ExecutionBudget, value: unknown): void {
  // what resolvers started before the stop bring in afterwards is not worked on: not counted either
  if (budget.stopped) return;
  budget.nodes += nodesIn(value);
  if (budget.nodes > budget.maxNodes) isStopped(budget);
}

/** An object that stands in for any object once a request is stopped: its fields stand in too. */
const STAND_IN = Object.freeze({});

/**
 * What a field answers once its request is stopped, without running its resolver: an empty list, null, or
 * for a non-null field a value of its type that is never sent (the stopped answer replaces the data). So
 * no error is raised per field, nothing rejects later, and the rest of the execution costs only the
 * selections already under way.
 */
function standIn(type: GraphQLOutputType): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [];
  if (!isNonNullType(type)) return null;
  if (isObjectType(nullable)) return STAND_IN;
  if (isEnumType(nullable)) return nullable.getValues()[0]?.value;
  if (isScalarType(nullable)) {
    if (nullable.name === 'Int' || nullable.name === 'Float') return 0;
    if (nullable.name === 'Boolean') return false;
    return '';
  }
  return STAND_IN;
}

/**
 * A resolver that keeps to the request's budget: it runs `resolver` and counts what it resolves while the
 * budget lasts, and answers a stand-in without running it once the request is stopped.
 */
export function budgeted<C extends Budgeted>(
  resolver: GraphQLFieldResolver<unknown, C>,
  counts = true,
): GraphQLFieldResolver<unknown, C> {
  return (parent, args, context, info: GraphQLResolveInfo) => {
    const budget = context.budget;
    // reading a property (counts = false) only looks whether the request is stopped; resolvers check the clock
    const stopped = counts ? isStopped(budget) : budget.stopped !== undefined;
    if (stopped || parent === STAND_IN) return standIn(info.returnType);
    const result = resolver(parent, args, context, info);
    if (!counts) return result;
    if (result instanceof Promise) {
      return result.then((value: unknown) => {
        // it waited: the next check reads the clock
        budget.clockIn = 1;
        count(budget, value);
        return value;
      });
    }
    count(budget, result);
    return result;
  };
}

/**
 * The default field resolver (a property of the parent) under the budget: it does not count (reading a
 * property is no work of its own), but once the request is stopped it stands in like every other field.
 */
export const budgetedDefaultResolver = budgeted(defaultFieldResolver, false);

/** Wraps every field resolver of a resolver map with {@link budgeted} (type resolvers `__…` stay as they are). */
export function withExecutionBudget<R extends Record<string, Record<string, unknown>>>(resolvers: R): R {
  const wrapped: Record<string, Record<string, unknown>> = {};
  for (const [type, fields] of Object.entries(resolvers)) {
    wrapped[type] = {};
    for (const [field, resolver] of Object.entries(fields)) {
      wrapped[type]![field] =
        typeof resolver === 'function' && !field.startsWith('__')
          ? budgeted(resolver as GraphQLFieldResolver<unknown, Budgeted>)
          : resolver;
    }
  }
  return wrapped as R;
}

/** The answer of a stopped request: no data, one error that says which budget ran out. */
export function stoppedResult(budget: ExecutionBudget) {
  const error = budget.stopped!;
  return {
    data: null,
    errors: [{ message: error.message, extensions: { ...error.extensions } }],
  };
}
