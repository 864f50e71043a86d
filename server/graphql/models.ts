import type {
  IndicatorTable,
  ObservationTable,
  RelationTable,
  ReportedChangeTable,
  SectionTable,
  VoorzieningTable,
} from '../db/database';
import type { RelationMeasureRole } from '../domain/vocabulary';

/** The parent of `Edition` fields: the edition row and the dataset's content hash. */
export interface EditionModel {
  year: number;
  title: string;
  titleEn: string;
  referenceDate: string;
  years: number[];
  source: string;
  datasetVersion: string;
}

/** The parent of `SourceReference` fields: a section of the monitor or an outside URL. */
export interface SourceReferenceModel {
  section: SectionTable | null;
  url: string | null;
  title: string | null;
  /** The monitor's lines that state a relation (`1627-1629`), when known. */
  lines?: string | null;
  /** The words in those lines that state it, when known. */
  quote?: string | null;
}

/** The parent of `RelationMeasure` fields: a figure attached to a relation, with its role. */
export interface RelationMeasureModel {
  indicator: IndicatorTable;
  role: RelationMeasureRole;
  shared: boolean;
}

/** A change between two years, computed, beside the printed one. */
export interface ChangeModel {
  from: number;
  to: number;
  fromValue: number;
  toValue: number;
  /** Null when the change is not computed (a figure is a bound). */
  absolute: number | null;
  relative: number | null;
  /** Why the change is not computed (a figure is a bound), or null when it is. */
  notComputedBecause: string | null;
  /** Whether a figure is APPROXIMATE, so the change is too. */
  approximate: boolean;
  printed: ReportedChangeTable | null;
  agrees: boolean | null;
}

/** A range of source lines. */
export interface LineRangeModel {
  from: number;
  to: number;
}

/** A voorziening reached by a traversal, with its distance. */
export interface NeighborModel {
  voorziening: VoorzieningTable;
  distance: number;
}

/** The result of `neighbors`. */
export interface NeighborhoodModel {
  center: VoorzieningTable;
  neighbors: NeighborModel[];
  relations: RelationTable[];
}

/** The result of `path`. */
export interface PathModel {
  from: VoorzieningTable;
  to: VoorzieningTable;
  length: number;
  voorzieningen: VoorzieningTable[];
  relations: RelationTable[];
}

/** The result of `stelsel`. */
export interface StelselModel {
  nodes: VoorzieningTable[];
  edges: RelationTable[];
}

/** An item of a page, with its cursor. */
export interface EdgeModel<T> {
  cursor: string;
  node: T;
}

/** A page of a Relay connection. */
export interface ConnectionModel<T> {
  edges: EdgeModel<T>[];
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  /** The number of rows the filter selects, counted when `totalCount` is asked for (once per version). */
  totalCount: () => Promise<number>;
}

export type VoorzieningConnectionModel = ConnectionModel<VoorzieningTable>;
export type VoorzieningEdgeModel = EdgeModel<VoorzieningTable>;
export type IndicatorConnectionModel = ConnectionModel<IndicatorTable>;
export type IndicatorEdgeModel = EdgeModel<IndicatorTable>;
export type ObservationConnectionModel = ConnectionModel<ObservationTable>;
export type ObservationEdgeModel = EdgeModel<ObservationTable>;
export type RelationConnectionModel = ConnectionModel<RelationTable>;
export type RelationEdgeModel = EdgeModel<RelationTable>;

/** A voorziening downstream of an impact's origin, with its distance. */
export interface ImpactReachModel {
  voorziening: VoorzieningTable;
  distance: number;
}

/** A relation an impact walked, with its step and its volume in the impact's year (null: none reported). */
export interface ImpactFlowModel {
  relation: RelationTable;
  step: number;
  volume: number | null;
}

/** The result of `impact`. */
export interface ImpactModel {
  origin: VoorzieningTable;
  year: number;
  maxDepth: number;
  reached: ImpactReachModel[];
  flows: ImpactFlowModel[];
}
