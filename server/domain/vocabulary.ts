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

/** The kinds of relation (edge kinds of the stelsel): SDL `RelationKind`. */
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
  'DESCRIBES',
  'PART_OF',
  'INHERITANCE',
  'DEEP_LINK',
  'USES_DATA_FROM',
] as const;
/** A kind of relation. */
export type RelationKind = (typeof RELATION_KINDS)[number];

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
 * - `NOT_AVAILABLE`: printed as a lone dash (`-`, `–`, `—` or the minus sign `−`): no figure.
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
  Direction: DIRECTIONS,
  Unit: UNITS,
  Qualifier: QUALIFIERS,
  ChangeKind: CHANGE_KINDS,
  DiscrepancyKind: DISCREPANCY_KINDS,
  ClaimPrecision: CLAIM_PRECISIONS,
  ClaimMeasure: CLAIM_MEASURES,
  ClaimDirection: CLAIM_DIRECTIONS,
  ClaimVerdict: CLAIM_VERDICTS,
};
