import { parse, type ExecutionResult } from 'graphql';
import { sql } from 'kysely';
import {
  seenOperations,
  seenWeight,
  type SeenOperation,
  type SeenOperations,
} from '../server/graphql/seen-operations';
import { answerKeys } from '../server/http/answer-key';
import { startServer, type RunningServer, type StartOptions } from '../server/start-server';
import { exampleMix } from '../harness/query-mix';
import { buildRealDatabase, type BuiltDatabase } from './support/built-database';
import { openWritable } from './support/test-database';

/** A store of seen operations that tells what it was asked to keep and what it ran. */
function watchedStore(store: SeenOperations = seenOperations()) {
  const kept: string[] = [];
  // the weight each was kept with
  const sizes: number[] = [];
  const runs: ExecutionResult[] = [];
  // for each answer written from the store: whether the operation's own writer wrote its data
  const written: boolean[] = [];
  const watched: SeenOperations = {
    get: (key) => store.get(key),
    remember: (key, operation, size) => {
      kept.push(key);
      sizes.push(size);
      store.remember(key, operation, size);
    },
    execute: async (operation, request, context) => {
      const result = await store.execute(operation, request, context);
      runs.push(result);
      return result;
    },
    answerText: (operation, request, result) => {
      const text = store.answerText(operation, request, result);
      written.push(
        typeof operation.shape?.writer === 'function' && operation.shape.writer(result.data) !== undefined,
      );
      return text;
    },
  };
  return { store, watched, kept, runs, written, sizes };
}

/** A parsed JSON answer, loosely typed. */
type Json = any;
const json = async (response: Response | Promise<Response>): Promise<Json> => (await response).json();

/** What two answers are compared on: status, body and every header but the date. */
const described = async (response: Response) => ({
  status: response.status,
  body: await response.text(),
  headers: [...response.headers].filter(([name]) => name !== 'date'),
});

describe('operations seen before: run again without Apollo, answered the same', () => {
  let built: BuiltDatabase;
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    built = await buildRealDatabase();
  });
  // each test's servers are closed after it, so that their PostgreSQL pools do not add up
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  afterAll(() => built.close());

  /** A server on the shared database, without the answer store (every answer is executed). */
  const serve = async (options: Partial<StartOptions> = {}) => {
    const server = await startServer(
      { port: 0, host: '127.0.0.1', database: built.location, responseCache: false, ...options },
      () => undefined,
    );
    servers.push(server);
    return server;
  };
  const post = (server: RunningServer, body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  for (const executor of ['graphql-js', 'jit'] as const) {
    it(`answers the second time (${executor}) byte for byte as Apollo answered the first, POST and GET`, async () => {
      const { watched, kept, runs, written, sizes } = watchedStore(seenOperations(executor));
      const server = await serve({ executor, seen: watched });
      const withVariables = {
        name: 'lookup',
        body: JSON.stringify({
          query: `query L($code: String!, $year: Int) { voorziening(code: $code) { code name kind
            indicators { key observations(year: $year) { year value raw } } } }`,
          variables: { code: 'brp', year: 2019 },
        }),
      };
      // its keys depend on its variables: it has no writer, and JSON.stringify writes it
      const withInclude = {
        name: 'include',
        body: JSON.stringify({
          query: `query I($names: Boolean!) { voorzieningen(first: 3) { nodes { code name @include(if: $names) } } }`,
          variables: { names: false },
        }),
      };
      for (const operation of [...exampleMix(), withVariables, withInclude]) {
        for (const accept of [undefined, 'application/graphql-response+json']) {
          const headers: Record<string, string> = accept ? { accept } : {};
          const before = runs.length;
          const first = await described(await post(server, operation.body, headers));
          expect({ id: operation.name, kept: kept.length > 0, runs: runs.length }).toEqual({
            id: operation.name,
            kept: true,
            runs: before,
          });
          // kept with its weight (its selections, or its length), which bounds the store
          const { query } = JSON.parse(operation.body) as { query: string };
          expect(sizes.at(-1)).toBe(seenWeight(parse(query), undefined, query.length));
          const second = await described(await post(server, operation.body, headers));
          expect(runs).toHaveLength(before + 1);
          expect(runs.at(-1)!.errors).toBeUndefined();
          // its data written by the writer made for its shape, not by JSON.stringify
          expect({ id: operation.name, written: written.at(-1) }).toEqual({
            id: operation.name,
            written: operation !== withInclude,
          });
          expect({ id: operation.name, ...second }).toEqual({ id: operation.name, ...first });
          expect(first.status).toBe(200);
        }
        const { query, variables } = JSON.parse(operation.body) as { query: string; variables?: object };
        const url = `${server.url}/graphql?${new URLSearchParams({ query, variables: JSON.stringify(variables ?? {}) })}`;
        const getFirst = await described(await fetch(url));
        const runsBefore = runs.length;
        const getSecond = await described(await fetch(url));
        expect(runs).toHaveLength(runsBefore + 1);
        expect(getSecond).toEqual(getFirst);
        expect(getFirst.headers).toContainEqual(['cache-control', 'public, max-age=300']);
      }
    });
  }

  it('keeps only what Apollo answered without errors, per request: other variables are a new request', async () => {
    const { watched, kept, runs } = watchedStore();
    const server = await serve({ seen: watched });
    const lookup = (code: string) =>
      JSON.stringify({
        query: 'query($code: String!) { voorziening(code: $code) { name } }',
        variables: { code },
      });
    const unknown = await json(post(server, lookup('no-such-code')));
    expect(unknown.errors[0].extensions.code).toBe('NOT_FOUND');
    await post(server, lookup('no-such-code'));
    expect({ kept: kept.length, runs: runs.length }).toEqual({ kept: 0, runs: 0 });
    await post(server, lookup('brp'));
    expect({ kept: kept.length, runs: runs.length }).toEqual({ kept: 1, runs: 0 });
    await post(server, lookup('bag')); // the same document, other variables: Apollo's again
    expect({ kept: kept.length, runs: runs.length }).toEqual({ kept: 2, runs: 0 });
    // the same request written otherwise (white space, a comment): the same key
    const respaced = JSON.stringify({
      query: 'query($code: String!) {\n  # the name\n  voorziening(code: $code) { name }\n}',
      variables: { code: 'brp' },
    });
    const answer = await json(post(server, respaced));
    expect(answer).toEqual({ data: { voorziening: { name: 'Basisregistratie Personen' } } });
    expect({ kept: kept.length, runs: runs.length }).toEqual({ kept: 2, runs: 1 });
  });

  it('compiles a document once for every request of it, whatever its variables (graphql-jit and the writer)', async () => {
    const store = seenOperations('jit');
    // the operations run from the store, in order
    const ran: SeenOperation[] = [];
    const watched: SeenOperations = {
      ...store,
      execute: (operation, request, context) => {
        ran.push(operation);
        return store.execute(operation, request, context);
      },
    };
    const server = await serve({ executor: 'jit', seen: watched });
    const page = (query: string, after?: string) =>
      JSON.stringify({ query, variables: after === undefined ? {} : { after } });
    const query =
      'query P($after: String) { observations(first: 2, after: $after) { nodes { year value } pageInfo { endCursor } } }';
    const answers: Json[] = [];
    let after: string | undefined;
    // three pages, each asked twice: the second of each runs from the store
    for (let n = 0; n < 3; n += 1) {
      const first = await json(post(server, page(query, after)));
      expect(await json(post(server, page(query, after)))).toEqual(first);
      answers.push(first);
      after = first.data.observations.pageInfo.endCursor;
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(3);
    expect(ran).toHaveLength(3);
    // three entries of the store (three answer keys), one compiled query and one writer
    expect(new Set(ran)).toHaveProperty('size', 3);
    expect(typeof ran[0]!.shape?.compiled?.query).toBe('function');
    expect(typeof ran[0]!.shape?.writer).toBe('function');
    for (const operation of ran.slice(1)) {
      expect(operation.shape?.compiled).toBe(ran[0]!.shape?.compiled);
      expect(operation.shape?.writer).toBe(ran[0]!.shape?.writer);
    }
    // another document compiles its own
    const other = query.replace('{ year value }', '{ year value raw }');
    await post(server, page(other));
    await post(server, page(other));
    expect(ran).toHaveLength(4);
    expect(ran[3]!.shape?.compiled).not.toBe(ran[0]!.shape?.compiled);
    expect(typeof ran[3]!.shape?.compiled?.query).toBe('function');
  });

  it('lets Apollo answer when the run without it meets an error, as a server without the store answers', async () => {
    const { watched, runs } = watchedStore();
    const withStore = await serve({ seen: watched });
    const without = await serve({ seenOperations: false });
    const body = JSON.stringify({
      // the corrections are read in SQL (the observations come from memory)
      query: '{ voorziening(code: "bgt") { name indicators { key corrections { year } } } }',
    });
    const healthy = await described(await post(withStore, body));
    expect(healthy.status).toBe(200);
    // the server without the store runs it once too: its next run, like the store's, is the operation's second
    // (under graphql-jit the compiled one, which reports a failure in every list item, not only the first)
    expect(await described(await post(without, body))).toEqual(healthy);
    const writable = openWritable(built.location);
    try {
      await sql`alter table correction rename to correction_away`.execute(writable);
      const broken = await described(await post(withStore, body));
      expect(runs).toHaveLength(1);
      expect(runs[0]!.errors!.length).toBeGreaterThan(0);
      expect(broken).toEqual(await described(await post(without, body)));
      expect(JSON.parse(broken.body).errors[0].message).toBe('Internal server error');
    } finally {
      await sql`alter table correction_away rename to correction`.execute(writable);
      await writable.destroy();
    }
    expect(await described(await post(withStore, body))).toEqual(healthy);
  });

  it('lets Apollo answer when the run without it throws', async () => {
    const store = seenOperations();
    let thrown = 0;
    const server = await serve({
      seen: {
        ...store,
        execute: async () => {
          thrown += 1;
          throw new Error('planted');
        },
      },
    });
    const body = JSON.stringify({ query: '{ voorziening(code: "brp") { name indicators { key } } }' });
    const first = await described(await post(server, body));
    const second = await described(await post(server, body));
    expect(thrown).toBe(1);
    expect(second).toEqual(first);
    expect(first.status).toBe(200);
  });

  it("answers a stop in the run without Apollo with Apollo's answer of the stop", async () => {
    const { store, watched, runs } = watchedStore();
    const server = await serve({ seen: watched });
    const small = { query: '{ voorziening(code: "brp") { name } }' };
    await post(server, JSON.stringify(small));
    // the key of the small request now holds a document that resolves more nodes than any budget allows
    const key = answerKeys()((await json(fetch(`${server.url}/healthz`))).dataset, 'POST', small, '*/*')!;
    const kept = store.get(key);
    expect(kept).toBeDefined();
    const wide = `{ ${Array.from({ length: 60 }, (_, n) => `a${n}: observations(first: 500) { nodes { raw } }`).join(' ')} }`;
    const weight = seenWeight(parse(wide), undefined, wide.length);
    store.remember(key, { ...kept!, document: parse(wide) } satisfies SeenOperation, weight);
    const stopped = await json(post(server, JSON.stringify(small)));
    expect(runs).toHaveLength(1);
    expect(stopped.data).toBeNull();
    expect(stopped.errors).toHaveLength(1);
    expect(stopped.errors[0].extensions.code).toBe('NODE_BUDGET_EXCEEDED');
  });
});

describe('the store of seen operations', () => {
  const operation = (query: string): SeenOperation => ({
    schema: undefined as never,
    document: parse(query),
    headers: [],
  });

  it('keeps documents up to its bounds, least recently used going first', () => {
    const limits = { maxSize: 1000, maxEntrySize: 400 };
    const filled = (sizes: number[]) => {
      const store = seenOperations('graphql-js', limits);
      sizes.forEach((size, n) => store.remember(`k${n}`, operation('{ a }'), size));
      return sizes.map((_, n) => store.get(`k${n}`) !== undefined);
    };
    expect(filled([400, 400, 200])).toEqual([true, true, true]); // exactly full: all kept
    expect(filled([400, 400, 201])).toEqual([false, true, true]); // one over: the oldest goes
    expect(filled([401, 1])).toEqual([false, true]); // over the largest entry: not kept
    expect(filled([400])).toEqual([true]); // exactly the largest: kept
    const store = seenOperations('graphql-js', limits);
    store.remember('a', operation('{ a }'), 400);
    store.remember('b', operation('{ b }'), 400);
    expect(store.get('a')).toBeDefined(); // a is now the more recently used
    store.remember('c', operation('{ c }'), 201);
    expect([store.get('c'), store.get('a'), store.get('b')].map(Boolean)).toEqual([true, true, false]);
  });
});
