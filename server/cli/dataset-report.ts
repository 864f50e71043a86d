import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database';

/** What `db:report` prints: counts, and every discrepancy. */
export interface DatasetReport {
  voorzieningenByKind: { kind: string; count: number }[];
  indicators: number;
  observations: { numeric: number; textual: number };
  relationsByKind: { kind: string; count: number }[];
  sameAs: number;
  notes: number;
  corrections: number;
  discrepanciesByKind: { kind: string; count: number }[];
  discrepancies: { kind: string; year: number | null; voorziening: string; description: string }[];
}

/** Reads the report's counts and discrepancies from a built database. */
export async function readReport(db: Kysely<Database>): Promise<DatasetReport> {
  const count = sql<number>`count(*)`.as('count');
  const one = async (table: keyof Database) =>
    Number((await db.selectFrom(table).select(count).executeTakeFirstOrThrow()).count);
  const [voorzieningenByKind, relationsByKind, discrepanciesByKind] = await Promise.all(
    (['voorziening', 'relation', 'discrepancy'] as const).map((table) =>
      db.selectFrom(table).select(['kind', count]).groupBy('kind').orderBy('kind').execute(),
    ),
  );
  const numeric = await db
    .selectFrom('observation')
    .select(count)
    .where('value', 'is not', null)
    .executeTakeFirstOrThrow();
  const observations = await one('observation');
  const discrepancies = await db
    .selectFrom('discrepancy')
    .innerJoin('indicator', 'indicator.id', 'discrepancy.indicator_id')
    .innerJoin('voorziening', 'voorziening.id', 'indicator.voorziening_id')
    .select([
      'discrepancy.kind',
      'discrepancy.year',
      'voorziening.code as voorziening',
      'discrepancy.description',
    ])
    .orderBy('discrepancy.kind')
    .orderBy('discrepancy.position')
    .execute();
  return {
    voorzieningenByKind: voorzieningenByKind!.map((r) => ({ kind: r.kind, count: Number(r.count) })),
    indicators: await one('indicator'),
    observations: { numeric: Number(numeric.count), textual: observations - Number(numeric.count) },
    relationsByKind: relationsByKind!.map((r) => ({ kind: r.kind, count: Number(r.count) })),
    sameAs: await one('same_as'),
    notes: await one('note'),
    corrections: await one('correction'),
    discrepanciesByKind: discrepanciesByKind!.map((r) => ({ kind: r.kind, count: Number(r.count) })),
    discrepancies,
  };
}

const total = (rows: { count: number }[]) => rows.reduce((sum, row) => sum + row.count, 0);
const lines = (rows: { kind: string; count: number }[]) =>
  rows.map((r) => `  ${r.kind.padEnd(20)} ${r.count}`);

/** Formats a {@link DatasetReport} as plain text. */
export function formatReport(report: DatasetReport): string {
  return [
    `voorzieningen: ${total(report.voorzieningenByKind)}`,
    ...lines(report.voorzieningenByKind),
    `indicators: ${report.indicators}`,
    `observations: ${report.observations.numeric + report.observations.textual} (numeric ${report.observations.numeric}, without a figure ${report.observations.textual})`,
    `relations: ${total(report.relationsByKind)}`,
    ...lines(report.relationsByKind),
    `sameAs links: ${report.sameAs}`,
    `notes: ${report.notes}`,
    `corrections: ${report.corrections}`,
    `discrepancies: ${total(report.discrepanciesByKind)}`,
    ...lines(report.discrepanciesByKind),
    '',
    ...report.discrepancies.map(
      (d) => `[${d.kind}${d.year ? ` ${d.year}` : ''}] ${d.voorziening}: ${d.description}`,
    ),
    '',
  ].join('\n');
}
