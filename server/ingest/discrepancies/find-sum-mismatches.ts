import type { IndicatorTable, ObservationTable } from '../../db/database';
import type { IndicatorIndex } from '../build-indicators';
import { formatFigure } from '../format-figure';
import type { TotalSeed } from '../seed-schema';
import type { DiscrepancyRecorder } from './discrepancy-recorder';

/** Sums with an approximate figure (`5.3 miljard`) agree within this relative margin. */
const SUM_MARGIN = 0.01;

function checkSum(
  recorder: DiscrepancyRecorder,
  indicator: IndicatorTable,
  total: ObservationTable,
  parts: ObservationTable[],
  partsName: string,
  zeros: string[],
): void {
  if (total.value === null || parts.length === 0) return;
  const added = parts.reduce((sum, part) => sum + (part.value ?? 0), 0);
  const approximate = [total, ...parts].some(
    (o) => o.qualifier === 'APPROXIMATE' || o.qualifier === 'AT_LEAST',
  );
  if (Math.abs(added - total.value) <= (approximate ? SUM_MARGIN * Math.abs(total.value) : 1e-9)) return;
  const counted = zeros.length ? ` (counting ${zeros.join(', ')} as 0)` : '';
  const inferred = parts.some((part) => part.year_inferred)
    ? ` (the source prints the parts without a year; they are read as ${total.year})`
    : '';
  recorder.record(
    {
      kind: 'SUM_MISMATCH',
      year: total.year,
      indicator_id: indicator.id,
      description: `${recorder.name(indicator)} prints ${total.raw} for ${total.year}, but ${partsName}${inferred} add up to ${formatFigure(added)}${counted}.`,
    },
    [[total, 'TOTAL'], ...parts.map((part): [ObservationTable, string] => [part, 'PART'])],
  );
}

/**
 * Records every total that is not the sum of its parts: the rows curated in `totals.yaml` (a part printed
 * as `-` or left blank counts as 0, and the sentence says so), and every breakdown table of counts (its
 * `Totaal` row, or the row's own figure, against its subjects).
 */
export function findSumMismatches(
  recorder: DiscrepancyRecorder,
  totals: TotalSeed[],
  index: IndicatorIndex,
  totalsFile: string,
): void {
  const { context } = recorder;
  totals.forEach((entry, position) => {
    const rows = [entry.total, ...entry.parts].map((ref, at) => {
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
      const totalCell = recorder.cell(total!.id, null, year);
      const partCells = parts.map((part) => recorder.cell(part.id, null, year));
      if (!totalCell || partCells.every((c) => !c)) continue;
      const zeros = parts.flatMap((part, at) =>
        partCells[at]?.value == null ? [`“${part.name}” (${partCells[at]?.raw ?? 'blank'})`] : [],
      );
      const present = partCells.filter((c): c is ObservationTable => c !== undefined);
      checkSum(recorder, total!, totalCell, present, `its ${parts.length} parts`, zeros);
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
      const total = inYear.find((o) => o.is_total === 1) ?? recorder.cell(indicator.id, null, year);
      const parts = inYear.filter((o) => o.is_total === 0);
      if (!total || parts.length < 2) continue;
      checkSum(
        recorder,
        indicator,
        total,
        parts,
        `its ${parts.length} ${parts[0]!.note_id ? 'parts named in the note' : 'rows'}`,
        [],
      );
    }
  }
}
