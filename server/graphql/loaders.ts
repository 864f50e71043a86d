import type { Kysely } from 'kysely';
import type { Database, RelationTable } from '../db/database';
import type { RelationProvenance } from '../domain/vocabulary';
import {
  discrepanciesByClaims,
  indicatorsByClaims,
  observationsByClaims,
  proseByObservations,
} from '../db/queries/claim-queries';
import { correctionsByIndicators } from '../db/queries/change-queries';
import { discrepanciesByIndicators } from '../db/queries/discrepancy-queries';
import { sameAsByIndicators } from '../db/queries/indicator-queries';
import { notesByIndicators } from '../db/queries/note-queries';
import { observationsByDiscrepancies } from '../db/queries/observation-queries';
import { relationsByIndicators } from '../db/queries/relation-queries';
import { allMeasures, membersByMeasures } from '../db/queries/measure-queries';
import { rowsById, type ByIdTable } from '../db/queries/rows-by-id';
import { BatchScheduler, groupLoader, rowLoader } from './batch';
import { downstreamLoader, editionYearsLoader, volumesInYearLoader } from './impact-loaders';
import type { ReferenceRows } from './reference-rows';
import { ReferenceLoader } from './reference-loader';

/** No rows: what a group loader answers for a key without any. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * What a request's loaders are made from: its database, the reference rows of its version (`rows` when they are
 * already read), its scheduler.
 */
interface LoaderSources {
  db: Kysely<Database>;
  reference: () => Promise<ReferenceRows>;
  rows: ReferenceRows | undefined;
  scheduler: BatchScheduler;
}

/** A loader of rows of `table` by id. */
const byId =
  <T extends ByIdTable>(table: T) =>
  ({ db, scheduler }: LoaderSources) =>
    rowLoader(
      scheduler,
      (ids: number[]) => rowsById(db, table, ids),
      (row) => row.id,
    );

/** A loader of the rows of each id, fetched by `fetch` for a batch of ids. */
const groups =
  <R>(fetch: (db: Kysely<Database>, ids: number[]) => Promise<R[]>, keyOf: (row: R) => number) =>
  ({ db, scheduler }: LoaderSources) =>
    groupLoader(scheduler, (ids: number[]) => fetch(db, ids), keyOf);

/** A loader from the reference rows, answering at once once they are read (see {@link ReferenceLoader}). */
const fromReference =
  <K, V>(pick: (rows: ReferenceRows, key: K) => V) =>
  ({ rows, reference }: LoaderSources) =>
    new ReferenceLoader(rows, reference, pick);

/**
 * The relations of a voorziening in `groups` (by its id) of the provenances asked for, by {@link provenanceKey}
 * (the voorziening's id and the provenances).
 */
function ofProvenances(
  groups: ReadonlyMap<number, readonly RelationTable[]>,
  key: string,
): readonly RelationTable[] {
  const bar = key.indexOf('|');
  const provenances = key.slice(bar + 1).split(',');
  return (groups.get(Number(key.slice(0, bar))) ?? NONE).filter((row) =>
    provenances.includes(row.provenance),
  );
}

/**
 * How each loader of a request is made. Each batch is one query of `db/queries/`, the read path the HTTP
 * exports and pages use too, except for the sections, domains, voorzieningen, indicators, relations,
 * observations and notes (by id, all of them, and those of a voorziening, indicator or relation), the printed
 * changes and the indicators of notes and relations, which come from the reference rows of the request's
 * dataset version, read once per version (see `reference-rows.ts`).
 */
const MAKERS = {
  section: fromReference((rows, id: number) => rows.sectionById.get(id)),
  domain: fromReference((rows, id: number) => rows.domainById.get(id)),
  voorziening: fromReference((rows, id: number) => rows.voorzieningById.get(id)),
  indicator: fromReference((rows, id: number) => rows.indicatorById.get(id)),
  note: fromReference((rows, id: number) => rows.noteById.get(id)),
  observation: fromReference((rows, id: number) => rows.observationById.get(id)),
  relation: fromReference((rows, id: number) => rows.relationById.get(id)),
  discrepancy: byId('discrepancy'),
  claim: byId('claim'),
  // every row of a small table, under the one key `all`: what codes resolve against
  allVoorzieningen: fromReference((rows, _all: 'all') => rows.voorzieningen),
  allDomains: fromReference((rows, _all: 'all') => rows.domains),
  allRelations: fromReference((rows, _all: 'all') => rows.relations),
  allObservations: fromReference((rows, _all: 'all') => rows.observations),
  // every indicator by id, under the one key `all`: what a filter on the indicators' columns looks in
  indicatorsById: fromReference((rows, _all: 'all') => rows.indicatorById),
  allMeasures: ({ db, scheduler }: LoaderSources) =>
    groupLoader(
      scheduler,
      () => allMeasures(db),
      () => 'all' as const,
    ),
  membersByMeasure: groups(membersByMeasures, (row) => row.measure_id),
  voorzieningenByDomain: fromReference((rows, id: number) => rows.voorzieningenByDomain.get(id) ?? NONE),
  partsByParent: fromReference((rows, id: number) => rows.partsByParent.get(id) ?? NONE),
  indicatorsByVoorziening: fromReference((rows, id: number) => rows.indicatorsByVoorziening.get(id) ?? NONE),
  observationsByIndicator: fromReference((rows, id: number) => rows.observationsByIndicator.get(id) ?? NONE),
  reportedChangesByIndicator: fromReference(
    (rows, id: number) => rows.reportedChangesByIndicator.get(id) ?? NONE,
  ),
  notesByVoorziening: fromReference((rows, id: number) => rows.notesByVoorziening.get(id) ?? NONE),
  notesByIndicator: groups(notesByIndicators, (row) => row.indicator_id),
  indicatorsByNote: fromReference((rows, id: number) => rows.indicatorsByNote.get(id) ?? NONE),
  correctionsByIndicator: groups(correctionsByIndicators, (row) => row.indicator_id),
  relationsFrom: fromReference((rows, key: string) => ofProvenances(rows.relationsFromById, key)),
  relationsTo: fromReference((rows, key: string) => ofProvenances(rows.relationsToById, key)),
  indicatorsByRelation: fromReference((rows, id: number) => rows.indicatorsByRelation.get(id) ?? NONE),
  relationsByIndicator: groups(relationsByIndicators, (row) => row.indicator_id),
  sameAsByIndicator: groups(sameAsByIndicators, (row) => row.key),
  discrepanciesByIndicator: groups(discrepanciesByIndicators, (row) => row.involved_indicator_id),
  observationsByDiscrepancy: groups(observationsByDiscrepancies, (row) => row.discrepancy_id),
  downstream: ({ db, scheduler }: LoaderSources) => downstreamLoader(db, scheduler),
  volumesInYear: ({ db, scheduler }: LoaderSources) => volumesInYearLoader(db, scheduler),
  editionYears: ({ db, scheduler }: LoaderSources) => editionYearsLoader(db, scheduler),
  indicatorsByClaim: groups(indicatorsByClaims, (row) => row.claim_id),
  observationsByClaim: groups(observationsByClaims, (row) => row.claim_id),
  proseByObservation: ({ db, scheduler }: LoaderSources) =>
    rowLoader(
      scheduler,
      (ids: number[]) => proseByObservations(db, ids),
      (row) => row.observation_id,
    ),
  discrepancyByClaim: ({ db, scheduler }: LoaderSources) =>
    rowLoader(
      scheduler,
      (ids: number[]) => discrepanciesByClaims(db, ids),
      (row) => row.claim_id!,
    ),
};

type Makers = typeof MAKERS;

/** The DataLoaders of one request. */
export type Loaders = { readonly [K in keyof Makers]: ReturnType<Makers[K]> };

/**
 * The loaders of one request, each made the first time a resolver asks for it (a request uses a few of the
 * 39: making them all cost 3–4 µs a request). A getter per loader, written out: the instance keeps one shape,
 * so the resolvers' property loads stay monomorphic.
 */
class RequestLoaders implements Loaders {
  readonly #from: LoaderSources;
  #section?: Loaders['section'];
  #domain?: Loaders['domain'];
  #voorziening?: Loaders['voorziening'];
  #indicator?: Loaders['indicator'];
  #note?: Loaders['note'];
  #observation?: Loaders['observation'];
  #relation?: Loaders['relation'];
  #discrepancy?: Loaders['discrepancy'];
  #claim?: Loaders['claim'];
  #allVoorzieningen?: Loaders['allVoorzieningen'];
  #allDomains?: Loaders['allDomains'];
  #allRelations?: Loaders['allRelations'];
  #allObservations?: Loaders['allObservations'];
  #indicatorsById?: Loaders['indicatorsById'];
  #allMeasures?: Loaders['allMeasures'];
  #membersByMeasure?: Loaders['membersByMeasure'];
  #voorzieningenByDomain?: Loaders['voorzieningenByDomain'];
  #partsByParent?: Loaders['partsByParent'];
  #indicatorsByVoorziening?: Loaders['indicatorsByVoorziening'];
  #observationsByIndicator?: Loaders['observationsByIndicator'];
  #reportedChangesByIndicator?: Loaders['reportedChangesByIndicator'];
  #notesByVoorziening?: Loaders['notesByVoorziening'];
  #notesByIndicator?: Loaders['notesByIndicator'];
  #indicatorsByNote?: Loaders['indicatorsByNote'];
  #correctionsByIndicator?: Loaders['correctionsByIndicator'];
  #relationsFrom?: Loaders['relationsFrom'];
  #relationsTo?: Loaders['relationsTo'];
  #indicatorsByRelation?: Loaders['indicatorsByRelation'];
  #relationsByIndicator?: Loaders['relationsByIndicator'];
  #sameAsByIndicator?: Loaders['sameAsByIndicator'];
  #discrepanciesByIndicator?: Loaders['discrepanciesByIndicator'];
  #observationsByDiscrepancy?: Loaders['observationsByDiscrepancy'];
  #downstream?: Loaders['downstream'];
  #volumesInYear?: Loaders['volumesInYear'];
  #editionYears?: Loaders['editionYears'];
  #indicatorsByClaim?: Loaders['indicatorsByClaim'];
  #observationsByClaim?: Loaders['observationsByClaim'];
  #proseByObservation?: Loaders['proseByObservation'];
  #discrepancyByClaim?: Loaders['discrepancyByClaim'];

  constructor(from: LoaderSources) {
    this.#from = from;
  }

  get section(): Loaders['section'] {
    return (this.#section ??= MAKERS.section(this.#from));
  }
  get domain(): Loaders['domain'] {
    return (this.#domain ??= MAKERS.domain(this.#from));
  }
  get voorziening(): Loaders['voorziening'] {
    return (this.#voorziening ??= MAKERS.voorziening(this.#from));
  }
  get indicator(): Loaders['indicator'] {
    return (this.#indicator ??= MAKERS.indicator(this.#from));
  }
  get note(): Loaders['note'] {
    return (this.#note ??= MAKERS.note(this.#from));
  }
  get observation(): Loaders['observation'] {
    return (this.#observation ??= MAKERS.observation(this.#from));
  }
  get relation(): Loaders['relation'] {
    return (this.#relation ??= MAKERS.relation(this.#from));
  }
  get discrepancy(): Loaders['discrepancy'] {
    return (this.#discrepancy ??= MAKERS.discrepancy(this.#from));
  }
  get claim(): Loaders['claim'] {
    return (this.#claim ??= MAKERS.claim(this.#from));
  }
  get allVoorzieningen(): Loaders['allVoorzieningen'] {
    return (this.#allVoorzieningen ??= MAKERS.allVoorzieningen(this.#from));
  }
  get allDomains(): Loaders['allDomains'] {
    return (this.#allDomains ??= MAKERS.allDomains(this.#from));
  }
  get allRelations(): Loaders['allRelations'] {
    return (this.#allRelations ??= MAKERS.allRelations(this.#from));
  }
  get allObservations(): Loaders['allObservations'] {
    return (this.#allObservations ??= MAKERS.allObservations(this.#from));
  }
  get indicatorsById(): Loaders['indicatorsById'] {
    return (this.#indicatorsById ??= MAKERS.indicatorsById(this.#from));
  }
  get allMeasures(): Loaders['allMeasures'] {
    return (this.#allMeasures ??= MAKERS.allMeasures(this.#from));
  }
  get membersByMeasure(): Loaders['membersByMeasure'] {
    return (this.#membersByMeasure ??= MAKERS.membersByMeasure(this.#from));
  }
  get voorzieningenByDomain(): Loaders['voorzieningenByDomain'] {
    return (this.#voorzieningenByDomain ??= MAKERS.voorzieningenByDomain(this.#from));
  }
  get partsByParent(): Loaders['partsByParent'] {
    return (this.#partsByParent ??= MAKERS.partsByParent(this.#from));
  }
  get indicatorsByVoorziening(): Loaders['indicatorsByVoorziening'] {
    return (this.#indicatorsByVoorziening ??= MAKERS.indicatorsByVoorziening(this.#from));
  }
  get observationsByIndicator(): Loaders['observationsByIndicator'] {
    return (this.#observationsByIndicator ??= MAKERS.observationsByIndicator(this.#from));
  }
  get reportedChangesByIndicator(): Loaders['reportedChangesByIndicator'] {
    return (this.#reportedChangesByIndicator ??= MAKERS.reportedChangesByIndicator(this.#from));
  }
  get notesByVoorziening(): Loaders['notesByVoorziening'] {
    return (this.#notesByVoorziening ??= MAKERS.notesByVoorziening(this.#from));
  }
  get notesByIndicator(): Loaders['notesByIndicator'] {
    return (this.#notesByIndicator ??= MAKERS.notesByIndicator(this.#from));
  }
  get indicatorsByNote(): Loaders['indicatorsByNote'] {
    return (this.#indicatorsByNote ??= MAKERS.indicatorsByNote(this.#from));
  }
  get correctionsByIndicator(): Loaders['correctionsByIndicator'] {
    return (this.#correctionsByIndicator ??= MAKERS.correctionsByIndicator(this.#from));
  }
  get relationsFrom(): Loaders['relationsFrom'] {
    return (this.#relationsFrom ??= MAKERS.relationsFrom(this.#from));
  }
  get relationsTo(): Loaders['relationsTo'] {
    return (this.#relationsTo ??= MAKERS.relationsTo(this.#from));
  }
  get indicatorsByRelation(): Loaders['indicatorsByRelation'] {
    return (this.#indicatorsByRelation ??= MAKERS.indicatorsByRelation(this.#from));
  }
  get relationsByIndicator(): Loaders['relationsByIndicator'] {
    return (this.#relationsByIndicator ??= MAKERS.relationsByIndicator(this.#from));
  }
  get sameAsByIndicator(): Loaders['sameAsByIndicator'] {
    return (this.#sameAsByIndicator ??= MAKERS.sameAsByIndicator(this.#from));
  }
  get discrepanciesByIndicator(): Loaders['discrepanciesByIndicator'] {
    return (this.#discrepanciesByIndicator ??= MAKERS.discrepanciesByIndicator(this.#from));
  }
  get observationsByDiscrepancy(): Loaders['observationsByDiscrepancy'] {
    return (this.#observationsByDiscrepancy ??= MAKERS.observationsByDiscrepancy(this.#from));
  }
  get downstream(): Loaders['downstream'] {
    return (this.#downstream ??= MAKERS.downstream(this.#from));
  }
  get volumesInYear(): Loaders['volumesInYear'] {
    return (this.#volumesInYear ??= MAKERS.volumesInYear(this.#from));
  }
  get editionYears(): Loaders['editionYears'] {
    return (this.#editionYears ??= MAKERS.editionYears(this.#from));
  }
  get indicatorsByClaim(): Loaders['indicatorsByClaim'] {
    return (this.#indicatorsByClaim ??= MAKERS.indicatorsByClaim(this.#from));
  }
  get observationsByClaim(): Loaders['observationsByClaim'] {
    return (this.#observationsByClaim ??= MAKERS.observationsByClaim(this.#from));
  }
  get proseByObservation(): Loaders['proseByObservation'] {
    return (this.#proseByObservation ??= MAKERS.proseByObservation(this.#from));
  }
  get discrepancyByClaim(): Loaders['discrepancyByClaim'] {
    return (this.#discrepancyByClaim ??= MAKERS.discrepancyByClaim(this.#from));
  }
}

/**
 * The DataLoaders of one request: every resolver path fetches through them, so a request runs one statement
 * per loader and level, however many rows it touches. Created fresh per request (no cache across requests),
 * each when it is first used.
 */
export function createLoaders(
  db: Kysely<Database>,
  reference: () => Promise<ReferenceRows>,
  rows?: ReferenceRows,
): Loaders {
  return new RequestLoaders({ db, reference, rows, scheduler: new BatchScheduler() });
}

/** The key of `relationsFrom`/`relationsTo`: a voorziening's id and the provenances asked for, in any order. */
export function provenanceKey(id: number, provenances: readonly RelationProvenance[]): string {
  return `${id}|${[...new Set(provenances)].sort().join(',')}`;
}
