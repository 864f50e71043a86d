import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { readEdition } from '../db/queries/edition-queries';
import { queryDownstream, type Downstream } from '../db/queries/graph/impact-query';
import { distinctKinds, distinctProvenances } from '../db/queries/graph/traversable-edges';
import type { RelationProvenance } from '../domain/vocabulary';
import { relationVolumes } from '../db/queries/relation-volumes';
import type { BatchScheduler } from './batch';

/** A DataLoader whose batches are sent by the request's scheduler (see `batch.ts`). */
function scheduled<K, V>(scheduler: BatchScheduler, fetch: (keys: K[]) => Promise<V[]>): DataLoader<K, V> {
  return new DataLoader((keys) => scheduler.track(() => fetch([...keys])), {
    batchScheduleFn: scheduler.schedule,
  });
}

/** A walk downstream asked for: from which voorziening, how far, along which kinds (null: all). */
export interface DownstreamKey {
  origin: number;
  maxDepth: number;
  kinds: readonly string[] | null | undefined;
  /** Which provenances to follow (MONITOR alone when absent). */
  provenances?: readonly RelationProvenance[] | null;
}

/** The walk's depth, distinct kinds and provenances, in a fixed order: the walks that share one statement. */
const walkOf = ({ maxDepth, kinds, provenances }: DownstreamKey) =>
  JSON.stringify([maxDepth, distinctKinds(kinds)?.sort() ?? null, distinctProvenances(provenances).sort()]);

/*
 * The loaders of `impact` for one request: the walks downstream (one statement per depth and filter, for
 * every origin asked at once), the relations' volumes per year, and the edition's years. So
 * `voorzieningen { nodes { impact { … } } }` runs as many statements as one `impact` does.
 */

/** The walk downstream of an origin (a voorziening id) within `maxDepth`, along relations of `kinds`. */
export function downstreamLoader(
  db: Kysely<Database>,
  scheduler: BatchScheduler,
): DataLoader<DownstreamKey, Downstream, string> {
  return new DataLoader<DownstreamKey, Downstream, string>(
    (keys) =>
      scheduler.track(async () => {
        const walks = new Map<string, DownstreamKey[]>();
        for (const key of keys) walks.set(walkOf(key), [...(walks.get(walkOf(key)) ?? []), key]);
        const found = new Map<string, Downstream>();
        await Promise.all(
          [...walks.values()].map(async (group) => {
            const { maxDepth, kinds, provenances } = group[0]!;
            const origins = group.map((key) => key.origin);
            const answer = await queryDownstream(db, origins, maxDepth, {
              kinds: distinctKinds(kinds),
              provenances: distinctProvenances(provenances),
            });
            for (const key of group) found.set(downstreamKey(key), answer.get(key.origin)!);
          }),
        );
        return keys.map((key) => found.get(downstreamKey(key)) ?? { nodes: [], relations: [] });
      }),
    { batchScheduleFn: scheduler.schedule, cacheKeyFn: downstreamKey },
  );
}

/** Each relation's volume in a year, by relation id (see `relationVolumes`). */
export function volumesInYearLoader(db: Kysely<Database>, scheduler: BatchScheduler) {
  return scheduled(scheduler, (years: number[]) =>
    Promise.all(years.map((year) => relationVolumes(db, year))),
  );
}

/** The years the edition's tables cover, under the one key `all`. */
export function editionYearsLoader(db: Kysely<Database>, scheduler: BatchScheduler) {
  return scheduled(scheduler, async (keys: 'all'[]) => {
    const years = (await readEdition(db)).years.split(',').map(Number);
    return keys.map(() => years);
  });
}

/** The cache key of a walk asked for. */
function downstreamKey(key: DownstreamKey): string {
  return `${key.origin}|${walkOf(key)}`;
}
