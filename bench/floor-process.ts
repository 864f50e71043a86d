import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnListening, type ListeningProcess } from '../harness/spawn-listening';
import type { FloorAnswers } from './floor-server';

/** An answer the service gave: its bytes and its headers (see `answerHeaders`). */
export interface RecordedAnswer {
  bytes: Buffer;
  headers: [string, string][];
}

/**
 * Starts the floor (bench/floor-server.ts) as its own process, answering each body of `answers` with its
 * bytes: the answers go to it through a temporary JSON file, removed when it stops.
 */
export async function startFloor(answers: Map<string, RecordedAnswer>): Promise<ListeningProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'stelselgraph-floor-'));
  const file = join(dir, 'answers.json');
  const json: FloorAnswers = Object.fromEntries(
    [...answers].map(([body, answer]) => [
      body,
      { bytes: answer.bytes.toString('base64'), headers: answer.headers },
    ]),
  );
  writeFileSync(file, JSON.stringify(json));
  try {
    const floor = await spawnListening('bench/floor-server.ts', [file]);
    return {
      ...floor,
      stop: async () => {
        await floor.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
