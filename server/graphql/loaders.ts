import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
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
  indicatorsByVoorzieningen,
  sameAsByIndicators,
} from '../db/queries/indicator-queries';
import { notesByIndicators, notesByVoorzieningen } from '../db/queries/note-queries';
import { observationsByDiscrepancies, observationsByIndicators } from '../db/queries/observation-queries';
import { relationsByIndicators, relationsFrom, relationsTo } from '../db/queries/relation-queries';
import { rowsById, type ByIdTable } from '../db/queries/rows-by-id';
import { allDomains } from '../db/queries/domain-queries';
import {
  allVoorzieningen,
  voorzieningenByDomains,
  voorzieningenByParents,
} from '../db/queries/voorziening-queries';
import { BatchScheduler, groupLoader, rowLoader } from './batch';

/**
 * The DataLoaders of one request: every resolver path fetches through them, so a request runs one statement
 * per loader and level, however many rows it touches. Created fresh per request (no cache across requests).
 * Each batch is one query of `db/queries/`, the read path the HTTP exports and pages use too.
 */
export function createLoaders(db: Kysely<Database>) {
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
  return {
    section: byId('section'),
    domain: byId('domain'),
    voorziening: byId('voorziening'),
    indicator: byId('indicator'),
    note: byId('note'),
    observation: byId('observation'),
    relation: byId('relation'),
    discrepancy: byId('discrepancy'),
    claim: byId('claim'),
    // every row of a small table, under the one key `all`: what codes resolve against, once per request
    allVoorzieningen: groupLoader(
      scheduler,
      () => allVoorzieningen(db),
      () => 'all' as const,
    ),
    allDomains: groupLoader(
      scheduler,
      () => allDomains(db),
      () => 'all' as const,
    ),
    voorzieningenByDomain: groups(voorzieningenByDomains, (row) => row.domain_id),
    partsByParent: groups(voorzieningenByParents, (row) => row.parent_id!),
    indicatorsByVoorziening: groups(indicatorsByVoorzieningen, (row) => row.voorziening_id),
    observationsByIndicator: groups(observationsByIndicators, (row) => row.indicator_id),
    reportedChangesByIndicator: groups(reportedChangesByIndicators, (row) => row.indicator_id),
    notesByVoorziening: groups(notesByVoorzieningen, (row) => row.voorziening_id),
    notesByIndicator: groups(notesByIndicators, (row) => row.indicator_id),
    indicatorsByNote: groups(indicatorsByNotes, (row) => row.note_id),
    correctionsByIndicator: groups(correctionsByIndicators, (row) => row.indicator_id),
    relationsFrom: groups(relationsFrom, (row) => row.from_id),
    relationsTo: groups(relationsTo, (row) => row.to_id),
    indicatorsByRelation: groups(indicatorsByRelations, (row) => row.relation_id),
    relationsByIndicator: groups(relationsByIndicators, (row) => row.indicator_id),
    sameAsByIndicator: groups(sameAsByIndicators, (row) => row.key),
    discrepanciesByIndicator: groups(discrepanciesByIndicators, (row) => row.involved_indicator_id),
    observationsByDiscrepancy: groups(observationsByDiscrepancies, (row) => row.discrepancy_id),
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

/** The DataLoaders of one request. */
export type Loaders = ReturnType<typeof createLoaders>;
