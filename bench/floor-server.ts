import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The floor: a bare node:http server that reads each request's body and answers with the exact bytes (and
 * content type) the real server answered for that body. What it costs is what any server on this machine
 * costs for the same exchange.
 */
export async function startFloorServer(
  answers: Map<string, { bytes: Buffer; contentType: string }>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = answers.get(Buffer.concat(chunks).toString('utf8'));
      if (!answer) {
        response.statusCode = 404;
        response.end();
        return;
      }
      response.setHeader('content-type', answer.contentType);
      response.end(answer.bytes);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
