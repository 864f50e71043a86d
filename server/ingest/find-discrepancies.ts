import type { DiscrepancyTable, IndicatorTable, ObservationTable } from '../db/database';
import type { BuildContext } from './build-context';
import type { IndicatorIndex } from './build-indicators';
import type { NoteClaim } from './build-voorzieningen';
import { changeAgrees, computeChange } from './compute-change';
import { formatFigure, formatPercentChange } from './format-figure';
import { parseCell } from './parse-cell';
import type { TotalSeed } from './seed-schema';

/** The kinds of contradiction the ingest finds in the source. */
export type DiscrepancyKind = 'CHANGE_MISMATCH' | 'SAME_AS_MISMATCH' | 'NOTE_VALUE_MISMATCH' | 'SUM_MISMATCH';

/** A figure printed as approximate (`ruim 18.000`) agrees with the table within this relative margin. */
const APPROXIMATE_MARGIN = 0.05;
/** Sums with an approximate part (`5.3 miljard`) agree within this relative margin. */
const SUM_MARGIN = 0.01;

interface Inputs {
  claims: NoteClaim[];
  totals: TotalSeed[];
  index: IndicatorIndex;
  /** How errors name the totals file. */
  totalsFile: string;
}

/**
 * Finds where the source contradicts itself and adds a discrepancy row for each, with the observations it
 * involves: printed changes the figures do not give, `sameAs` rows that differ, notes that name a figure the
 * table does not show, and totals that are not the sum of their parts.
 */
export function findDiscrepancies(
  context: BuildContext,
  { claims, totals, index, totalsFile }: Inputs,
): void {
  const { rows } = context;
  const indicators = new Map(rows.indicator.map((row) => [row.id, row]));
  const voorzieningen = new Map(rows.voorziening.map((row) => [row.id, row]));
  const cells = new Map(rows.observation.map((o) => [`${o.indicator_id}|${o.subject ?? ''}|${o.year}`, o]));
  const cell = (indicatorId: number, subject: string | null, year: number) =>
    cells.get(`${indicatorId}|${subject ?? ''}|${year}`);
  const name = (indicator: IndicatorTable) => {
    const owner = voorzieningen.get(indicator.voorziening_id)!;
    return `${owner.abbreviation ?? owner.name} “${indicator.name}”`;
  };
  const add = (
    row: Omit<DiscrepancyTable, 'id' | 'position'>,
    observations: [ObservationTable, string][],
  ) => {
    const id = context.nextId('discrepancy');
    rows.discrepancy.push({ ...row, id, position: id });
    observations.forEach(([observation, role], position) =>
      rows.discrepancy_observation.push({
        discrepancy_id: id,
        observation_id: observation.id,
        role,
        position,
      }),
    );
  };
  const base = {
    printed_change: null,
    printed_change_raw: null,
    computed_change: null,
    note_id: null,
    same_as_id: null,
  };

  for (const change of rows.reported_change) {
    const indicator = indicators.get(change.indicator_id)!;
    const from = cell(indicator.id, change.subject, change.from_year);
    const to = cell(indicator.id, change.subject, change.to_year);
    const agrees = changeAgrees(change, from?.value ?? null, to?.value ?? null, change.kind);
    if (agrees !== false || !from || !to || from.value === null || to.value === null) continue;
    const computed = computeChange(from.value, to.value);
    const difference = change.kind === 'DIFFERENCE';
    const actual = difference ? computed.absolute : computed.relative;
    const shown =
      actual === null
        ? 'not a percentage'
        : difference
          ? `${formatFigure(actual)} points`
          : formatPercentChange(actual, Math.max(change.decimals, 1));
    const subject = change.subject ? ` for ${change.subject}` : '';
    add(
      {
        ...base,
        kind: 'CHANGE_MISMATCH',
        year: change.to_year,
        indicator_id: indicator.id,
        description: `${name(indicator)}${subject}: the printed change ${change.raw} does not follow from ${from.raw} (${change.from_year}) to ${to.raw} (${change.to_year}), which is ${shown}.`,
        printed_change: change.qualifier === 'NOT_AVAILABLE' ? 0 : change.value,
        printed_change_raw: change.raw,
        computed_change: actual,
      },
      [
        [from, 'FROM'],
        [to, 'TO'],
      ],
    );
  }

  for (const link of rows.same_as) {
    const [a, b] = [indicators.get(link.indicator_id)!, indicators.get(link.other_indicator_id)!];
    for (const year of context.years) {
      const [x, y] = [cell(a.id, link.subject, year), cell(b.id, link.other_subject, year)];
      if (!x || !y || x.value === null || y.value === null || x.value === y.value) continue;
      add(
        {
          ...base,
          kind: 'SAME_AS_MISMATCH',
          year,
          indicator_id: a.id,
          same_as_id: link.id,
          description: `${name(a)}${link.subject ? ` (${link.subject})` : ''} prints ${x.raw} for ${year}, but ${name(b)}${link.other_subject ? ` (${link.other_subject})` : ''}, which counts the same, prints ${y.raw}.`,
        },
        [
          [x, 'SAME_AS'],
          [y, 'SAME_AS'],
        ],
      );
    }
  }

  for (const claim of claims) {
    const indicator = indicators.get(claim.indicatorId)!;
    const shown = cell(indicator.id, claim.subject, claim.year);
    const named = parseCell(claim.raw);
    if (shown?.value != null && named.value !== null) {
      const margin =
        named.qualifier === 'APPROXIMATE' || claim.rounded ? APPROXIMATE_MARGIN * Math.abs(named.value) : 0;
      if (Math.abs(shown.value - named.value) <= margin) continue;
    }
    const says =
      claim.kind === 'CORRECTION'
        ? `says the ${claim.year} figure was restated to ${claim.raw}`
        : `names ${claim.raw} for ${claim.year}`;
    add(
      {
        ...base,
        kind: 'NOTE_VALUE_MISMATCH',
        year: claim.year,
        indicator_id: indicator.id,
        note_id: claim.noteId,
        description: `The text ${says} for ${name(indicator)}, but the table prints ${shown ? shown.raw : 'no figure'}.`,
      },
      shown ? [[shown, 'TABLE']] : [],
    );
  }

  checkSums(context, { totals, index, totalsFile }, cell, name, add, base);
}

type Cell = (indicatorId: number, subject: string | null, year: number) => ObservationTable | undefined;
type Add = (
  row: Omit<DiscrepancyTable, 'id' | 'position'>,
  observations: [ObservationTable, string][],
) => void;

function checkSums(
  context: BuildContext,
  { totals, index, totalsFile }: Pick<Inputs, 'totals' | 'index' | 'totalsFile'>,
  cell: Cell,
  name: (indicator: IndicatorTable) => string,
  add: Add,
  base: Pick<
    DiscrepancyTable,
    'printed_change' | 'printed_change_raw' | 'computed_change' | 'note_id' | 'same_as_id'
  >,
): void {
  const sum = (
    total: ObservationTable,
    parts: ObservationTable[],
    partsName: string,
    indicator: IndicatorTable,
    zeros: string[],
  ) => {
    if (total.value === null || parts.length === 0) return;
    const added = parts.reduce((acc, part) => acc + (part.value ?? 0), 0);
    const approximate = [total, ...parts].some(
      (o) => o.qualifier === 'APPROXIMATE' || o.qualifier === 'AT_LEAST',
    );
    const margin = approximate ? SUM_MARGIN * Math.abs(total.value) : 1e-9;
    if (Math.abs(added - total.value) <= margin) return;
    const counted = zeros.length ? ` (counting ${zeros.join(', ')} as 0)` : '';
    add(
      {
        ...base,
        kind: 'SUM_MISMATCH',
        year: total.year,
        indicator_id: indicator.id,
        description: `${name(indicator)} prints ${total.raw} for ${total.year}, but ${partsName} add up to ${formatFigure(added)}${counted}.`,
      },
      [[total, 'TOTAL'], ...parts.map((part): [ObservationTable, string] => [part, 'PART'])],
    );
  };

  totals.forEach((entry, position) => {
    const refs = [entry.total, ...entry.parts];
    const rows = refs.map((ref, at) => {
      const row = index.get(ref);
      if (!row)
        context.fail(
          totalsFile,
          `${position}.${at === 0 ? 'total' : `parts.${at - 1}`}`,
          `unknown indicator "${ref}"`,
        );
      return row;
    });
    if (rows.some((row) => !row)) return;
    const [total, ...parts] = rows as IndicatorTable[];
    for (const year of context.years) {
      const totalCell = cell(total!.id, null, year);
      if (!totalCell) continue;
      const partCells = parts.map((part) => cell(part.id, null, year));
      if (partCells.every((c) => !c)) continue;
      const zeros = parts
        .filter((part, at) => partCells[at]?.value == null)
        .map((part) => `“${part.name}” (${partCells[parts.indexOf(part)]?.raw ?? 'blank'})`);
      sum(
        totalCell,
        partCells.filter((c): c is ObservationTable => c !== undefined),
        `its ${parts.length} parts`,
        total!,
        zeros,
      );
    }
  });

  const bySubject = new Map<number, ObservationTable[]>();
  for (const observation of context.rows.observation) {
    if (observation.subject === null || context.compoundIndicators.has(observation.indicator_id)) continue;
    bySubject.set(observation.indicator_id, [
      ...(bySubject.get(observation.indicator_id) ?? []),
      observation,
    ]);
  }
  for (const indicator of context.rows.indicator) {
    const subjects = bySubject.get(indicator.id);
    if (!subjects || indicator.unit !== 'COUNT') continue;
    for (const year of context.years) {
      const inYear = subjects.filter((o) => o.year === year);
      const total = inYear.find((o) => o.is_total === 1) ?? cell(indicator.id, null, year);
      const parts = inYear.filter((o) => o.is_total === 0);
      if (total && parts.length >= 2)
        sum(
          total,
          parts,
          `its ${parts.length} ${parts[0]!.note_id ? 'parts named in the note' : 'rows'}`,
          indicator,
          [],
        );
    }
  }
}
