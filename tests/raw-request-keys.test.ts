import * as readBody from '../server/http/read-body';
import { answerKeys, rawRequestKey, type RawRequest } from '../server/http/answer-key';
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

describe('rawRequestKey', () => {
  it('differs for every part a key is made from, and for parts moved across the separator', () => {
    const base = rawRequestKey(RAW);
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
      // the separator inside the last part cannot make another request's string
      { accept: 'application/json\u0000', search: '' },
    ];
    const keys = variants.map((variant) => rawRequestKey({ ...RAW, ...variant }));
    expect(new Set([base, ...keys]).size).toBe(variants.length + 1);
    expect(rawRequestKey({ ...RAW })).toBe(base);
  });

  it('is kept by answerKeys within its bounds: an entry at 64 KiB, not one over', () => {
    const { byRawRequest } = answerKeys();
    const key = 'stelselgraph:answer:v1:abc';
    const fits = 'x'.repeat(64 * 1024 - key.length - 64);
    byRawRequest.set(fits, key);
    expect(byRawRequest.get(fits)).toBe(key);
    const over = `${fits}x`;
    byRawRequest.set(over, key);
    expect(byRawRequest.has(over)).toBe(false);
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
