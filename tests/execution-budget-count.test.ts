import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLString } from 'graphql';
import { budgeted, createBudget, type Budgeted } from '../server/graphql/limits/execution-budget';

/** What a counted resolver's value adds to its request's node budget, at once or after a wait. */
describe('what a resolved value counts', () => {
  const info = { returnType: GraphQLString } as unknown as GraphQLResolveInfo;
  const countOf = (value: unknown) => {
    const context = { budget: createBudget(60_000, 1_000_000) };
    budgeted<Budgeted>(() => value)({}, {}, context, info);
    return context.budget.nodes;
  };

  it.each([
    ['a string', 'SUPPLIES_DATA_TO'],
    ['an empty string', ''],
    ['a number', 42],
    ['zero', 0],
    ['a boolean', false],
    ['null', null],
    ['undefined', undefined],
    ['an object', { code: 'brp' }],
    ['an object whose nodes is no list', { nodes: 'three' }],
  ])('%s counts one', (_, value) => {
    expect(countOf(value)).toBe(1);
  });

  it('a list counts itself and each item; a page itself and each of its nodes', () => {
    expect(countOf([])).toBe(1);
    expect(countOf(['a', 'b', 'c'])).toBe(4);
    expect(countOf({ nodes: [] })).toBe(1);
    expect(countOf({ nodes: [{}, {}], totalCount: 2 })).toBe(3);
  });

  it('a string is not looked into for nodes, even where strings have one', () => {
    const prototype = String.prototype as unknown as { nodes?: unknown };
    prototype.nodes = [1, 2, 3];
    try {
      expect(countOf('text')).toBe(1);
    } finally {
      delete prototype.nodes;
    }
  });

  it('a value that came after a wait counts the same, once it is there', async () => {
    const context = { budget: createBudget(60_000, 1_000_000) };
    await budgeted<Budgeted>(async () => ['a', 'b'])({}, {}, context, info);
    await budgeted<Budgeted>(async () => 'leaf')({}, {}, context, info);
    expect(context.budget.nodes).toBe(4);
  });

  it('adds up over resolvers, and stops the request once over its budget', () => {
    const context = { budget: createBudget(60_000, 3) };
    const leaf = budgeted<Budgeted>(() => 'x');
    for (let i = 0; i < 3; i += 1) leaf({}, {}, context, info);
    expect(context.budget.nodes).toBe(3);
    expect(context.budget.stopped).toBeUndefined();
    leaf({}, {}, context, info);
    expect(context.budget.nodes).toBe(4);
    expect(context.budget.stopped?.extensions.code).toBe('NODE_BUDGET_EXCEEDED');
  });
});
