/**
 * The floor, as its own process: a bare node:http server that reads each request's body and answers with the
 * exact bytes and headers the service answered for that body; 404 for a body it was not given. What it costs
 * is what any server on this machine costs for the same exchange: the same answer on the wire, headers too
 * (the client parses each), written the cheapest way Node has: one `writeHead` with a list made once, then
 * the bytes (the same headers set one by one with `setHeader` served a fifth fewer requests a second in one
 * run here). Run apart from the benchmark so that it does not share an event loop with the load generator:
 *
 *   node --import tsx bench/floor-server.ts ANSWERS.json
 *
 * ANSWERS.json holds `{ [body]: { bytes: base64, headers: [[name, value], …] } }` ({@link FloorAnswers}): the
 * headers the service sent but those Node writes itself (`Date`, `Connection`, `Keep-Alive`, `Content-Length`;
 * the floor adds its own). It prints `listening on http://127.0.0.1:PORT` once it serves, and ends on SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the floor answers: for each request body, the bytes (base64) and the headers, in order. */
export type FloorAnswers = Record<string, { bytes: string; headers: [string, string][] }>;

function main(): void {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node --import tsx bench/floor-server.ts ANSWERS.json\n');
    process.exit(2);
  }
  const answers = new Map(
    Object.entries(JSON.parse(readFileSync(file, 'utf8')) as FloorAnswers).map(([body, answer]) => {
      const bytes = Buffer.from(answer.bytes, 'base64');
      // one list for writeHead, made once: the headers and the body's length
      const head = [...answer.headers.flat(), 'content-length', String(bytes.length)];
      return [body, { bytes, head }] as const;
    }),
  );
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
      const answer = answers.get(text);
      if (!answer) {
        response.statusCode = 404;
        response.end();
        return;
      }
      response.writeHead(200, answer.head);
      response.end(answer.bytes);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
  });
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

main();
