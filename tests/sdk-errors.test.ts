import {
  createClient,
  EditionDocument,
  StelselgraphError,
  StelselgraphGraphQLError,
  StelselgraphHttpError,
  StelselgraphNetworkError,
} from '../sdk/src/index';

// How the SDK's client maps what comes back (or does not) to data or to one of its three errors, with a
// fetch that answers what each case needs: no server involved.

const ENDPOINT = 'http://stelselgraph.test/graphql';

/** A fetch that records its calls and answers with `body` (a string as is, anything else as JSON). */
const answering = (body: unknown, status = 200) => {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init! });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
};

const failure = (promise: Promise<unknown>) =>
  promise.then(
    (data) => {
      throw new Error(`resolved with ${JSON.stringify(data)}`);
    },
    (error: unknown) => error,
  );

describe('the SDK client’s request', () => {
  it('posts the query and variables as JSON with the GraphQL media types, and resolves with the data', async () => {
    const { calls, fetch } = answering({ data: { edition: { year: 2020 } } });
    const client = createClient({ url: ENDPOINT, fetch, headers: { 'x-client': 'a', accept: 'text/plain' } });
    await expect(
      client.request(EditionDocument, { x: 1 } as never, { headers: { 'x-request': 'b' } }),
    ).resolves.toEqual({ edition: { year: 2020 } });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(ENDPOINT);
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.headers).toEqual({
      'content-type': 'application/json',
      accept: 'text/plain',
      'x-client': 'a',
      'x-request': 'b',
    });
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({
      query: EditionDocument.toString(),
      variables: { x: 1 },
    });
  });

  it('sends a syntax-tree document by its source text, and refuses one without it, naming the fix', async () => {
    const { calls, fetch } = answering({ data: { edition: { year: 2020 } } });
    const client = createClient({ url: ENDPOINT, fetch });
    const body = '{ edition { year } }';
    const withSource = { kind: 'Document', definitions: [], loc: { start: 0, end: 20, source: { body } } };
    await client.request(withSource as never, {});
    expect(JSON.parse(calls[0]!.init.body as string)).toMatchObject({ query: body });
    const bare = { kind: 'Document', definitions: [] };
    const refused = await failure(client.request(bare as never, {}));
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as Error).message).toMatch(/without its source text: .*documentMode: 'string'/);
    expect(calls).toHaveLength(1);
  });

  it('asks for GraphQL responses by default, and lets a request’s headers win over the client’s', async () => {
    const { calls, fetch } = answering({ data: { edition: null } });
    await createClient({ url: ENDPOINT, fetch, headers: { 'x-a': 'client' } }).edition(undefined, {
      headers: { 'x-a': 'request' },
    });
    expect(calls[0]!.init.headers).toEqual({
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'x-a': 'request',
    });
    expect(JSON.parse(calls[0]!.init.body as string).variables).toEqual({});
  });

  it('resolves with the data when the errors list is empty', async () => {
    const { fetch } = answering({ data: { edition: { year: 2020 } }, errors: [] });
    await expect(createClient({ url: ENDPOINT, fetch }).edition()).resolves.toEqual({
      edition: { year: 2020 },
    });
  });
});

describe('the errors the SDK throws', () => {
  it('throws a GraphQL error with the messages, the distinct codes in order, the partial data and the status', async () => {
    const errors = [
      { message: 'first', extensions: { code: 'BAD_USER_INPUT' } },
      { message: 'second', extensions: { code: 'NOT_FOUND' } },
      { message: 'third', extensions: { code: 'BAD_USER_INPUT' } },
      { message: 'fourth', extensions: { code: 42 } },
      { message: 'fifth' },
    ];
    const { fetch } = answering({ data: { edition: { year: 2020 } }, errors }, 200);
    const error = await failure(createClient({ url: ENDPOINT, fetch }).edition());
    expect(error).toBeInstanceOf(StelselgraphGraphQLError);
    expect(error).toBeInstanceOf(StelselgraphError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'StelselgraphGraphQLError',
      kind: 'graphql',
      message: 'first; second; third; fourth; fifth',
      codes: ['BAD_USER_INPUT', 'NOT_FOUND'],
      data: { edition: { year: 2020 } },
      status: 200,
      errors,
    });
  });

  it('throws a GraphQL error for errors with any status, with null data when none came', async () => {
    const { fetch } = answering({ errors: [{ message: '' }] }, 400);
    const error = await failure(createClient({ url: ENDPOINT, fetch }).edition());
    expect(error).toBeInstanceOf(StelselgraphGraphQLError);
    expect(error).toMatchObject({ message: 'GraphQL error', codes: [], data: null, status: 400 });
  });

  it.each([
    ['a page that is not JSON', '<h1>Bad gateway</h1>', 502],
    ['JSON that is not a GraphQL response', { error: 'not found' }, 404],
    ['data with an error status', { data: { edition: null } }, 500],
    ['a success without data', { data: null }, 200],
    ['a success with no data field', {}, 200],
    ['an errors field that is not a list', { errors: 'oops' }, 200],
    ['JSON null', 'null', 200],
  ])('throws an HTTP error for %s', async (_, body, status) => {
    const { fetch } = answering(body, status);
    const error = await failure(createClient({ url: ENDPOINT, fetch }).edition());
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    expect(error).toBeInstanceOf(StelselgraphHttpError);
    expect(error).toBeInstanceOf(StelselgraphError);
    expect(error).toMatchObject({
      name: 'StelselgraphHttpError',
      kind: 'http',
      status,
      body: text,
      message: `HTTP ${status}: ${text}`,
    });
  });

  it('shows at most 200 characters of the body in an HTTP error’s message, and keeps all of it', async () => {
    const body = 'x'.repeat(201);
    const { fetch } = answering(body, 502);
    const error = (await failure(createClient({ url: ENDPOINT, fetch }).edition())) as StelselgraphHttpError;
    expect(error.message).toBe(`HTTP 502: ${'x'.repeat(200)}`);
    expect(error.body).toBe(body);
  });

  it('throws a network error naming the ENDPOINT and the cause when no response comes', async () => {
    const cause = new TypeError('fetch failed');
    const client = createClient({
      url: ENDPOINT,
      fetch: async () => {
        throw cause;
      },
    });
    const error = await failure(client.edition());
    expect(error).toBeInstanceOf(StelselgraphNetworkError);
    expect(error).toBeInstanceOf(StelselgraphError);
    expect(error).toMatchObject({
      name: 'StelselgraphNetworkError',
      kind: 'network',
      url: ENDPOINT,
      message: `request to ${ENDPOINT} failed: fetch failed`,
      code: undefined,
      cause,
    });
    const odd = await failure(
      createClient({
        url: ENDPOINT,
        fetch: () => Promise.reject('connection refused' as unknown as Error),
      }).edition(),
    );
    expect(odd).toMatchObject({
      message: `request to ${ENDPOINT} failed: connection refused`,
      cause: 'connection refused',
    });
  });

  it('names every level of the cause in the message, and the first system error code', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:4000'), { code: 'ECONNREFUSED' });
    const deep = new TypeError('fetch failed', { cause: refused });
    const error = await failure(createClient({ url: ENDPOINT, fetch: () => Promise.reject(deep) }).edition());
    expect(error).toMatchObject({
      message: `request to ${ENDPOINT} failed: fetch failed: connect ECONNREFUSED 10.0.0.1:4000`,
      code: 'ECONNREFUSED',
      cause: deep,
    });
    // both addresses of a name refused (Node's happy eyeballs): an AggregateError under the fetch error
    const both = new TypeError('fetch failed', {
      cause: new AggregateError([
        Object.assign(new Error('connect ECONNREFUSED ::1:4000'), { code: 'ECONNREFUSED' }),
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4000'), { code: 'ECONNREFUSED' }),
      ]),
    });
    const bothError = await failure(
      createClient({ url: ENDPOINT, fetch: () => Promise.reject(both) }).edition(),
    );
    expect((bothError as Error).message).toBe(
      `request to ${ENDPOINT} failed: fetch failed: connect ECONNREFUSED ::1:4000 / connect ECONNREFUSED 127.0.0.1:4000`,
    );
    expect(bothError).toMatchObject({ code: 'ECONNREFUSED' });
    // a cause that repeats its parent's message is said once; a code deeper down is still found
    const echo = new Error('socket hang up', {
      cause: new Error('socket hang up', {
        cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
      }),
    });
    expect(
      await failure(createClient({ url: ENDPOINT, fetch: () => Promise.reject(echo) }).edition()),
    ).toMatchObject({ message: `request to ${ENDPOINT} failed: socket hang up: reset`, code: 'ECONNRESET' });
  });

  it('walks causes at most six levels deep, so a long or cyclic chain ends, and names a silent error by its name', async () => {
    const networkError = (cause: unknown) =>
      failure(createClient({ url: ENDPOINT, fetch: () => Promise.reject(cause) }).edition());
    /** A chain of errors m0 → m1 → … → m{n-1}, the code (if any) on the last. */
    const chain = (n: number, code?: string): Error => {
      let error: Error = Object.assign(new Error(`m${n - 1}`), code ? { code } : {});
      for (let i = n - 2; i >= 0; i -= 1) error = new Error(`m${i}`, { cause: error });
      return error;
    };
    // levels 0 … 5 are named, the seventh is not
    expect(await networkError(chain(7))).toMatchObject({
      message: `request to ${ENDPOINT} failed: m0: m1: m2: m3: m4: m5`,
    });
    expect(await networkError(chain(6, 'EDEEP'))).toMatchObject({ code: 'EDEEP' });
    expect(await networkError(chain(7, 'ETOODEEP'))).toMatchObject({ code: undefined });
    // a cycle ends at the same depth (said once: the repeats are dropped)
    const cyclic = new Error('loop') as Error & { cause?: unknown };
    cyclic.cause = cyclic;
    expect(await networkError(cyclic)).toMatchObject({
      message: `request to ${ENDPOINT} failed: loop`,
      code: undefined,
    });
    // no cause at all, or a null one: nothing after "failed"
    expect(await networkError(null)).toMatchObject({
      message: `request to ${ENDPOINT} failed`,
      code: undefined,
    });
    // an error without a message: its name, or "Error" when it has none; a message under it speaks instead
    expect(await networkError(Object.assign(new Error(''), { name: 'AbortError' }))).toMatchObject({
      message: `request to ${ENDPOINT} failed: AbortError`,
    });
    expect(await networkError({ message: '' })).toMatchObject({
      message: `request to ${ENDPOINT} failed: Error`,
    });
    expect(await networkError(new Error('', { cause: new Error('reset') }))).toMatchObject({
      message: `request to ${ENDPOINT} failed: reset`,
    });
    // a cycle through an AggregateError's errors ends too
    const aggregateLoop = new AggregateError([], 'all failed') as AggregateError & { errors: unknown[] };
    aggregateLoop.errors.push(aggregateLoop);
    expect(await networkError(aggregateLoop)).toMatchObject({ code: undefined });
    expect(((await networkError(aggregateLoop)) as Error).message).toMatch(
      /^request to \S+ failed: all failed/,
    );
    // of an AggregateError's errors, the first with a code gives it
    const mixed = new AggregateError([
      new Error('no code here'),
      Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
    ]);
    expect(await networkError(mixed)).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('rejects with the abort reason of the client’s or the request’s signal, not a network error', async () => {
    const hanging = (_: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted by fetch')));
      });
    const fromClient = new AbortController();
    const client = createClient({ url: ENDPOINT, fetch: hanging as typeof fetch, signal: fromClient.signal });
    const pending = failure(client.edition());
    fromClient.abort(new Error('client gave up'));
    expect(await pending).toEqual(new Error('client gave up'));

    const fromRequest = new AbortController();
    const other = createClient({
      url: ENDPOINT,
      fetch: hanging as typeof fetch,
      signal: new AbortController().signal,
    });
    const waiting = failure(other.edition(undefined, { signal: fromRequest.signal }));
    fromRequest.abort(new Error('request gave up'));
    expect(await waiting).toEqual(new Error('request gave up'));

    const alone = new AbortController();
    const single = failure(
      createClient({ url: ENDPOINT, fetch: hanging as typeof fetch }).edition(undefined, {
        signal: alone.signal,
      }),
    );
    alone.abort(new Error('only signal'));
    expect(await single).toEqual(new Error('only signal'));
  });

  it('passes no signal when neither the client nor the request has one', async () => {
    const { calls, fetch } = answering({ data: { edition: null } });
    await createClient({ url: ENDPOINT, fetch }).edition();
    expect(calls[0]!.init.signal).toBeUndefined();
  });

  it('refuses to be made without a fetch', () => {
    const saved = globalThis.fetch;
    try {
      (globalThis as { fetch?: unknown }).fetch = undefined;
      expect(() => createClient({ url: ENDPOINT })).toThrow(
        new TypeError('no fetch available: pass `fetch` to createClient'),
      );
    } finally {
      globalThis.fetch = saved;
    }
  });

  it('uses the platform’s fetch when none is given', async () => {
    const saved = globalThis.fetch;
    const { calls, fetch } = answering({ data: { edition: { year: 2020 } } });
    try {
      globalThis.fetch = fetch;
      await expect(createClient({ url: ENDPOINT }).edition()).resolves.toEqual({ edition: { year: 2020 } });
      expect(calls).toHaveLength(1);
    } finally {
      globalThis.fetch = saved;
    }
  });
});
