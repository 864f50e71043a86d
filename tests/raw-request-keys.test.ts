import * as readBody from '../server/http/read-body';
import { answerKeys } from '../server/http/answer-key';
import { RawRequestKeys, type RawRequest } from '../server/http/raw-request-keys';
import { startTestServer, type TestServer } from './support/running-server';
import * as hashTextModule from '../server/lib/hash-text';

// A repeated request finds its answer key by the request as it came (its body not parsed), and is answered
// the same as when its key was made from the parsed request.

const RAW: RawRequest = {
  datasetVersion: 'v1',
  method: 'POST',
  contentType: 'application/json',
  accept: 'application/json',
  search: '',
  body: '{"query":"{ edition { year } }"}',
};

describe('RawRequestKeys', () => {
  const limits = { maxBytes: 1024 * 1024, maxEntryBytes: 64 * 1024, maxRequestsPerText: 8 };

  it('finds a request only with every part as it was kept: any part differing is another request', () => {
    const keys = new RawRequestKeys(limits);
    keys.set(RAW, 'the-key');
    expect(keys.get({ ...RAW })).toBe('the-key');
    const variants: Partial<RawRequest>[] = [
      { datasetVersion: 'v2' },
      { method: 'GET' },
      { contentType: undefined },
      { contentType: '' },
      { contentType: 'text/plain' },
      { accept: undefined },
      { accept: '' },
      { accept: 'application/graphql-response+json' },
      { search: '?query=%7B%7D' },
      { body: undefined },
      { body: '' },
      { body: `${RAW.body} ` },
      // the same text as a query string, not as a body
      { body: undefined, search: RAW.body! },
    ];
    for (const variant of variants)
      expect({ variant, key: keys.get({ ...RAW, ...variant }) }).toEqual({ variant, key: undefined });
  });

  it('tells a GET by its query string apart from a POST whose body is that text', () => {
    const keys = new RawRequestKeys(limits);
    const get: RawRequest = { ...RAW, method: 'GET', search: RAW.body!, body: undefined };
    const post: RawRequest = { ...RAW, search: '' };
    keys.set(get, 'get-key');
    expect(keys.get(post)).toBeUndefined();
    keys.set(post, 'post-key');
    expect([keys.get(get), keys.get(post)]).toEqual(['get-key', 'post-key']);
    // a request without a body, kept under its query string, is not one with that text as its body
    const bodiless = new RawRequestKeys(limits);
    bodiless.set({ ...post, body: undefined, search: RAW.body! }, 'bodiless-key');
    expect(bodiless.get(post)).toBeUndefined();
    // a GET's query string is its text: another one is another request
    expect(keys.get({ ...get, search: `${RAW.body}&` })).toBeUndefined();
  });

  it('keeps each request of a text apart, a key set again in place of the old, at most the limit a text', () => {
    const keys = new RawRequestKeys({ ...limits, maxRequestsPerText: 3 });
    const versions = ['v1', 'v2', 'v3'].map((datasetVersion) => ({ ...RAW, datasetVersion }));
    versions.forEach((raw, at) => keys.set(raw, `key-${at}`));
    expect(versions.map((raw) => keys.get(raw))).toEqual(['key-0', 'key-1', 'key-2']);
    keys.set(versions[0]!, 'key-0-again');
    expect(versions.map((raw) => keys.get(raw))).toEqual(['key-0-again', 'key-1', 'key-2']);
    // a fourth: the one set longest ago goes (v2's), the others stay
    keys.set({ ...RAW, datasetVersion: 'v4' }, 'key-3');
    expect([...versions, { ...RAW, datasetVersion: 'v4' }].map((raw) => keys.get(raw))).toEqual([
      'key-0-again',
      undefined,
      'key-2',
      'key-3',
    ]);
  });

  it('keeps a text with its requests at its byte limit, not one byte over (and drops what an over one had)', () => {
    const key = 'stelselgraph:answer:v1:abc';
    // text, the parts (version, method, content type, accept), the key and 112 for the request (and its slot)
    const parts = RAW.datasetVersion.length + 4 + RAW.contentType!.length + RAW.accept!.length;
    const fits = 'x'.repeat(64 * 1024 - key.length - parts - 112);
    const keys = new RawRequestKeys(limits);
    keys.set({ ...RAW, body: fits }, key);
    expect(keys.get({ ...RAW, body: fits })).toBe(key);
    // the same request set again is counted once
    keys.set({ ...RAW, body: fits }, key);
    expect(keys.get({ ...RAW, body: fits })).toBe(key);
    // a second request under the same text takes it over the limit: the text is dropped, both requests
    keys.set({ ...RAW, body: fits, accept: undefined }, key);
    expect(keys.get({ ...RAW, body: fits })).toBeUndefined();
    expect(keys.get({ ...RAW, body: fits, accept: undefined })).toBeUndefined();
    keys.set({ ...RAW, body: `${fits}x` }, key);
    expect(keys.get({ ...RAW, body: `${fits}x` })).toBeUndefined();
    // a POST's query string counts too
    const withSearch = { ...RAW, body: fits.slice(2), search: '?a' };
    keys.set(withSearch, key);
    expect(keys.get(withSearch)).toBe(key);
    const fresh = new RawRequestKeys(limits);
    fresh.set({ ...withSearch, search: '?ab' }, key);
    expect(fresh.get({ ...withSearch, search: '?ab' })).toBeUndefined();
  });

  it('keeps at most its bytes in all: the text used least recently goes first', () => {
    const keys = new RawRequestKeys({ ...limits, maxBytes: 3 * 1000 });
    const raw = (at: number): RawRequest => ({ ...RAW, body: `${at}`.padEnd(800, '.') });
    keys.set(raw(0), 'k0');
    keys.set(raw(1), 'k1');
    keys.set(raw(2), 'k2');
    expect(keys.get(raw(0))).toBe('k0'); // used: 1 is now the least recent
    keys.set(raw(3), 'k3');
    expect([0, 1, 2, 3].map((at) => keys.get(raw(at)))).toEqual(['k0', undefined, 'k2', 'k3']);
  });

  it('is what answerKeys keeps its keys by the request as it came in', () => {
    expect(answerKeys().byRawRequest).toBeInstanceOf(RawRequestKeys);
  });
});

describe('answers by the request as it came', () => {
  let server: TestServer;
  const parses = jest.spyOn(readBody, 'parseGraphQLBody');
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    parses.mockRestore();
    await server.stop();
  });
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const described = async (response: Response) => ({
    status: response.status,
    body: await response.text(),
    headers: [...response.headers].filter(([name]) => !['date', 'x-cache'].includes(name)),
  });

  it('answers a repeated request from the store without parsing it, the same as the first time', async () => {
    const body = JSON.stringify({ query: '{ voorziening(code: "brk") { name } }' });
    parses.mockClear();
    const first = await post(body);
    expect(first.headers.get('x-cache')).toBe('MISS');
    const firstDescribed = await described(first);
    expect(parses).toHaveBeenCalledTimes(1);
    const again = await post(body);
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(await described(again)).toEqual(firstDescribed);
    expect(parses).toHaveBeenCalledTimes(1);
    // written otherwise: parsed, and found by its answer key; then known as it came too
    const respaced = JSON.stringify({ query: '{\n  voorziening(code: "brk") { name }\n}' });
    const other = await post(respaced);
    expect(other.headers.get('x-cache')).toBe('HIT');
    expect(await described(other)).toEqual(firstDescribed);
    expect(parses).toHaveBeenCalledTimes(2);
    await post(respaced);
    expect(parses).toHaveBeenCalledTimes(2);
  });

  it('keys the media type asked for: another Accept is another request', async () => {
    const body = JSON.stringify({ query: '{ voorziening(code: "bgt") { name } }' });
    await post(body);
    const asked = await post(body, { accept: 'application/graphql-response+json' });
    expect(asked.headers.get('x-cache')).toBe('MISS');
    expect(asked.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
  });

  it('never keys a body that does not parse or that Apollo refuses: each is refused again', async () => {
    for (const body of ['{"query": ', '{"query": 7}', '{"query": "{ nope }"}']) {
      const first = await described(await post(body));
      expect({ body, errors: (JSON.parse(first.body) as { errors?: unknown[] }).errors?.length }).toEqual({
        body,
        errors: 1,
      });
      parses.mockClear();
      expect(await described(await post(body))).toEqual(first);
      expect(parses).toHaveBeenCalledTimes(1);
    }
  });
});

describe('operations seen before, without an answer store', () => {
  let server: TestServer;
  const hashes = jest.spyOn(hashTextModule, 'hashText');
  beforeAll(async () => {
    server = await startTestServer({ responseCache: false });
  });
  afterAll(async () => {
    hashes.mockRestore();
    await server.stop();
  });

  it('finds a repeated request by its key as it came: its key is not made again', async () => {
    const post = (body: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const body = JSON.stringify({
      query: 'query($c: String!) { voorziening(code: $c) { name } }',
      variables: { c: 'brk' },
    });
    hashes.mockClear();
    const first = await post(body);
    const firstText = await first.text();
    expect(first.headers.get('x-cache')).toBeNull();
    // the answer key is made (and hashed) once
    const made = hashes.mock.calls.length;
    expect(made).toBeGreaterThan(0);
    for (let i = 0; i < 3; i += 1) {
      const again = await post(body);
      expect(await again.text()).toBe(firstText);
    }
    expect(hashes.mock.calls.length).toBe(made);
    // another request (other variables) is keyed anew
    await post(
      JSON.stringify({
        query: 'query($c: String!) { voorziening(code: $c) { name } }',
        variables: { c: 'brp' },
      }),
    );
    expect(hashes.mock.calls.length).toBeGreaterThan(made);
  });
});
