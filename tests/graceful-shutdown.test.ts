import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { gracefulShutdown, type GracefulShutdown } from '../server/http/graceful-shutdown';

/**
 * gracefulShutdown on a real loopback server, with raw connections: which connections it closes when (idle
 * ones at the grace period, the rest at the deadline, counted as destroyed) and what the answers it owes say.
 * The deadline is far from the grace period, so which of the two closed a connection shows in `destroyed`.
 */
describe('gracefulShutdown', () => {
  const GRACE_MS = 50;
  const DEADLINE_MS = 1500;
  let server: Server;
  let shutdown: GracefulShutdown;
  /** Requests whose answer the test gives (path /slow), in the order they came. */
  let held: ServerResponse[];
  const sockets: Socket[] = [];

  beforeEach(async () => {
    held = [];
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      request.resume();
      request.on('end', () => {
        if (request.url === '/slow') held.push(response);
        else response.end('ok');
      });
    });
    shutdown = gracefulShutdown(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.destroy();
    server.closeAllConnections();
  });

  /** A raw connection, with everything it has received so far. */
  const open = async () => {
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    sockets.push(socket);
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    return { socket, received: () => received, closed };
  };
  const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`;
  /** Resolves once `condition` holds (polled), or fails naming what was awaited. */
  const until = async (condition: () => boolean, what: string) => {
    for (let waited = 0; !condition(); waited += 5) {
      if (waited > 2000) throw new Error(`not seen: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const answers = (text: string) => text.split('HTTP/1.1 ').length - 1;
  /**
   * Stops the server while `client` owes an answer, and waits well past the grace period: the connection is
   * not idle, so it must still be open. Resolves with what stopping resolves with.
   */
  const stopWhileOwing = async (client: { socket: Socket }) => {
    const stopped = shutdown({ graceMs: GRACE_MS, deadlineMs: DEADLINE_MS });
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS * 3));
    expect(client.socket.destroyed).toBe(false);
    return { stopped };
  };

  it('closes a keep-alive connection idle since its answers at the grace period, destroying nothing', async () => {
    const client = await open();
    client.socket.write(get('/') + get('/'));
    await until(() => answers(client.received()) === 2, 'two answers');
    expect(await shutdown({ graceMs: GRACE_MS, deadlineMs: DEADLINE_MS })).toEqual({ destroyed: 0 });
    await client.closed;
  });

  it('a connection open without a request is idle too', async () => {
    const client = await open();
    expect(await shutdown({ graceMs: GRACE_MS, deadlineMs: DEADLINE_MS })).toEqual({ destroyed: 0 });
    await client.closed;
  });

  it('a request begun after the last answer is not idle: the deadline destroys it', async () => {
    const client = await open();
    client.socket.write(get('/'));
    await until(() => answers(client.received()) === 1, 'the answer');
    client.socket.write('GET / HTTP/1.1\r\nHo');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await shutdown({ graceMs: GRACE_MS, deadlineMs: DEADLINE_MS })).toEqual({ destroyed: 1 });
  });

  it('an answer owed at the stop says Connection: close, goes out whole, and its connection then closes', async () => {
    const client = await open();
    client.socket.write(get('/slow'));
    await until(() => held.length === 1, 'the request held');
    const { stopped } = await stopWhileOwing(client);
    held[0]!.end('late but whole');
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(client.received()).toMatch(/\r\nConnection: close\r\n/i);
    expect(client.received()).toMatch(/\r\n\r\nlate but whole$/);
    expect(await stopped).toEqual({ destroyed: 0 });
  });

  it('of two pipelined answers owed, the first sent is not the last owed: the connection stays until both are', async () => {
    const client = await open();
    client.socket.write(get('/slow') + get('/slow'));
    await until(() => held.length >= 1, 'the first request held');
    held[0]!.writeHead(200, { 'content-type': 'text/plain' });
    held[0]!.end('first');
    await until(() => held.length === 2, 'the second request held');
    const { stopped } = await stopWhileOwing(client);
    held[1]!.end('second');
    await client.closed;
    expect(answers(client.received())).toBe(2);
    expect(client.received()).toMatch(/second$/);
    expect(await stopped).toEqual({ destroyed: 0 });
  });

  it('a connection whose answer is never given is destroyed at the deadline and counted', async () => {
    const client = await open();
    client.socket.write(get('/slow'));
    await until(() => held.length === 1, 'the request held');
    expect(await shutdown({ graceMs: GRACE_MS, deadlineMs: 300 })).toEqual({ destroyed: 1 });
    await client.closed;
    expect(client.received()).toBe('');
  });

  it('called again, it returns the same promise', () => {
    const first = shutdown({ graceMs: GRACE_MS, deadlineMs: DEADLINE_MS });
    expect(shutdown({ graceMs: 1, deadlineMs: 1 })).toBe(first);
    return first;
  });
});
