import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { VoorzieningKind } from '../../domain/vocabulary';
import type { Database, MeasureIndicatorTable, MeasureTable } from '../database';
import { anyOfFor } from './any-of';

/** Every measure, in the order of `seeds/measures.yaml`. */
export function allMeasures(db: Kysely<Database>): Promise<MeasureTable[]> {
  return db.selectFrom('measure').selectAll().orderBy('position').execute();
}

/** The members of the given measures (counted or not), in the seed's order. */
export function membersByMeasures(
  db: Kysely<Database>,
  measureIds: readonly number[],
): Promise<MeasureIndicatorTable[]> {
  return db
    .selectFrom('measure_indicator')
    .selectAll()
    .where(anyOfFor(db)('measure_id', measureIds))
    .orderBy('measure_id')
    .orderBy('position')
    .execute();
}

/** Which voorzieningen a total or ranking covers: all, or those of some kinds and/or some ids. */
export interface MeasureScope {
  measureId: number;
  kinds?: readonly VoorzieningKind[];
  voorzieningIds?: readonly number[];
}

/** One voorziening's sum of a measure's counted rows for a year, with the grand total over the scope. */
export interface VoorzieningTotalRow {
  voorziening_id: number;
  /** The sum of the figures of its counted rows; null when none has a figure. */
  value: number | null;
  /** Its counted rows, and how many have a figure and how many are lower bounds (`> 5.000`). */
  row_count: number;
  figures: number;
  bounds: number;
  /** Rank by value, highest first (ties share a rank); null without a value. */
  rank: number | null;
  /** The sum over every voorziening in scope, and its counts of rows, figures and bounds. */
  total: number | null;
  total_rows: number;
  total_figures: number;
  total_bounds: number;
}

/**
 * The counted member rows of a measure in scope, each with its voorziening (a CTE shared by the totals and the
 * ranking): the de-duplication was decided by the build (`measure_indicator.counted`).
 */
function membersInScope(db: Kysely<Database>, scope: MeasureScope): RawBuilder<unknown> {
  const anyOf = anyOfFor(db);
  const kinds = scope.kinds ? sql`and ${anyOf('v.kind', scope.kinds)}` : sql``;
  const ids = scope.voorzieningIds ? sql`and ${anyOf('v.id', scope.voorzieningIds)}` : sql``;
  return sql`select mi.indicator_id, i.voorziening_id, v.code || '/' || i.key as key, mi.position
    from measure_indicator mi
    join indicator i on i.id = mi.indicator_id
    join voorziening v on v.id = i.voorziening_id
    where mi.measure_id = ${scope.measureId} and mi.counted = 1 ${kinds} ${ids}`;
}

/**
 * The totals of a measure for one year, per voorziening in scope (highest value first, then the monitor's
 * order), in one statement: a group by per voorziening and window functions for the grand total and the rank.
 * A row without a figure that year (blank or `-`) adds nothing and is counted in `row_count - figures`.
 */
export async function measureTotals(
  db: Kysely<Database>,
  scope: MeasureScope,
  year: number,
): Promise<VoorzieningTotalRow[]> {
  const { rows } = await sql<Record<keyof VoorzieningTotalRow, number | string | null>>`
    with member as (${membersInScope(db, scope)}),
    per as (
      select m.voorziening_id, sum(o.value) as value, count(*) as row_count, count(o.value) as figures,
        sum(case when o.qualifier = 'AT_LEAST' then 1 else 0 end) as bounds
      from member m
      left join observation o on o.indicator_id = m.indicator_id and o.subject is null and o.year = ${year}
      group by m.voorziening_id
    )
    select p.voorziening_id, p.value, p.row_count, p.figures, p.bounds,
      case when p.value is null then null
        else rank() over (order by coalesce(p.value, -1) desc) end as rank,
      sum(p.value) over () as total, sum(p.row_count) over () as total_rows,
      sum(p.figures) over () as total_figures, sum(p.bounds) over () as total_bounds
    from per p join voorziening v on v.id = p.voorziening_id
    order by coalesce(p.value, -1) desc, v.position`.execute(db);
  return rows.map((row) => ({
    voorziening_id: Number(row.voorziening_id),
    value: numberOrNull(row.value),
    row_count: Number(row.row_count),
    figures: Number(row.figures),
    bounds: Number(row.bounds),
    rank: numberOrNull(row.rank),
    total: numberOrNull(row.total),
    total_rows: Number(row.total_rows),
    total_figures: Number(row.total_figures),
    total_bounds: Number(row.total_bounds),
  }));
}

/** What a ranking orders by: the `to` year's value, or the relative change from `from` to `to`. */
export type RankBasis = 'VALUE' | 'CHANGE';

/** One voorziening of a ranking: its sums for both years, the change, and its rank (null: not ranked). */
export interface RankingRow {
  voorziening_id: number;
  row_count: number;
  from_value: number | null;
  from_figures: number;
  /** The first counted row (by key) without a figure, and the first that is a lower bound, that year. */
  from_missing: string | null;
  from_bound: string | null;
  to_value: number | null;
  to_figures: number;
  to_missing: string | null;
  to_bound: string | null;
  /** `to - from`, and relative to `from` in percent, when both sums are complete and exact. */
  absolute: number | null;
  relative: number | null;
  rank: number | null;
}

/**
 * Ranks the voorzieningen in scope by a measure, in one statement: per voorziening the sums of its counted rows
 * for `from` and `to` (group by), the change by the arithmetic of `computeChange` (`to - from`, and
 * `(to - from) * 100 / from`, null when `from` is 0), and `rank()` over the basis, highest first. A voorziening
 * is ranked only when every counted row has a figure for the years involved and, on CHANGE, none is a lower
 * bound; ties share a rank and are listed in the monitor's order. Ranked rows come first, at most `first`,
 * then every unranked one.
 */
export async function measureRanking(
  db: Kysely<Database>,
  scope: MeasureScope,
  by: RankBasis,
  from: number | null,
  to: number,
  first: number,
): Promise<RankingRow[]> {
  const fromYear = from ?? to;
  const complete = sql`p.from_figures = p.row_count and p.to_figures = p.row_count
    and p.from_bounds = 0 and p.to_bounds = 0`;
  const basis =
    by === 'CHANGE'
      ? from === null
        ? sql`null`
        : sql`s.relative`
      : sql`case when s.to_figures = s.row_count then s.to_value end`;
  const { rows } = await sql<Record<keyof RankingRow, number | string | null>>`
    with member as (${membersInScope(db, scope)}),
    per as (
      select m.voorziening_id, count(*) as row_count,
        sum(f.value) as from_value, count(f.value) as from_figures,
        sum(case when f.qualifier = 'AT_LEAST' then 1 else 0 end) as from_bounds,
        min(case when f.value is null then m.key end) as from_missing,
        min(case when f.qualifier = 'AT_LEAST' then m.key end) as from_bound,
        sum(t.value) as to_value, count(t.value) as to_figures,
        sum(case when t.qualifier = 'AT_LEAST' then 1 else 0 end) as to_bounds,
        min(case when t.value is null then m.key end) as to_missing,
        min(case when t.qualifier = 'AT_LEAST' then m.key end) as to_bound
      from member m
      left join observation f on f.indicator_id = m.indicator_id and f.subject is null and f.year = ${fromYear}
      left join observation t on t.indicator_id = m.indicator_id and t.subject is null and t.year = ${to}
      group by m.voorziening_id
    ),
    scored as (
      select p.*, v.position,
        case when ${complete} then p.to_value - p.from_value end as absolute,
        case when ${complete} and p.from_value <> 0
          then (p.to_value - p.from_value) * 100.0 / p.from_value end as relative
      from per p join voorziening v on v.id = p.voorziening_id
    ),
    based as (select s.*, ${basis} as basis from scored s),
    ranked as (
      select b.*,
        case when b.basis is null then null
          else rank() over (order by case when b.basis is null then 1 else 0 end, b.basis desc) end as rank,
        row_number() over (order by case when b.basis is null then 1 else 0 end, b.basis desc, b.position)
          as ordinal
      from based b
    )
    select voorziening_id, row_count, from_value, from_figures, from_missing, from_bound,
      to_value, to_figures, to_missing, to_bound, absolute, relative, rank
    from ranked
    where rank is null or ordinal <= ${first}
    order by ordinal`.execute(db);
  return rows.map((row) => ({
    voorziening_id: Number(row.voorziening_id),
    row_count: Number(row.row_count),
    from_value: from === null ? null : numberOrNull(row.from_value),
    from_figures: from === null ? 0 : Number(row.from_figures),
    from_missing: from === null ? null : (row.from_missing as string | null),
    from_bound: from === null ? null : (row.from_bound as string | null),
    to_value: numberOrNull(row.to_value),
    to_figures: Number(row.to_figures),
    to_missing: row.to_missing as string | null,
    to_bound: row.to_bound as string | null,
    absolute: from === null ? null : numberOrNull(row.absolute),
    relative: from === null ? null : numberOrNull(row.relative),
    rank: numberOrNull(row.rank),
  }));
}

function numberOrNull(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}
