import { isDeepStrictEqual } from 'node:util';
import { assertSameRows } from '../harness/row-sets';
import { answerHeaders } from '../harness/answer-headers';
import type { RecordedAnswer } from './floor-process';
import type { BenchOperation } from './operations';

/**
 * POSTs one GraphQL body to `endpoint` (the `/graphql` URL); throws naming `what` when the answer is not a 200
 * without errors.
 */
async function answerOf(
  what: string,
  endpoint: string,
  body: string,
): Promise<RecordedAnswer & { data: unknown }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  let parsed: { data?: unknown; errors?: unknown } | undefined;
  try {
    parsed = JSON.parse(bytes.toString('utf8')) as { data?: unknown; errors?: unknown };
  } catch {
    parsed = undefined;
  }
  if (response.status !== 200 || !parsed || parsed.errors || !parsed.data)
    throw new Error(`${what} answered ${response.status}: ${bytes.toString('utf8').slice(0, 400)}`);
  return {
    bytes,
    headers: answerHeaders(response.headers),
    data: parsed.data,
  };
}

/** The service's answer to each operation, by body: what the floor will answer. Throws on any error. */
export async function recordAnswers(
  serviceEndpoint: string,
  operations: readonly BenchOperation[],
): Promise<Map<string, RecordedAnswer>> {
  const answers = new Map<string, RecordedAnswer>();
  for (const operation of operations) {
    const { bytes, headers } = await answerOf(`${operation.id} (service)`, serviceEndpoint, operation.body);
    answers.set(operation.body, { bytes, headers });
  }
  return answers;
}

/** Throws when another server of the service (`column`: cached, a variant) answers any operation differently. */
export async function checkSameAnswers(
  column: string,
  endpoint: string,
  operations: readonly BenchOperation[],
  answers: ReadonlyMap<string, RecordedAnswer>,
): Promise<void> {
  for (const operation of operations) {
    const { data } = await answerOf(`${operation.id} (${column})`, endpoint, operation.body);
    const expected = (JSON.parse(answers.get(operation.body)!.bytes.toString('utf8')) as { data: unknown })
      .data;
    if (!isDeepStrictEqual(data, expected))
      throw new Error(`${operation.id}: the service ${column} answers differently from the service uncached`);
  }
}

/**
 * Before any timing: throws unless PostGraphile at `peerEndpoint` answers each operation that has a peer query with
 * the same rows as the service did (`answers`), compared as row sets with field names mapped away.
 */
export async function checkPeerAnswers(
  peerEndpoint: string,
  operations: readonly BenchOperation[],
  answers: ReadonlyMap<string, RecordedAnswer>,
  serviceName: string,
): Promise<void> {
  for (const operation of operations) {
    const peer = operation.peer;
    if (!peer) continue;
    const service = JSON.parse(answers.get(operation.body)!.bytes.toString('utf8')) as { data: unknown };
    const { data } = await answerOf(`${operation.id} (PostGraphile)`, peerEndpoint, peer.peerBody);
    assertSameRows(
      operation.id,
      { name: serviceName, rows: peer.serviceRows(service.data) },
      { name: 'PostGraphile', rows: peer.peerRows(data) },
    );
  }
}
