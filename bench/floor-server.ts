/**
 * The floor, as its own process: a bare node:http server that reads each request's body and answers with the
 * exact bytes (and content type) the service answered for that body; 404 for a body it was not given. What it
 * costs is what any server on this machine costs for the same exchange. Run apart from the benchmark so that
 * it does not share an event loop with the load generator:
 *
 *   node --import tsx bench/floor-server.ts ANSWERS.json
 *
 * ANSWERS.json holds `{ [body]: { bytes: base64, contentType } }` ({@link FloorAnswers}). It prints
 * `listening on http://127.0.0.1:PORT` once it serves, and ends on SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the floor answers: for each request body, the bytes (base64) and the content type. */
export type FloorAnswers = Record<string, { bytes: string; contentType: string }>;

function main(): void {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node --import tsx bench/floor-server.ts ANSWERS.json\n');
    process.exit(2);
  }
  const answers = new Map(
    Object.entries(JSON.parse(readFileSync(file, 'utf8')) as FloorAnswers).map(([body, answer]) => [
      body,
      { bytes: Buffer.from(answer.bytes, 'base64'), contentType: answer.contentType },
    ]),
  );
  const server = createServer((request, response) => {
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
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
  });
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

main();
