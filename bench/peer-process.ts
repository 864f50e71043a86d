import type { PostgresLocation } from '../server/db/location';
import { spawnListening, type ListeningProcess } from '../harness/spawn-listening';
import { withApplicationName } from './postgres-backends';

/** The application_name the peer's PostgreSQL sessions carry: how the benchmark finds their backends. */
export const PEER_APPLICATION_NAME = 'bench-postgraphile';

/**
 * Starts PostGraphile 5 (bench/peer-postgraphile.cjs) as its own process over the PostgreSQL schema of
 * `location`, in production mode; resolves once it serves `/graphql`.
 */
export function startPeer(location: PostgresLocation): Promise<ListeningProcess> {
  return spawnListening(
    'bench/peer-postgraphile.cjs',
    [withApplicationName(location.url, PEER_APPLICATION_NAME), location.schema],
    { NODE_ENV: 'production', GRAPHILE_ENV: 'production' },
  );
}
