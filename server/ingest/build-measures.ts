import type { IndicatorTable } from '../db/database';
import type { BuildContext } from './build-context';
import type { IndicatorIndex } from './build-indicators';
import { decideCounted, type Membership } from './measure-dedup';
import type { MeasureSeed, TotalSeed } from './seed-schema';

/**
 * Builds the `measure` and `measure_indicator` rows from `seeds/measures.yaml`: checks every member (a known
 * COUNT row with figures of its own, in one group only) and records, per group, which rows count in the totals
 * and which repeat a counted row (a total's part, a `sameAs` twin), with the reason (see `measure-dedup.ts`).
 * Runs after the relations, whose `sameAs` links it reads.
 */
export function buildMeasures(
  context: BuildContext,
  seeds: MeasureSeed[],
  totals: TotalSeed[],
  index: IndicatorIndex,
  file: string,
): void {
  const refOf = new Map<number, string>([...index].map(([ref, row]) => [row.id, ref]));
  const ownFigures = new Set(
    context.rows.observation.filter((o) => o.subject === null).map((o) => o.indicator_id),
  );
  const inMeasure = new Map<number, string>();
  const codes = new Set<string>();
  const twins = context.rows.same_as
    .filter((link) => link.subject === null && link.other_subject === null)
    .map((link) => [link.indicator_id, link.other_indicator_id] as const);
  const totalParts = new Map<number, number[]>();
  for (const total of totals) {
    const row = index.get(total.total);
    if (row)
      totalParts.set(
        row.id,
        total.parts.flatMap((part) => index.get(part)?.id ?? []),
      );
  }

  seeds.forEach((seed, position) => {
    const path = `${position}`;
    if (codes.has(seed.code)) context.fail(file, `${path}.code`, `duplicate measure "${seed.code}"`);
    codes.add(seed.code);
    const measureId = context.nextId('measure');
    context.rows.measure.push({
      id: measureId,
      code: seed.code,
      name: seed.name,
      name_en: seed.nameEn,
      description: seed.description,
      description_en: seed.descriptionEn,
      position,
    });
    const members: IndicatorTable[] = [];
    seed.indicators.forEach((ref, at) => {
      const where = `${path}.indicators.${at}`;
      const row = index.get(ref);
      if (!row) return context.fail(file, where, `unknown indicator "${ref}"`);
      const earlier = inMeasure.get(row.id);
      if (earlier !== undefined)
        return context.fail(file, where, `indicator "${ref}" is already in measure "${earlier}"`);
      inMeasure.set(row.id, seed.code);
      if (row.unit !== 'COUNT')
        return context.fail(
          file,
          where,
          `indicator "${ref}" is a ${row.unit} row; only COUNT rows can be summed`,
        );
      if (!ownFigures.has(row.id))
        return context.fail(file, where, `indicator "${ref}" is a breakdown without figures of its own`);
      members.push(row);
    });
    const decided = decideCounted(
      members.map((row) => row.id),
      { totalParts, twins, refOf: (id) => refOf.get(id) ?? String(id) },
    );
    if ('uncovered' in decided) return context.fail(file, `${path}.indicators`, decided.uncovered);
    members.forEach((row, at) => {
      const decision: Membership = decided.memberships.get(row.id)!;
      context.rows.measure_indicator.push({
        id: context.nextId('measure_indicator'),
        measure_id: measureId,
        indicator_id: row.id,
        counted: decision.counted ? 1 : 0,
        excluded_because: decision.excludedBecause,
        repeats_indicator_id: decision.repeats,
        position: at,
      });
    });
  });
}
