import { request } from 'node:http';
import { connect } from 'node:net';

/** An answer to a raw request: its status, headers and body. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * Sends a request with its request target exactly as given (`fetch` would normalise it: resolve `..`,
 * re-encode, refuse some): `//[`, `http://host/path`, `/explore/%ZZ`. The target must not hold characters
 * HTTP forbids in it (see {@link rawBytes} for those).
 */
export function rawRequest(
  base: string,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const sent = request(
      { host: hostname, port, method: options.method ?? 'GET', path: target, headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    sent.on('error', reject);
    sent.end(options.body);
  });
}

/**
 * Sends bytes as they are over a new connection (a request line with a raw NUL, a method no client sends)
 * and returns the status of the first answer, or 0 when the server closed the connection without one.
 */
export function rawBytes(base: string, bytes: Buffer | string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET'
        ? resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0))
        : reject(error),
    );
  });
}
