import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { keptPostHead } from '../server/http/graphql-handler';
import { takeKeptAnswerLane } from '../server/http/kept-answer-lane';
import { RawRequestKeys } from '../server/http/raw-request-keys';
import { memoryAnswerStore } from '../server/lib/answer-store';
import type { ServerParts } from '../server/http/server-parts';
import { startTestServer, type TestServer } from './support/running-server';

/** A request as the lane sees it: a stream with a method, a URL and headers. */
function fakeRequest(method: string, url: string, headers: Record<string, string>) {
  return Object.assign(new PassThrough(), { method, url, headers }) as unknown as IncomingMessage &
    PassThrough;
}

/** A response that records what is set and sent. */
function fakeResponse() {
  const headers = new Map<string, unknown>();
  const sent: { status?: number; body?: unknown; destroyed?: boolean } = {};
  const response = {
    statusCode: 200,
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), value),
    // the head at once, as a flat list of names and values
    writeHead: (status: number, head: string[]) => {
      response.statusCode = status;
      for (let at = 0; at < head.length; at += 2) headers.set(head[at]!.toLowerCase(), head[at + 1]);
    },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    end: (body: unknown) => {
      sent.status = response.statusCode;
      sent.body = body;
    },
    destroy: () => (sent.destroyed = true),
  };
  return { response: response as unknown as ServerResponse, headers, sent };
}

const BODY = '{"query":"{ voorziening(code: \\"brp\\") { name } }","note":"é€"}';

/** Server parts with a store that keeps `BODY`'s answer under its key. */
async function partsKeeping(body: string, options: { getNow?: boolean } = {}) {
  const answers = memoryAnswerStore();
  await answers.set('the-key', { contentType: 'application/json; charset=utf-8', body: '{"data":1}\n' }, 60);
  const byRawRequest = new RawRequestKeys({
    maxBytes: 1 << 20,
    maxEntryBytes: 1 << 16,
    maxRequestsPerText: 8,
  });
  byRawRequest.set(
    {
      datasetVersion: 'v1',
      method: 'POST',
      contentType: 'application/json',
      accept: undefined,
      search: '',
      body,
    },
    'the-key',
  );
  const logged: unknown[] = [];
  const parts = {
    answers: options.getNow === false ? { get: answers.get, set: answers.set } : answers,
    answerKeyOf: { byRawRequest },
    dataset: { contentHash: 'v1' },
    bodyLimit: 1000,
    corsOrigins: '*',
    logError: (error: unknown) => logged.push(error),
  } as unknown as ServerParts;
  return { parts, logged };
}

const post = (headers: Record<string, string> = {}) =>
  fakeRequest('POST', '/graphql', {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(BODY)),
    ...headers,
  });

describe('the kept-answer lane', () => {
  it('answers a kept POST from the store once its body is in, in chunks, without the usual way', async () => {
    const { parts } = await partsKeeping(BODY);
    const request = post({ origin: 'https://example.org' });
    const { response, headers, sent } = fakeResponse();
    const usual = jest.fn();
    expect(takeKeptAnswerLane(request, response, parts, usual)).toBe(true);
    expect(sent.body).toBeUndefined();
    // a character split between two chunks
    const bytes = Buffer.from(BODY);
    const split = bytes.indexOf(0xe2) + 1;
    request.write(bytes.subarray(0, split));
    request.end(bytes.subarray(split));
    await new Promise((resolve) => setImmediate(resolve));
    expect(usual).not.toHaveBeenCalled();
    expect(sent.status).toBe(200);
    expect(String(sent.body)).toBe('{"data":1}\n');
    expect(Object.fromEntries(headers)).toEqual({
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'etag, age',
      vary: 'origin',
      'x-cache': 'HIT',
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
  });

  it('answers from the slot it holds while the store keeps that answer, and the new answer once it is replaced', async () => {
    const { parts } = await partsKeeping(BODY);
    const ask = async () => {
      const request = post();
      const { response, sent } = fakeResponse();
      const usual = jest.fn();
      expect(takeKeptAnswerLane(request, response, parts, usual)).toBe(true);
      request.end(BODY);
      await new Promise((resolve) => setImmediate(resolve));
      expect(usual).not.toHaveBeenCalled();
      return String(sent.body);
    };
    expect(await ask()).toBe('{"data":1}\n');
    expect(await ask()).toBe('{"data":1}\n');
    await parts.answers!.set('the-key', { contentType: 'application/json', body: '{"data":2}\n' }, 60);
    expect(await ask()).toBe('{"data":2}\n');
  });

  it('hands a POST it cannot answer on, with its body read', async () => {
    const { parts } = await partsKeeping('another body');
    const request = post();
    const { response, sent, headers } = fakeResponse();
    let handed: [unknown, unknown, Promise<string>] | undefined;
    expect(takeKeptAnswerLane(request, response, parts, (...args) => (handed = args))).toBe(true);
    request.end(BODY);
    await new Promise((resolve) => setImmediate(resolve));
    expect(handed?.[0]).toBe(request);
    expect(handed?.[1]).toBe(response);
    expect(await handed?.[2]).toBe(BODY);
    expect(sent.body).toBeUndefined();
    expect(headers.size).toBe(0);
  });

  it('drops a POST whose client leaves before its body is in: nothing answered, handed on or logged', async () => {
    const { parts, logged } = await partsKeeping(BODY);
    const request = post();
    const { response, sent, headers } = fakeResponse();
    const usual = jest.fn();
    expect(takeKeptAnswerLane(request, response, parts, usual)).toBe(true);
    request.write('{"query":');
    // as Node ends a request whose client left: destroyed, its error emitted only to a listener (there is none)
    request.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    expect(usual).not.toHaveBeenCalled();
    expect(sent).toEqual({});
    expect(headers.size).toBe(0);
    expect(logged).toEqual([]);
  });

  it('sends the head of a kept answer without an Origin at once, as the usual way sets it', async () => {
    const { parts } = await partsKeeping(BODY);
    const request = post();
    const { response, headers, sent } = fakeResponse();
    takeKeptAnswerLane(request, response, parts, jest.fn());
    request.end(BODY);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent.status).toBe(200);
    expect(String(sent.body)).toBe('{"data":1}\n');
    expect([...headers]).toEqual([
      ['vary', 'origin'],
      ['x-cache', 'HIT'],
      ['content-type', 'application/json; charset=utf-8'],
      ['cache-control', 'no-store'],
      // the length of the body, as Node adds it when the body is given to end (else it would go out chunked)
      ['content-length', '11'],
    ]);
  });

  it('takes only a POST to /graphql itself with a Content-Length within the limit, on a store at hand', async () => {
    const { parts } = await partsKeeping(BODY);
    const { parts: remote } = await partsKeeping(BODY, { getNow: false });
    const usual = jest.fn();
    const takes = (request: IncomingMessage, on = parts) =>
      takeKeptAnswerLane(request, fakeResponse().response, on, usual);
    expect(takes(fakeRequest('GET', '/graphql', {}))).toBe(false);
    expect(takes(fakeRequest('POST', '/graphql/', { 'content-length': '10' }))).toBe(false);
    expect(takes(fakeRequest('POST', '/graphql?x=1', { 'content-length': '10' }))).toBe(false);
    expect(takes(fakeRequest('POST', '/graphql', {}))).toBe(false);
    expect(takes(fakeRequest('POST', '/graphql', { 'content-length': '1001' }))).toBe(false);
    expect(takes(fakeRequest('POST', '/graphql', { 'content-length': 'x' }))).toBe(false);
    expect(takes(fakeRequest('POST', '/graphql', { 'content-length': '10' }), remote)).toBe(false);
    expect(takes(fakeRequest('POST', '/graphql', { 'content-length': '1000' }))).toBe(true);
    expect(takes(fakeRequest('POST', '/graphql', { 'content-length': '0' }))).toBe(true);
    expect(usual).not.toHaveBeenCalled();
  });

  it('logs what throws while answering and cuts that answer, never the process', async () => {
    const { parts, logged } = await partsKeeping(BODY);
    const request = post();
    const { response, sent } = fakeResponse();
    (response as { end: () => void }).end = () => {
      throw new Error('write after end');
    };
    takeKeptAnswerLane(request, response, parts, jest.fn());
    request.end(BODY);
    await new Promise((resolve) => setImmediate(resolve));
    expect(String(logged[0])).toMatch('write after end');
    expect(sent.destroyed).toBe(true);
  });
});

/** A raw POST with `Content-Length` (the lane's) or chunked (the usual way's), and its answer. */
function rawPost(
  url: string,
  body: string,
  headers: Record<string, string>,
  chunked: boolean,
): Promise<{ status: number; headers: [string, string][]; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...headers,
          ...(chunked ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
        },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode!,
            headers: Object.entries(incoming.headers)
              .filter(([name]) => !['date', 'transfer-encoding', 'content-length'].includes(name))
              .map(([name, value]) => [name, String(value)]),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    if (chunked) {
      // in two writes, without a length: sent chunked, so the lane does not take it
      outgoing.write(body.slice(0, 5));
      outgoing.end(body.slice(5));
    } else outgoing.end(body);
  });
}

describe('the kept-answer lane in a real server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const query = (code: string) =>
    JSON.stringify({
      query: 'query($code: String!) { voorziening(code: $code) { code name } }',
      variables: { code },
    });

  it.each([
    ['no origin', 'bag', {}],
    ['an origin', 'bgt', { origin: 'https://example.org' }],
    ['an accept', 'brk', { accept: 'application/graphql-response+json' }],
  ])(
    'answers a kept POST (%s) as the usual way answers it, byte for byte, without a statement',
    async (_, code, headers) => {
      const url = `${server.url}/graphql`;
      const first = await rawPost(url, query(code), headers, false);
      expect(first.headers).toContainEqual(['x-cache', 'MISS']);
      const statements = server.statements.length;
      const lane = await rawPost(url, query(code), headers, false);
      const usual = await rawPost(url, query(code), headers, true);
      expect(server.statements.length).toBe(statements);
      expect(lane).toEqual(usual);
      expect(lane.headers).toContainEqual(['x-cache', 'HIT']);
      expect(lane.body).toBe(first.body);
      expect(JSON.parse(lane.body).data.voorziening.code).toBe(code);
    },
  );

  it('answers what it cannot take from the store the usual way: new requests, bad bodies', async () => {
    const url = `${server.url}/graphql`;
    const fresh = await rawPost(url, query('brt'), {}, false);
    expect(fresh.status).toBe(200);
    expect(JSON.parse(fresh.body).data.voorziening.code).toBe('brt');
    const broken = await rawPost(url, '{"query": ', {}, false);
    expect(broken).toEqual(await rawPost(url, '{"query": ', {}, true));
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('survives a client that leaves mid-body on the lane', async () => {
    const { connect } = await import('node:net');
    const target = new URL(server.url);
    const socket = connect(Number(target.port), target.hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"query":',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = await rawPost(`${server.url}/graphql`, query('bag'), {}, false);
    expect(after.status).toBe(200);
    // a client's leaving is not logged as the server's error
    expect(server.errors).toEqual([]);
  });
});

describe('keptPostHead', () => {
  it('is made once per kept answer, each with its own content type and length in bytes', () => {
    const plain = { contentType: 'application/json; charset=utf-8', body: '{"data":1}\n' };
    const accented = {
      contentType: 'application/graphql-response+json; charset=utf-8',
      body: '{"data":"é€"}\n',
    };
    const head = keptPostHead(plain);
    expect(keptPostHead(plain)).toBe(head);
    expect(head).toEqual([
      'vary',
      'origin',
      'x-cache',
      'HIT',
      'content-type',
      'application/json; charset=utf-8',
      'cache-control',
      'no-store',
      'Content-Length',
      '11',
    ]);
    const other = keptPostHead(accented);
    expect(other).not.toBe(head);
    expect(other.slice(4, 6)).toEqual(['content-type', accented.contentType]);
    // bytes, not characters: 14 characters, é 2 bytes and € 3
    expect(other.slice(8)).toEqual(['Content-Length', '17']);
    // an answer kept as bytes is measured by them
    const encoded = { ...plain, bytes: Buffer.from('{"data":12}\n') };
    expect(keptPostHead(encoded).slice(8)).toEqual(['Content-Length', '12']);
  });
});
