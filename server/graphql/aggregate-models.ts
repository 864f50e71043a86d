import type { MeasureTable } from '../db/database';
import type { RankingRow, VoorzieningTotalRow } from '../db/queries/measure-queries';
import type { RankBy } from '../domain/vocabulary';

/** The parent of `MeasureTotals` fields: the measure, the year and the per-voorziening rows of the SQL. */
export interface MeasureTotalsModel {
  measure: MeasureTable;
  year: number;
  rows: VoorzieningTotalRow[];
}

/** The parent of `VoorzieningTotal` fields: one row of the totals' SQL. */
export interface VoorzieningTotalModel {
  measureId: number;
  year: number;
  row: VoorzieningTotalRow;
}

/** The parent of `MeasureRanking` fields: the request and the rows of the ranking's SQL. */
export interface MeasureRankingModel {
  measure: MeasureTable;
  by: RankBy;
  from: number | null;
  to: number;
  rows: RankingRow[];
}

/** The parent of `RankedVoorziening` fields: one row of the ranking's SQL, with the request it answers. */
export interface RankedVoorzieningModel {
  measureId: number;
  by: RankBy;
  from: number | null;
  to: number;
  row: RankingRow;
}
