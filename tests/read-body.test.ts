import { connect } from 'node:net';
import { startTestServer, type TestServer } from './support/running-server';

/**
 * Sends a POST to /graphql with a chunked body, each chunk written `gapMs` after the one before, and returns
 * what came back: the status line's code (0 when the connection closed without an answer) and the body.
 */
function postInChunks(base: string, chunks: Buffer[], gapMs = 20): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, async () => {
      socket.write(
        'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
          'Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n',
      );
      for (const chunk of chunks) {
        await new Promise((wait) => setTimeout(wait, gapMs));
        if (socket.destroyed) return;
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        socket.write('\r\n');
      }
      if (!socket.destroyed) socket.end('0\r\n\r\n');
    });
    const answer: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => answer.push(chunk));
    const done = () => {
      const text = Buffer.concat(answer).toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    };
    socket.on('close', done);
    socket.on('error', (error: NodeJS.ErrnoException) =>
      ['ECONNRESET', 'EPIPE'].includes(error.code ?? '') ? done() : reject(error),
    );
  });
}

describe('a request body read as it comes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ bodyLimit: 4096 });
  });
  afterAll(() => server.stop());

  it('is read whole from several chunks, a character split between two of them included', async () => {
    // the value comes back in the error: split wrongly, it would be two replacement characters
    const body = Buffer.from(
      JSON.stringify({
        query: 'query($y: Int!) { basisregistraties { indicators { observations(year: $y) { value } } } }',
        variables: { y: 'é' },
      }),
    );
    const split = body.indexOf(Buffer.from('é')) + 1; // between the two bytes of é
    const { status, text } = await postInChunks(server.url, [
      body.subarray(0, 10),
      body.subarray(10, split),
      body.subarray(split),
    ]);
    expect(status).toBe(200);
    expect(text).toContain('Variable \\"$y\\" got invalid value \\"é\\"');
  });

  it('stops reading a body without Content-Length once it is over the limit, and serves on', async () => {
    const piece = Buffer.alloc(1024, 'x');
    // four pieces are exactly at the limit; the fifth is over it
    const { status } = await postInChunks(server.url, [piece, piece, piece, piece, piece, piece, piece]);
    // the request is destroyed unread: no answer, the connection closed (not 200, not an error answered late)
    expect(status).toBe(0);
    const after = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ edition { year } }' }),
    });
    expect(await after.json()).toEqual({ data: { edition: { year: 2020 } } });
  });

  it('reads a body without Content-Length exactly at the limit', async () => {
    const query = '{ edition { year } }';
    const json = (padding: number) => JSON.stringify({ query: `${query} #${'x'.repeat(padding)}` });
    const atLimit = Buffer.from(json(4096 - json(0).length));
    expect(atLimit).toHaveLength(4096);
    const { status, text } = await postInChunks(server.url, [
      atLimit.subarray(0, 2048),
      atLimit.subarray(2048),
    ]);
    expect(status).toBe(200);
    expect(text).toContain('{"data":{"edition":{"year":2020}}}');
  });

  it('lets a client leave in the middle of its body without harm', async () => {
    const { hostname, port } = new URL(server.url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(
          'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":',
        );
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
    });
    const after = await fetch(`${server.url}/healthz`);
    expect(after.status).toBe(200);
    // a client's leaving is not logged as the server's error
    expect(server.errors).toEqual([]);
  });
});
