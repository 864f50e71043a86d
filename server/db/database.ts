import type {
  ChangeKind,
  DiscrepancyConfidence,
  ClaimDirection,
  ClaimMeasure,
  ClaimPrecision,
  ClaimVerdict,
  DiscrepancyKind,
  Qualifier,
  RelationKind,
  RelationProvenance,
  RelationMeasureRole,
  Unit,
  VoorzieningKind,
} from '../domain/vocabulary';

/**
 * The database as Kysely sees it: one interface per table, keyed by table name. Rows are written once by
 * the ingest (`npm run db:build`) and only read by the server. Ids are assigned by the ingest.
 */

/** The monitor edition. */
export interface EditionTable {
  id: number;
  year: number;
  title: string;
  title_en: string;
  reference_date: string;
  /** The years the tables cover, comma-separated (`2017,2018,2019`). */
  years: string;
  source: string;
}

/** A section of the monitor's text, located by its heading. */
export interface SectionTable {
  id: number;
  code: string;
  heading: string;
  title: string;
  number: string | null;
  appendix: string | null;
  parent_id: number | null;
  position: number;
  start_line: number;
  end_line: number;
}

/** One of the four chapters. */
export interface DomainTable {
  id: number;
  code: string;
  name: string;
  name_en: string;
  appendix: string;
  section_id: number;
  position: number;
}

/** A facility, registry or platform: a node of the stelsel. */
export interface VoorzieningTable {
  id: number;
  code: string;
  abbreviation: string | null;
  name: string;
  name_en: string;
  kind: VoorzieningKind;
  domain_id: number;
  section_id: number;
  parent_id: number | null;
  description: string | null;
  description_en: string | null;
  description_section_id: number | null;
  description_url: string | null;
  description_url_title: string | null;
  responsible: string | null;
  law: string | null;
  position: number;
  /** Names and abbreviation, lower-cased without accents, for search. */
  search_text: string;
}

/** One table row of the monitor. */
export interface IndicatorTable {
  id: number;
  voorziening_id: number;
  key: string;
  name: string;
  name_en: string;
  source_label: string;
  unit: Unit;
  section_id: number;
  table_caption: string | null;
  change_kind: ChangeKind;
  change_from: number;
  change_to: number;
  position: number;
  search_text: string;
}

/** One printed cell: a figure for a year and, in breakdown tables, a subject. */
export interface ObservationTable {
  id: number;
  indicator_id: number;
  year: number;
  subject: string | null;
  subject_en: string | null;
  subject_position: number;
  is_total: number;
  value: number | null;
  raw: string;
  qualifier: Qualifier;
  /** Set when the figure is printed in a note rather than in the table. */
  note_id: number | null;
  /** 1 when the source prints the figure without its year, which is then inferred. */
  year_inferred: number;
  /** 1 for a total whose parts are not all reported (a part `-` or blank): its sum is not checked. */
  parts_incomplete: number;
  /** What the figure does not say by itself (parts incomplete, what a count includes); null when nothing. */
  caveat: string | null;
}

/** The change column as printed for a row (or a breakdown subject). */
export interface ReportedChangeTable {
  id: number;
  indicator_id: number;
  subject: string | null;
  raw: string;
  value: number | null;
  qualifier: Qualifier;
  decimals: number;
  kind: ChangeKind;
  from_year: number;
  to_year: number;
}

/** A Toelichting or other explanatory text, verbatim. */
export interface NoteTable {
  id: number;
  voorziening_id: number;
  key: string;
  heading: string | null;
  text: string;
  text_en: string | null;
  section_id: number;
  position: number;
}

/** Which indicators a note explains. */
export interface NoteIndicatorTable {
  note_id: number;
  indicator_id: number;
}

/** A figure restated by the edition. */
export interface CorrectionTable {
  id: number;
  indicator_id: number;
  year: number;
  previous_raw: string | null;
  previous_value: number | null;
  raw: string | null;
  value: number | null;
  note_id: number;
}

/** A directed, typed edge between two voorzieningen. */
export interface RelationTable {
  id: number;
  kind: RelationKind;
  from_id: number;
  to_id: number;
  description: string;
  description_en: string | null;
  source_section_id: number | null;
  source_url: string | null;
  source_title: string | null;
  /** MONITOR when the monitor's text states the relation, OUTSIDE when only an outside source does. */
  provenance: RelationProvenance;
  /** The source lines of the monitor that state it (`1627-1629`), for MONITOR relations. */
  source_lines: string | null;
  /** The words in those lines that state it, for MONITOR relations. */
  source_quote: string | null;
  position: number;
}

/** The indicators that quantify a relation. */
export interface RelationIndicatorTable {
  relation_id: number;
  indicator_id: number;
  position: number;
  /** What the figure counts for this edge: its own channel, the onward hop, a twin, a combined figure. */
  role: RelationMeasureRole;
  /** 1 when the same figure is attached to several edges (it counts their channels together), else 0. */
  shared: number;
}

/** Two indicators that count the same thing in two tables. */
export interface SameAsTable {
  id: number;
  indicator_id: number;
  /** The breakdown subject compared on this side, or null for the row itself. */
  subject: string | null;
  other_indicator_id: number;
  other_subject: string | null;
  note: string;
}

/** A group of indicators that measure the same kind of thing (`seeds/measures.yaml`). */
export interface MeasureTable {
  id: number;
  code: string;
  name: string;
  name_en: string;
  description: string;
  description_en: string;
  position: number;
}

/**
 * An indicator's membership of a measure, with the build's de-duplication decision: whether the row counts in
 * the measure's totals, and if not, why and which counted row it repeats.
 */
export interface MeasureIndicatorTable {
  id: number;
  measure_id: number;
  indicator_id: number;
  /** 1 when the row counts in the totals; 0 when it repeats a counted row. */
  counted: number;
  excluded_because: string | null;
  repeats_indicator_id: number | null;
  position: number;
}

/** A place where the source contradicts itself. */
export interface DiscrepancyTable {
  id: number;
  kind: DiscrepancyKind;
  year: number | null;
  indicator_id: number;
  description: string;
  printed_change: number | null;
  printed_change_raw: string | null;
  computed_change: number | null;
  note_id: number | null;
  same_as_id: number | null;
  /** For a SUMMARY_MISMATCH: the claim of the summarising text that the tables contradict. */
  claim_id: number | null;
  position: number;
  /** How sure the contradiction is: whether the monitor states both sides, their labels do, or only we do. */
  confidence: DiscrepancyConfidence;
  /** Why the figures differ, where the seeds or the monitor know; null otherwise. */
  explanation: string | null;
}

/** The figures a discrepancy involves. */
export interface DiscrepancyObservationTable {
  discrepancy_id: number;
  observation_id: number;
  role: string;
  position: number;
}

/** A figure the monitor states only in prose (not in a table cell): the observation and where it is stated. */
export interface ProseFigureTable {
  observation_id: number;
  section_id: number;
  from_line: number;
  to_line: number;
  /** The sentence as printed, white space folded. */
  text: string;
}

/** A numeric claim of the summarising text (the Hoofdlijnen chapter, a Toelichting), checked against the tables. */
export interface ClaimTable {
  id: number;
  /** The claim's stable id in `seeds/claims.yaml` (`a-01`, `c-07`). */
  code: string;
  section_id: number;
  from_line: number;
  to_line: number;
  quote: string;
  printed: string;
  printed_value: number | null;
  /** For a BAND: its upper end (`printed_value` is the lower). */
  printed_upper: number | null;
  precision: ClaimPrecision;
  measure: ClaimMeasure;
  direction: ClaimDirection | null;
  /** The years it concerns, comma-separated (`2018,2019`). */
  years: string;
  computed_value: number | null;
  /** 1 when `computed_value` is only a lower bound (a figure printed as `> 5.000` is involved). */
  computed_is_lower_bound: number;
  verdict: ClaimVerdict;
  reason: string;
  note: string | null;
  position: number;
}

/** The indicators a claim refers to, in the claim's order. */
export interface ClaimIndicatorTable {
  claim_id: number;
  indicator_id: number;
  position: number;
}

/** The figures a claim was checked against, in order. */
export interface ClaimObservationTable {
  claim_id: number;
  observation_id: number;
  position: number;
}

/** Facts about the build: content hash, build time. */
export interface MetaTable {
  key: string;
  value: string;
}

/** Every table, by name. */
export interface Database {
  edition: EditionTable;
  section: SectionTable;
  domain: DomainTable;
  voorziening: VoorzieningTable;
  indicator: IndicatorTable;
  observation: ObservationTable;
  reported_change: ReportedChangeTable;
  note: NoteTable;
  note_indicator: NoteIndicatorTable;
  correction: CorrectionTable;
  relation: RelationTable;
  relation_indicator: RelationIndicatorTable;
  same_as: SameAsTable;
  measure: MeasureTable;
  measure_indicator: MeasureIndicatorTable;
  discrepancy: DiscrepancyTable;
  discrepancy_observation: DiscrepancyObservationTable;
  prose_figure: ProseFigureTable;
  claim: ClaimTable;
  claim_indicator: ClaimIndicatorTable;
  claim_observation: ClaimObservationTable;
  meta: MetaTable;
}

/** A complete dataset in memory: every row of every table, in insertion order. */
export type DatasetRows = { [T in keyof Database]: Database[T][] };
