import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLString } from 'graphql';
import {
  budgeted,
  CLOCK_EVERY,
  createBudget,
  type Budgeted,
} from '../server/graphql/limits/execution-budget';

/** When the clock is read: a request's time budget against a clock the test moves. */
describe('the time budget’s clock', () => {
  let now = 1_000_000;
  let reads = 0;
  beforeEach(() => {
    now = 1_000_000;
    reads = 0;
    jest.spyOn(Date, 'now').mockImplementation(() => {
      reads += 1;
      return now;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  const info = { returnType: GraphQLString } as unknown as GraphQLResolveInfo;
  /** A counted resolver that answers at once, and how many times it ran. */
  const atOnce = () => {
    const ran = { count: 0 };
    const resolve = budgeted<Budgeted>(() => {
      ran.count += 1;
      return 'value';
    });
    return { ran, resolve };
  };

  it('reads it at the first counted resolver: a request already past its deadline runs none', () => {
    const context = { budget: createBudget(10, 1000) };
    now += 11;
    const { ran, resolve } = atOnce();
    expect(resolve({}, {}, context, info)).toBeNull();
    expect(ran.count).toBe(0);
    expect(context.budget.stopped?.extensions).toMatchObject({ code: 'TIME_BUDGET_EXCEEDED', limit: 10 });
  });

  it(`reads it every ${CLOCK_EVERY}th counted resolver that answers at once: at most ${CLOCK_EVERY - 1} run past the deadline`, () => {
    const context = { budget: createBudget(10, 1000) };
    const { ran, resolve } = atOnce();
    resolve({}, {}, context, info); // reads the clock: in time
    expect(reads).toBe(2); // createBudget's read and this one
    now += 11; // past the deadline from here on
    for (let at = 1; at < CLOCK_EVERY; at += 1) expect(resolve({}, {}, context, info)).toBe('value');
    expect(ran.count).toBe(CLOCK_EVERY);
    expect(reads).toBe(2);
    expect(resolve({}, {}, context, info)).toBeNull();
    expect(ran.count).toBe(CLOCK_EVERY);
    expect(reads).toBe(3);
    expect(context.budget.stopped?.message).toMatch(
      /^The request ran 11 ms, over its time budget of 10 ms by 1 ms/,
    );
  });

  it('reads it after every resolver that waited: the next one past the deadline does not run', async () => {
    const context = { budget: createBudget(10, 1000) };
    const { ran, resolve } = atOnce();
    const waits = budgeted<Budgeted>(async () => 'later');
    resolve({}, {}, context, info); // in time; the next read would be CLOCK_EVERY checks later
    await expect(waits({}, {}, context, info)).resolves.toBe('later');
    now += 11;
    expect(resolve({}, {}, context, info)).toBeNull();
    expect(ran.count).toBe(1);
    expect(context.budget.stopped?.extensions).toMatchObject({ code: 'TIME_BUDGET_EXCEEDED' });
  });

  it('never reads it for a property (a resolver that does not count)', () => {
    const context = { budget: createBudget(10, 1000) };
    const property = budgeted<Budgeted>(() => 'property', false);
    now += 11;
    for (let at = 0; at < 3 * CLOCK_EVERY; at += 1) expect(property({}, {}, context, info)).toBe('property');
    expect(reads).toBe(1);
    expect(context.budget.stopped).toBeUndefined();
  });

  it('stops on the node budget at once, whatever the clock', () => {
    const context = { budget: createBudget(10_000, 3) };
    const { ran, resolve } = atOnce();
    for (let at = 0; at < 3; at += 1) resolve({}, {}, context, info);
    expect(context.budget.nodes).toBe(3);
    resolve({}, {}, context, info); // the 4th node: over
    expect(context.budget.stopped?.extensions).toMatchObject({ code: 'NODE_BUDGET_EXCEEDED', found: 4 });
    expect(resolve({}, {}, context, info)).toBeNull();
    expect(ran.count).toBe(4);
  });
});
