import { createHash } from 'node:crypto';
import { answerKeys, canonicalJson, requestFields } from '../server/http/answer-key';
import { memoryAnswerStore, type CachedAnswer } from '../server/lib/answer-store';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const QUERY = 'query Page($code: String!) { voorziening(code: $code) { name } }';

describe('answer keys', () => {
  const keyOf = answerKeys({ maxTokens: 50 });
  const key = (
    fields: Parameters<typeof keyOf>[2],
    { method = 'POST', accept = 'application/json', dataset = 'd1' } = {},
  ) => keyOf(dataset, method, fields, accept);
  const base = key({ query: QUERY, variables: { code: 'brp' } })!;

  it('are one for the whitespace, comma and comment variants of a document', () => {
    expect(base).toMatch(/^stelselgraph:answer:d1:[\w-]{43}$/);
    for (const variant of [
      `\n\n  ${QUERY}\t`,
      '# the BRP\nquery Page ( $code : String! ) {voorziening(code:$code){name}} # done',
      'query Page($code: String!,) { ,voorziening(code: $code), { name, }, }',
    ]) {
      expect({ variant, key: key({ query: variant, variables: { code: 'brp' } }) }).toEqual({
        variant,
        key: base,
      });
    }
  });

  it('are one whether the only operation is named or not, and for undeclared variables', () => {
    expect(key({ query: QUERY, operationName: 'Page', variables: { code: 'brp' } })).toBe(base);
    expect(key({ query: QUERY, variables: { code: 'brp', junk: { a: [1, 2] } } })).toBe(base);
    expect(key({ query: QUERY, variables: { junk: 1, code: 'brp' } })).toBe(base);
  });

  it('differ for anything the answer depends on', () => {
    const others = [
      key({ query: QUERY, variables: { code: 'bag' } }),
      key({ query: QUERY, variables: {} }),
      key({ query: QUERY, variables: { code: null } }),
      key({ query: QUERY.replace('name', 'naam: name'), variables: { code: 'brp' } }),
      key({ query: QUERY, variables: { code: 'brp' } }, { method: 'GET' }),
      key({ query: QUERY, variables: { code: 'brp' } }, { accept: 'application/graphql-response+json' }),
      key({ query: QUERY, variables: { code: 'brp' } }, { dataset: 'd2' }),
    ];
    expect(new Set([base, ...others]).size).toBe(others.length + 1);
  });

  it('are not made for a request Apollo refuses or that is not a query', () => {
    const refused: [string, Parameters<typeof keyOf>[2]][] = [
      ['no document', {}],
      ['an empty document', { query: '' }],
      ['a syntax error', { query: '{ voorziening(code: ' }],
      ['over the token limit', { query: `{ ${'a '.repeat(60)}}` }],
      ['an unknown operation name', { query: QUERY, operationName: 'Other' }],
      ['an empty operation name', { query: '{ edition { year } }', operationName: '' }],
      ['two operations, none named', { query: 'query A { edition { year } } query B { edition { title } }' }],
      ['a mutation', { query: 'mutation { edition }' }],
      ['a subscription', { query: 'subscription { edition }' }],
    ];
    for (const [name, fields] of refused)
      expect({ name, key: key(fields) }).toEqual({ name, key: undefined });
    // Of two operations, the one named is keyed.
    const two = 'query A { edition { year } } query B { edition { title } }';
    expect(key({ query: two, operationName: 'B' })).toBeDefined();
    expect(key({ query: two, operationName: 'B' })).not.toBe(key({ query: two, operationName: 'A' }));
  });

  it('key an automatic persisted query by its hash, and never a registration', () => {
    const persistedQuery = { version: 1, sha256Hash: sha256(QUERY) };
    const byHash = key({ extensions: { persistedQuery }, variables: { code: 'brp' } });
    expect(byHash).toBeDefined();
    expect(byHash).not.toBe(base);
    // Registering (document and hash) must reach Apollo, which keeps the document.
    expect(key({ query: QUERY, extensions: { persistedQuery }, variables: { code: 'brp' } })).toBeUndefined();
    expect(key({ extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } })).toBeUndefined();
    expect(key({ extensions: { persistedQuery: { version: 1 } } })).toBeUndefined();
    // Other extensions are read by nobody here: they do not make keys.
    expect(key({ query: QUERY, variables: { code: 'brp' }, extensions: { tracing: true } })).toBe(base);
  });
});

describe('the request fields Apollo takes', () => {
  it('from a POST body: a non-empty JSON object of the right shapes', () => {
    expect(
      requestFields('POST', '', { query: QUERY, variables: null, operationName: null }, 'application/json'),
    ).toEqual({
      query: QUERY,
      operationName: undefined,
      variables: undefined,
      extensions: undefined,
    });
    for (const body of [
      'query=x',
      undefined,
      {},
      [{ query: QUERY }],
      { query: 1 },
      { query: QUERY, variables: '{"code":"brp"}' },
      { query: QUERY, variables: [1] },
      { query: QUERY, extensions: 'x' },
      { query: QUERY, operationName: 1 },
    ]) {
      expect({ body, fields: requestFields('POST', '', body, 'application/json') }).toEqual({
        body,
        fields: undefined,
      });
    }
  });

  it('from a GET query string: each parameter at most once, variables and extensions JSON objects', () => {
    expect(
      requestFields(
        'GET',
        `?query=${encodeURIComponent(QUERY)}&variables={"code":"brp"}`,
        undefined,
        undefined,
      ),
    ).toEqual({ query: QUERY, operationName: undefined, variables: { code: 'brp' }, extensions: undefined });
    for (const search of [
      '?query=a&query=b',
      '?query=a&variables=[1]',
      '?query=a&variables={',
      '?query=a&extensions=1',
    ]) {
      expect({ search, fields: requestFields('GET', search, undefined, undefined) }).toEqual({
        search,
        fields: undefined,
      });
    }
  });

  it('from a GET only without a content type or with application/json (Apollo answers any other 415)', () => {
    for (const contentType of [
      undefined,
      'application/json',
      'Application/JSON; charset=utf-8',
      ' application/json\t;x',
    ])
      expect({
        contentType,
        taken: requestFields('GET', '?query=a', undefined, contentType) !== undefined,
      }).toEqual({
        contentType,
        taken: true,
      });
    for (const contentType of [
      '',
      'text/plain',
      'application/json x',
      '\u00a0application/json',
      'application/jsonx',
    ])
      expect({
        contentType,
        taken: requestFields('GET', '?query=a', undefined, contentType) !== undefined,
      }).toEqual({
        contentType,
        taken: false,
      });
  });

  it('written as canonical JSON, keys in order, a __proto__ key only a key', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: 'x' })).toBe('{"a":"x","b":[2,{"c":null,"d":1}]}');
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":1}'))).toBe('{"__proto__":{"x":1},"a":1}');
  });
});

describe('the answer store in memory', () => {
  const answer = (bytes: number): CachedAnswer => ({
    contentType: 'application/json',
    body: 'é'.padEnd(bytes - 1, 'x'),
  });

  it('keeps an answer exactly at the cap (in UTF-8 bytes), not one a byte over', async () => {
    const store = memoryAnswerStore({ maxAnswerBytes: 100 });
    expect(Buffer.byteLength(answer(100).body)).toBe(100);
    await store.set('at', answer(100), 60);
    await store.set('over', answer(101), 60);
    const kept = await store.get('at');
    expect({ contentType: kept?.contentType, body: kept?.body }).toEqual(answer(100));
    // kept encoded, in a buffer of its own (not a slice of Buffer.from's shared pool, which it would hold on to)
    expect(kept?.bytes).toEqual(Buffer.from(answer(100).body));
    expect(kept?.bytes?.buffer.byteLength).toBe(100);
    await expect(store.get('over')).resolves.toBeUndefined();
    // at once, too: the same answer, and nothing for what it does not hold
    expect(store.getNow?.('at')).toBe(kept);
    expect(store.getNow?.('over')).toBeUndefined();
  });

  it('keeps at most its total, evicting the least recently used', async () => {
    const store = memoryAnswerStore({ maxAnswerBytes: 100, maxTotalBytes: 3 * (100 + 512) });
    for (const key of ['1', '2', '3']) await store.set(key, answer(100), 60);
    await store.get('1');
    await store.set('4', answer(100), 60);
    const kept = await Promise.all(
      ['1', '2', '3', '4'].map(async (key) => (await store.get(key)) !== undefined),
    );
    expect(kept).toEqual([true, false, true, true]);
  });
});
