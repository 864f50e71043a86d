/**
 * The vocabulary of the dataset, defined once: every enum of the SDL (`schema/*.graphql`) as a list of its
 * values, in the SDL's order, with its type. The seed schema, the ingest, the resolvers and the HTTP layer take
 * their values from here; `tests/vocabulary.test.ts` checks that the SDL's enums are exactly these.
 */

/** The kinds of voorziening (node kinds of the stelsel): SDL `VoorzieningKind`. */
export const VOORZIENING_KINDS = [
  'BASISREGISTRATIE',
  'STELSELVOORZIENING',
  'AUTHENTICATIE',
  'PORTAAL',
  'BERICHTENVERKEER',
  'NETWERK',
  'STANDAARD',
  'ARCHITECTUUR',
  'PLATFORM',
  'REGISTRATIE',
  'CATALOGUS',
] as const;
/** A kind of voorziening. */
export type VoorzieningKind = (typeof VOORZIENING_KINDS)[number];

/**
 * The kinds of relation (edge kinds of the stelsel): SDL `RelationKind`. For every kind, `from` → `to` is
 * the way the data or the service flows: `from` feeds `to`.
 */
export const RELATION_KINDS = [
  'EVENT_DELIVERY',
  'TERUGMELDING',
  'DISTRIBUTION',
  'AUTHENTICATION',
  'AUTHORIZATION',
  'INZAGE',
  'TRANSPORT',
  'NETWORK',
  'PUBLICATION',
  'DEFINED_IN',
  'PART_OF',
  'INHERITANCE',
  'DEEP_LINK',
  'SUPPLIES_DATA_TO',
] as const;
/** A kind of relation. */
export type RelationKind = (typeof RELATION_KINDS)[number];

/**
 * Where a relation is stated: SDL `RelationProvenance`. `MONITOR`: the monitor's text states it (a section,
 * lines and a quote); `OUTSIDE`: only an outside source does (its URL and title).
 */
export const RELATION_PROVENANCES = ['MONITOR', 'OUTSIDE'] as const;
/** Where a relation is stated. */
export type RelationProvenance = (typeof RELATION_PROVENANCES)[number];

/**
 * What a figure attached to a relation counts: SDL `RelationMeasureRole`. `OWN`: this edge's own channel; `ONWARD`:
 * the next hop (Digilevering → afnemers); `ALTERNATIVE`: the same flow counted in another table, a twin that
 * may disagree; `COMBINED`: a figure that counts this channel together with another (an upper bound).
 */
export const RELATION_MEASURE_ROLES = ['OWN', 'ONWARD', 'ALTERNATIVE', 'COMBINED'] as const;
/** The role of a figure on a relation. */
export type RelationMeasureRole = (typeof RELATION_MEASURE_ROLES)[number];

/** Which way a traversal follows relations: SDL `Direction`. */
export const DIRECTIONS = ['OUTGOING', 'INCOMING', 'BOTH'] as const;
/** A direction of traversal. */
export type Direction = (typeof DIRECTIONS)[number];

/** The units of an indicator's figures: SDL `Unit`. */
export const UNITS = ['COUNT', 'PERCENT'] as const;
/** A unit. */
export type Unit = (typeof UNITS)[number];

/**
 * How a printed cell relates to the quantity it reports: SDL `Qualifier`.
 * - `EXACT`: a plain figure (`1.023`, `62%`).
 * - `APPROXIMATE`: a rounded figure (`ruim 18.000`, `bijna 100.000`, `ca. 10.000`).
 * - `AT_LEAST`: a lower bound (`>5.000`).
 * - `SHARE`: a percentage of another quantity named in the cell (`99,5 % van het aantal bevragingen`).
 * - `NOT_AVAILABLE`: printed as a lone dash (`-`, `–`, `—` or the minus sign `−`): no figure; in a change
 *   column beside figures that are bounds (`> 5.000`): no change printed.
 * - `UNCHANGED`: `-` in a change column: the figure did not change.
 * - `NEW`: printed as `nieuw`: no earlier figure to compare with.
 * - `TEXT`: words the parser does not read as a figure; also a cell of several quantities.
 */
export const QUALIFIERS = [
  'EXACT',
  'APPROXIMATE',
  'AT_LEAST',
  'SHARE',
  'NOT_AVAILABLE',
  'UNCHANGED',
  'NEW',
  'TEXT',
] as const;
/** A qualifier of a printed cell. */
export type Qualifier = (typeof QUALIFIERS)[number];

/** What a printed change measures: SDL `ChangeKind` (a % change, or a difference in points). */
export const CHANGE_KINDS = ['RELATIVE', 'DIFFERENCE'] as const;
/** A kind of printed change. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The kinds of contradiction the ingest finds in the source: SDL `DiscrepancyKind`. */
export const DISCREPANCY_KINDS = [
  'CHANGE_MISMATCH',
  'SAME_AS_MISMATCH',
  'NOTE_VALUE_MISMATCH',
  'SUM_MISMATCH',
  'SUMMARY_MISMATCH',
] as const;
/** A kind of discrepancy. */
export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];

/**
 * How sure a discrepancy is: SDL `DiscrepancyConfidence`.
 * - `ASSERTED`: the monitor prints both figures (a change and its row, a note and its table) or says the two are the same.
 * - `BY_LABEL`: two rows' labels name the same quantity; the monitor does not say they are the same.
 * - `PRESUMED`: our reading only (a `sameAs` link the seeds call "presumably the same", a total the seeds infer).
 */
export const DISCREPANCY_CONFIDENCES = ['ASSERTED', 'BY_LABEL', 'PRESUMED'] as const;
/** A confidence of a discrepancy. */
export type DiscrepancyConfidence = (typeof DISCREPANCY_CONFIDENCES)[number];
/** What a measure's ranking orders by: SDL `RankBy` (the value in a year, or the change between two). */
export const RANK_BY = ['VALUE', 'CHANGE'] as const;
/** A basis of a ranking. */
export type RankBy = (typeof RANK_BY)[number];
/**
 * How precisely a claim of the summarising text states its figure: SDL `ClaimPrecision` (see
 * `server/domain/claim-precision.ts` for what each admits).
 */
export const CLAIM_PRECISIONS = [
  'EXACT',
  'ROUNDED',
  'RUIM',
  'BIJNA',
  'CA',
  'BAND',
  'MORE_THAN',
  'FACTOR',
  'POINTS',
  'COUNT',
  'DIRECTION',
  'RANKING',
] as const;
/** A claim's precision. */
export type ClaimPrecision = (typeof CLAIM_PRECISIONS)[number];

/** What a claim's figure measures in the tables: SDL `ClaimMeasure`. */
export const CLAIM_MEASURES = [
  'VALUE',
  'CHANGE',
  'POINTS',
  'FACTOR',
  'SUM',
  'SHARE',
  'DIRECTION',
  'RANKING',
] as const;
/** A claim's measure. */
export type ClaimMeasure = (typeof CLAIM_MEASURES)[number];

/** Which way a claim says a figure went: SDL `ClaimDirection`. */
export const CLAIM_DIRECTIONS = ['UP', 'DOWN', 'SAME'] as const;
/** A claim's direction. */
export type ClaimDirection = (typeof CLAIM_DIRECTIONS)[number];

/** What checking a claim against the tables found: SDL `ClaimVerdict`. */
export const CLAIM_VERDICTS = ['AGREES', 'DISAGREES', 'NOT_CHECKABLE'] as const;
/** A claim's verdict. */
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];

/** Every enum of the SDL by its GraphQL name: what the vocabulary test compares the schema with. */
export const SDL_ENUMS: Readonly<Record<string, readonly string[]>> = {
  VoorzieningKind: VOORZIENING_KINDS,
  RelationKind: RELATION_KINDS,
  RelationProvenance: RELATION_PROVENANCES,
  RelationMeasureRole: RELATION_MEASURE_ROLES,
  Direction: DIRECTIONS,
  Unit: UNITS,
  Qualifier: QUALIFIERS,
  ChangeKind: CHANGE_KINDS,
  DiscrepancyKind: DISCREPANCY_KINDS,
  DiscrepancyConfidence: DISCREPANCY_CONFIDENCES,
  RankBy: RANK_BY,
  ClaimPrecision: CLAIM_PRECISIONS,
  ClaimMeasure: CLAIM_MEASURES,
  ClaimDirection: CLAIM_DIRECTIONS,
  ClaimVerdict: CLAIM_VERDICTS,
};
