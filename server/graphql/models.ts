import type {
  IndicatorTable,
  ObservationTable,
  RelationTable,
  ReportedChangeTable,
  SectionTable,
  VoorzieningTable,
} from '../db/database';

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
}

/** A change between two years, computed, beside the printed one. */
export interface ChangeModel {
  from: number;
  to: number;
  fromValue: number;
  toValue: number;
  absolute: number;
  relative: number | null;
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
  totalCount: number;
}

export type VoorzieningConnectionModel = ConnectionModel<VoorzieningTable>;
export type VoorzieningEdgeModel = EdgeModel<VoorzieningTable>;
export type IndicatorConnectionModel = ConnectionModel<IndicatorTable>;
export type IndicatorEdgeModel = EdgeModel<IndicatorTable>;
export type ObservationConnectionModel = ConnectionModel<ObservationTable>;
export type ObservationEdgeModel = EdgeModel<ObservationTable>;
export type RelationConnectionModel = ConnectionModel<RelationTable>;
export type RelationEdgeModel = EdgeModel<RelationTable>;
