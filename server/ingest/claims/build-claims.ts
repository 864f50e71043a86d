import type { ClaimTable } from '../../db/database';
import type { PrintedFigure } from '../../domain/claim-precision';
import { foldText } from '../../domain/fold-text';
import type { BuildContext } from '../build-context';
import type { IndicatorIndex } from '../build-indicators';
import type { ClaimSeed } from '../claim-seed-schema';
import { parseCell, parseDutchNumber } from '../parse-cell';
import { parseLines, type SourceLines } from '../source-lines';
import { checkClaim, type ClaimReading } from './check-claim';
import { Cells, resolveSeries, type Series } from './claim-series';

/** The measures that compare a figure a claim prints (the others compare directions or order). */
const FIGURELESS = new Set(['DIRECTION', 'RANKING']);
/** The measures that compare two years. */
const TWO_YEARS = new Set(['CHANGE', 'POINTS', 'FACTOR', 'DIRECTION']);
const MULTIPLIERS: Record<string, number> = { duizend: 1e3, miljoen: 1e6, miljard: 1e9 };

/**
 * Reads the figure a claim prints at its precision: the number and the unit of its last printed digit (a round
 * figure without qualifier, ROUNDED, is read to its last non-zero digit: `732.000` to the thousand), a BAND's
 * two ends, or the `value` the seed gives for words without digits (`acht`, `verdrievoudigd`).
 */
export function readPrinted(
  seed: Pick<ClaimSeed, 'printed' | 'value' | 'precision'>,
): PrintedFigure | string {
  const { printed, precision } = seed;
  const hasDigits = /\d/.test(printed);
  if (seed.value !== undefined) {
    if (hasDigits) return `"${printed}" holds its figure: leave out \`value\``;
    return { value: seed.value, unit: 1 };
  }
  if (!hasDigits) return `"${printed}" holds no figure: give its \`value\``;
  if (precision === 'BAND') {
    const ends = printed.match(/\d+(?:[.,]\d+)*/g) ?? [];
    const [low, high] = ends.map((end) => parseDutchNumber(end)?.value);
    if (ends.length !== 2 || low === undefined || high === undefined || low > high)
      return `"${printed}" is not a band of two figures, low to high`;
    return { value: low, upper: high, unit: 0 };
  }
  const cell = parseCell(printed.replace(/^tussen\s+/i, ''));
  if (cell.value === null) return `cannot read "${printed}" as a figure`;
  const multiplier = /\b(duizend|miljoen|miljard)\b/i.exec(printed)?.[1]?.toLowerCase();
  let unit = 10 ** -cell.decimals;
  if (multiplier) unit = MULTIPLIERS[multiplier]! * 10 ** -cell.decimals;
  else if (!cell.percent && precision === 'ROUNDED' && cell.decimals === 0)
    unit = 10 ** /0*$/.exec(String(Math.abs(cell.value)))![0].length;
  return { value: Math.abs(cell.value), unit };
}

/** A claim as built, for the discrepancy finder. */
export interface BuiltClaim {
  row: ClaimTable;
  /** The indicator it is first about (a discrepancy's row). */
  indicatorId: number | null;
}

/**
 * Builds the claims of `seeds/claims.yaml`: checks each (its section, that the quote occurs at its lines and the
 * printed figure in the quote, that its indicators exist, that its precision reads its figure) and computes its
 * verdict against the built cells. A claim about a figure stated only in prose, or without indicators, is not
 * checkable. Returns the built claims; problems go to the context, naming the claim.
 */
export function buildClaims(
  context: BuildContext,
  claims: ClaimSeed[],
  index: IndicatorIndex,
  source: SourceLines,
  file: string,
): BuiltClaim[] {
  const cells = new Cells(context.rows.observation);
  const prose = new Map(context.rows.prose_figure.map((figure) => [figure.observation_id, figure]));
  const seen = new Set<string>();
  const built: BuiltClaim[] = [];
  claims.forEach((seed, at) => {
    const path = `claims.${at}`;
    const fail = (field: string, problem: string) =>
      context.fail(file, `${path}${field ? `.${field}` : ''}`, `claim ${seed.id}: ${problem}`);
    if (seen.has(seed.id)) return fail('id', `duplicate claim id "${seed.id}"`);
    seen.add(seed.id);
    const section = context.section(seed.section, file, `${path}.section`);
    const lines = parseLines(seed.lines);
    if (!section) return;
    if (!lines) return fail('lines', `"${seed.lines}" runs backwards`);
    const problem = source.problem(seed.quote, lines, section);
    if (problem) fail('quote', problem);
    if (!foldText(seed.quote, 'source').includes(foldText(seed.printed, 'source')))
      fail('printed', `"${seed.printed}" does not occur in the quote`);
    const figure = FIGURELESS.has(seed.measure) ? null : readPrinted(seed);
    if (typeof figure === 'string') return fail('printed', figure);
    for (const year of seed.years) context.checkYear(year, file, `${path}.years`);
    const wanted = seed.measure === 'RANKING' ? [1, 2] : TWO_YEARS.has(seed.measure) ? [2] : null;
    if (seed.indicators.length > 0 && wanted && !wanted.includes(seed.years.length))
      return fail('years', `a ${seed.measure} claim compares ${wanted.join(' or ')} years`);
    if (
      seed.indicators.length > 0 &&
      (seed.measure === 'SUM' || seed.measure === 'SHARE') &&
      seed.years.length !== 1
    )
      return fail('years', `a ${seed.measure} claim is about 1 year`);
    if (seed.measure === 'SHARE' && seed.indicators.length !== 2)
      return fail('indicators', 'a SHARE claim names 2 series: the part and the whole');
    if (seed.indicators.length === 0 && !seed.reason)
      return fail('reason', 'a claim without indicators says why it cannot be checked');
    if (seed.indicators.length > 0 && seed.reason)
      return fail('reason', 'a claim with indicators is checked; its reason is computed');

    const resolve = (texts: string[], field: string): Series[] | null => {
      const all: Series[] = [];
      for (const [n, text] of texts.entries()) {
        const series = resolveSeries(text, index, cells);
        if (typeof series === 'string') {
          fail(`${field}.${n}`, series);
          return null;
        }
        all.push(...series);
      }
      return all;
    };
    const series = resolve(seed.indicators, 'indicators');
    const others = resolve(seed.others, 'others');
    if (!series || !others) return;

    const reading: ClaimReading = {
      measure: seed.measure,
      precision: seed.precision,
      printed: seed.printed,
      figure,
      direction: seed.direction ?? 'UP',
      years: seed.years,
      series,
      others,
      ordered: seed.ordered ?? false,
    };
    let check =
      series.length === 0
        ? {
            verdict: 'NOT_CHECKABLE' as const,
            computed: null,
            lowerBound: false,
            reason: seed.reason!,
            observations: [],
          }
        : checkClaim(reading, cells);
    const inProse = check.observations.map((o) => prose.get(o.id)).filter((p) => p !== undefined);
    if (inProse.length > 0) {
      const where = inProse.map((p) => `lines ${p.from_line}-${p.to_line}`).join(', ');
      check = {
        ...check,
        verdict: 'NOT_CHECKABLE',
        reason: `Stated only in prose (${where}), in no table: ${check.reason}`,
      };
    }
    const id = context.nextId('claim');
    const row: ClaimTable = {
      id,
      code: seed.id,
      section_id: section.row.id,
      from_line: lines.from,
      to_line: lines.to,
      quote: foldText(seed.quote, 'whitespace'),
      printed: seed.printed,
      printed_value: figure?.value ?? null,
      printed_upper: figure?.upper ?? null,
      precision: seed.precision,
      measure: seed.measure,
      direction: seed.direction ?? null,
      years: seed.years.join(','),
      computed_value: check.computed,
      computed_is_lower_bound: check.lowerBound ? 1 : 0,
      verdict: check.verdict,
      reason: check.reason,
      note: seed.note ?? null,
      position: at,
    };
    context.rows.claim.push(row);
    const indicatorIds = [
      ...new Set([...series, ...others].flatMap((s) => s.terms.map((term) => term.indicator.id))),
    ];
    indicatorIds.forEach((indicatorId, position) =>
      context.rows.claim_indicator.push({ claim_id: id, indicator_id: indicatorId, position }),
    );
    [...new Set(check.observations.map((o) => o.id))].forEach((observationId, position) =>
      context.rows.claim_observation.push({ claim_id: id, observation_id: observationId, position }),
    );
    built.push({ row, indicatorId: indicatorIds[0] ?? null });
  });
  return built;
}
