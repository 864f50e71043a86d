import { buildSchema, getOperationAST, parse, printSchema, type ExecutionResult } from 'graphql';
import * as boundedCompile from '../server/graphql/bounded-compile';
import { executionGateway, type JitPolicy } from '../server/graphql/execution-gateway';
import { SEEN_OPERATION_LIMITS, seenOperations, seenWeight } from '../server/graphql/seen-operations';

// What is kept compiled grows with the operations' selections (graphql-jit's code, the answers' writers): both
// stores bound it by selections, not only by a count of operations or of documents' characters.

const schema = buildSchema('type T { a: Int b: Int c: Int d: Int } type Query { t: T x: Int }');

describe('seenWeight: what keeping an operation seen before weighs', () => {
  const weight = (text: string, name?: string) => seenWeight(parse(text), name, text.length);

  it('is its expanded selections, at least 4', () => {
    expect(weight('{ t { a b c d } x }')).toBe(6);
    expect(weight('{ t { ...F } t2: t { ...F } } fragment F on T { a b c }')).toBe(2 * 5);
    expect(weight('{ x }')).toBe(4);
    // the operation asked for, not another in the document
    expect(weight('query A { x } query B { t { a b c d } x }', 'B')).toBe(6);
  });

  it('is its length in 64 characters when that is more', () => {
    const padded = `{ x } ${'#'.repeat(64 * 10 - 6)}`;
    expect(padded).toHaveLength(640);
    expect(weight(padded)).toBe(10);
    expect(weight(`${padded} `)).toBe(11);
  });

  it('is past the largest entry for an operation that expands past it, or that is not there', () => {
    const cycle = '{ t { ...F } } fragment F on T { ...G } fragment G on T { ...F }';
    expect(weight(cycle)).toBe(SEEN_OPERATION_LIMITS.maxEntrySize + 1);
    expect(weight('query A { x }', 'B')).toBe(SEEN_OPERATION_LIMITS.maxEntrySize + 1);
  });

  it('keeps operations of 4096 selections in all, and not one of more than 1024', () => {
    const store = seenOperations('jit');
    const operation = (text: string) => ({ schema, document: parse(text), headers: [] });
    const big = `{ ${Array.from({ length: 1024 }, (_, n) => `x${n}: x`).join(' ')} }`;
    expect(weight(big)).toBe(1024);
    for (let n = 0; n < 4; n++) store.remember(`big${n}`, operation(big), weight(big));
    expect([0, 1, 2, 3].map((n) => store.get(`big${n}`) !== undefined)).toEqual([true, true, true, true]);
    store.remember('small', operation('{ x }'), weight('{ x }'));
    // one over: the least recently used goes
    expect([store.get('big0'), store.get('small')].map(Boolean)).toEqual([false, true]);
    const tooBig = `{ ${big.slice(2, -2)} y: x }`;
    store.remember('too big', operation(tooBig), weight(tooBig));
    expect(store.get('too big')).toBeUndefined();
  });
});

describe('the jit executor keeps compiled operations up to keptSelections', () => {
  afterEach(() => jest.restoreAllMocks());

  /** Runs `text` through a gateway's executor with `policy`, as Apollo would hand it an operation. */
  async function runner(policy: JitPolicy) {
    const gateway = executionGateway(schema, printSchema(schema), 'jit', policy);
    const { executor } = await gateway.load({ apollo: {} as never });
    return async (text: string): Promise<ExecutionResult> => {
      const document = parse(text);
      return executor!({
        document,
        queryHash: text,
        operation: getOperationAST(document)!,
        operationName: null,
        request: {},
        context: { result: {} },
      } as never) as Promise<ExecutionResult>;
    };
  }

  it('compiles again an operation let go to keep the selections within the bound, and keeps it otherwise', async () => {
    const compiles = jest.spyOn(boundedCompile, 'compileBounded');
    // three selections each: two fit in 6, a third does not
    const run = await runner({ cacheSize: 100, compileOnRun: 1, maxSelections: 256, keptSelections: 6 });
    const [a, b, c] = ['{ t { a b } }', '{ t { b c } }', '{ t { c d } }'];
    for (const text of [a, b, a, b]) await run(text);
    expect(compiles).toHaveBeenCalledTimes(2); // exactly full: both kept
    await run(c); // one over: the least recently used (a) goes
    await run(b);
    expect(compiles).toHaveBeenCalledTimes(3);
    await run(a);
    expect(compiles).toHaveBeenCalledTimes(4);
    expect(await run(a)).toEqual({ data: { t: null } });
  });
});
