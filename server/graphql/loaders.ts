import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { RelationProvenance } from '../domain/vocabulary';
import {
  discrepanciesByClaims,
  indicatorsByClaims,
  observationsByClaims,
  proseByObservations,
} from '../db/queries/claim-queries';
import { correctionsByIndicators, reportedChangesByIndicators } from '../db/queries/change-queries';
import { discrepanciesByIndicators } from '../db/queries/discrepancy-queries';
import {
  indicatorsByNotes,
  indicatorsByRelations,
  sameAsByIndicators,
} from '../db/queries/indicator-queries';
import { notesByIndicators, notesByVoorzieningen } from '../db/queries/note-queries';
import { observationsByDiscrepancies, observationsByIndicators } from '../db/queries/observation-queries';
import { relationsByIndicators, relationsFrom, relationsTo } from '../db/queries/relation-queries';
import { allMeasures, membersByMeasures } from '../db/queries/measure-queries';
import { rowsById, type ByIdTable } from '../db/queries/rows-by-id';
import DataLoader from 'dataloader';
import { BatchScheduler, groupLoader, rowLoader } from './batch';
import { createImpactLoaders } from './impact-loaders';
import type { ReferenceRows } from './reference-rows';

/**
 * A loader that takes its answers from the reference rows of the request's dataset version (no statement):
 * `pick` finds what one key asks for.
 */
function referenceLoader<K, V>(
  reference: () => Promise<ReferenceRows>,
  pick: (rows: ReferenceRows, key: K) => V,
): DataLoader<K, V> {
  return new DataLoader<K, V>(async (keys) => {
    const rows = await reference();
    return keys.map((key) => pick(rows, key));
  });
}

/** No rows: what a group loader answers for a key without any. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * The DataLoaders of one request: every resolver path fetches through them, so a request runs one statement
 * per loader and level, however many rows it touches. Created fresh per request (no cache across requests).
 * Each batch is one query of `db/queries/`, the read path the HTTP exports and pages use too, except for the
 * sections, domains, voorzieningen and indicators, which come from `reference`: the reference rows of the
 * request's dataset version, read once per version (see `reference-rows.ts`).
 */
export function createLoaders(db: Kysely<Database>, reference: () => Promise<ReferenceRows>) {
  const scheduler = new BatchScheduler();
  const byId = <T extends ByIdTable>(table: T) =>
    rowLoader(
      scheduler,
      (ids: number[]) => rowsById(db, table, ids),
      (row) => row.id,
    );
  const groups = <R>(
    fetch: (db: Kysely<Database>, ids: number[]) => Promise<R[]>,
    keyOf: (row: R) => number,
  ) => groupLoader(scheduler, (ids: number[]) => fetch(db, ids), keyOf);
  /**
   * A group loader of relations keyed by {@link provenanceKey} (a voorziening id and a set of provenances):
   * one batch runs one statement per provenance set asked for (at most three), so the filter runs in SQL and
   * the statements per level stay bounded, whatever the rows.
   */
  const groupsOfProvenance = <R>(
    fetch: (db: Kysely<Database>, ids: number[], provenances: readonly RelationProvenance[]) => Promise<R[]>,
    idOf: (row: R) => number,
  ) =>
    groupLoader(
      scheduler,
      async (keys: string[]) => {
        const idsBySet = new Map<string, number[]>();
        for (const key of keys) {
          const [id, set] = key.split('|') as [string, string];
          idsBySet.set(set, [...(idsBySet.get(set) ?? []), Number(id)]);
        }
        const parts = await Promise.all(
          [...idsBySet].map(async ([set, ids]) =>
            (await fetch(db, ids, set.split(',') as RelationProvenance[])).map((row) => ({
              row,
              key: `${idOf(row)}|${set}`,
            })),
          ),
        );
        return parts.flat();
      },
      (entry) => entry.key,
    );
  return {
    section: referenceLoader(reference, (rows, id: number) => rows.sectionById.get(id)),
    domain: referenceLoader(reference, (rows, id: number) => rows.domainById.get(id)),
    voorziening: referenceLoader(reference, (rows, id: number) => rows.voorzieningById.get(id)),
    indicator: referenceLoader(reference, (rows, id: number) => rows.indicatorById.get(id)),
    note: byId('note'),
    observation: byId('observation'),
    relation: referenceLoader(reference, (rows, id: number) => rows.relationById.get(id)),
    discrepancy: byId('discrepancy'),
    claim: byId('claim'),
    // every row of a small table, under the one key `all`: what codes resolve against
    allVoorzieningen: referenceLoader(reference, (rows, _all: 'all') => rows.voorzieningen),
    allDomains: referenceLoader(reference, (rows, _all: 'all') => rows.domains),
    allRelations: referenceLoader(reference, (rows, _all: 'all') => rows.relations),
    allMeasures: groupLoader(
      scheduler,
      () => allMeasures(db),
      () => 'all' as const,
    ),
    membersByMeasure: groups(membersByMeasures, (row) => row.measure_id),
    voorzieningenByDomain: referenceLoader(
      reference,
      (rows, id: number) => rows.voorzieningenByDomain.get(id) ?? NONE,
    ),
    partsByParent: referenceLoader(reference, (rows, id: number) => rows.partsByParent.get(id) ?? NONE),
    indicatorsByVoorziening: referenceLoader(
      reference,
      (rows, id: number) => rows.indicatorsByVoorziening.get(id) ?? NONE,
    ),
    observationsByIndicator: groups(observationsByIndicators, (row) => row.indicator_id),
    reportedChangesByIndicator: groups(reportedChangesByIndicators, (row) => row.indicator_id),
    notesByVoorziening: groups(notesByVoorzieningen, (row) => row.voorziening_id),
    notesByIndicator: groups(notesByIndicators, (row) => row.indicator_id),
    indicatorsByNote: groups(indicatorsByNotes, (row) => row.note_id),
    correctionsByIndicator: groups(correctionsByIndicators, (row) => row.indicator_id),
    relationsFrom: groupsOfProvenance(relationsFrom, (row) => row.from_id),
    relationsTo: groupsOfProvenance(relationsTo, (row) => row.to_id),
    indicatorsByRelation: groups(indicatorsByRelations, (row) => row.relation_id),
    relationsByIndicator: groups(relationsByIndicators, (row) => row.indicator_id),
    sameAsByIndicator: groups(sameAsByIndicators, (row) => row.key),
    discrepanciesByIndicator: groups(discrepanciesByIndicators, (row) => row.involved_indicator_id),
    observationsByDiscrepancy: groups(observationsByDiscrepancies, (row) => row.discrepancy_id),
    ...createImpactLoaders(db, scheduler),
    indicatorsByClaim: groups(indicatorsByClaims, (row) => row.claim_id),
    observationsByClaim: groups(observationsByClaims, (row) => row.claim_id),
    proseByObservation: rowLoader(
      scheduler,
      (ids: number[]) => proseByObservations(db, ids),
      (row) => row.observation_id,
    ),
    discrepancyByClaim: rowLoader(
      scheduler,
      (ids: number[]) => discrepanciesByClaims(db, ids),
      (row) => row.claim_id!,
    ),
  };
}

/** The key of `relationsFrom`/`relationsTo`: a voorziening's id and the provenances asked for, in any order. */
export function provenanceKey(id: number, provenances: readonly RelationProvenance[]): string {
  return `${id}|${[...new Set(provenances)].sort().join(',')}`;
}

/** The DataLoaders of one request. */
export type Loaders = ReturnType<typeof createLoaders>;
