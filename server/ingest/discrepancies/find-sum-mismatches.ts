import type { IndicatorTable, ObservationTable } from '../../db/database';
import type { DiscrepancyConfidence } from '../../domain/vocabulary';
import type { IndicatorIndex } from '../build-indicators';
import { formatFigure } from '../format-figure';
import type { TotalSeed } from '../seed-schema';
import type { DiscrepancyRecorder } from './discrepancy-recorder';

/**
 * Whether a curated sum's parts are incomplete in a year: a part printed `-` (value null) or left blank (no
 * cell) is not reported, unless it is a part whose blank means 0 (`blankIsZero`). Such a sum is not checked,
 * so it gives no discrepancy (DigiD's accounts of 2017: Substantieel printed `-`).
 */
export function sumPartsIncomplete(
  partCells: (ObservationTable | undefined)[],
  partRefs: string[],
  blankIsZero: ReadonlySet<string>,
): boolean {
  return partCells.some((cell, at) =>
    cell === undefined ? !blankIsZero.has(partRefs[at]!) : cell.value === null,
  );
}

/**
 * Marks a total whose parts are not all reported: `partsIncomplete`, and a caveat that says how much the
 * reported parts account for and which are not reported. Its sum is not checked.
 */
function markPartsIncomplete(total: ObservationTable, reported: ObservationTable[], missing: string[]): void {
  total.parts_incomplete = 1;
  if (total.value === null) return;
  const added = reported.reduce((sum, part) => sum + part.value!, 0);
  const rest = total.value - added;
  total.caveat =
    `Parts incomplete: the reported parts add up to ${formatFigure(added)} of ${total.raw}` +
    (rest === 0 ? '' : `, ${formatFigure(rest)} not accounted for`) +
    `; not reported: ${missing.join(', ')}. The sum is not checked.`;
}

/** Sums with an approximate figure (`5.3 miljard`) agree within this relative margin. */
const SUM_MARGIN = 0.01;

/** How sure a sum is, and why it may not close where the seeds know. */
interface SumCertainty {
  confidence: DiscrepancyConfidence;
  explanation?: string;
}

function checkSum(
  recorder: DiscrepancyRecorder,
  indicator: IndicatorTable,
  total: ObservationTable,
  parts: ObservationTable[],
  partsName: string,
  zeros: string[],
  certainty: SumCertainty,
): void {
  if (total.value === null || parts.length === 0) return;
  // A part printed '-' (not reported) is not 0: a sum with a part not reported is not checked.
  if (parts.some((part) => part.value === null)) return;
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
      confidence: certainty.confidence,
      explanation: certainty.explanation ?? null,
      description: `${recorder.name(indicator)} prints ${total.raw} for ${total.year}, but ${partsName}${inferred} add up to ${formatFigure(added)}${counted}.`,
    },
    [[total, 'TOTAL'], ...parts.map((part): [ObservationTable, string] => [part, 'PART'])],
  );
}

/**
 * Records every total that is not the sum of its parts: the rows curated in `totals.yaml`, and every breakdown
 * table of counts (its `Totaal` row, or the row's own figure, against its subjects). A part printed `-` or left
 * blank is not reported, not 0: such a sum is not checked (see {@link sumPartsIncomplete}), except where
 * `totals.yaml` says a part's blank is 0 (`blankIsZero`: the text says the channel did not exist yet), and the
 * sentence then says so. Confidence: a curated total's own (`confidence`, BY_LABEL when omitted; its
 * `explanation` goes with it); a breakdown's `Totaal` row ASSERTED, a row's own figure against its subjects
 * BY_LABEL.
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
    const blankIsZero = new Set(entry.blankIsZero?.parts ?? []);
    const refs = entry.parts;
    for (const year of context.years) {
      const totalCell = recorder.cell(total!.id, null, year);
      const partCells = parts.map((part) => recorder.cell(part.id, null, year));
      if (!totalCell || partCells.every((c) => !c)) continue;
      if (sumPartsIncomplete(partCells, refs, blankIsZero)) {
        markPartsIncomplete(
          totalCell,
          partCells.filter((c): c is ObservationTable => c?.value != null),
          parts.flatMap((part, at) =>
            partCells[at]?.value == null ? [`“${part.name}” (${partCells[at]?.raw ?? 'blank'})`] : [],
          ),
        );
        continue;
      }
      const zeros = parts.flatMap((part, at) =>
        partCells[at] === undefined
          ? [`“${part.name}” (blank: not connected yet, lines ${entry.blankIsZero!.lines})`]
          : [],
      );
      const present = partCells.filter((c): c is ObservationTable => c !== undefined);
      checkSum(recorder, total!, totalCell, present, `its ${parts.length} parts`, zeros, {
        confidence: entry.confidence ?? 'BY_LABEL',
        explanation: entry.explanation,
      });
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
      if (parts.some((part) => part.value === null)) {
        markPartsIncomplete(
          total,
          parts.filter((part) => part.value !== null),
          parts.filter((part) => part.value === null).map((part) => `${part.subject} (${part.raw})`),
        );
        continue;
      }
      checkSum(
        recorder,
        indicator,
        total,
        parts,
        `its ${parts.length} ${parts[0]!.note_id ? 'parts named in the note' : 'rows'}`,
        [],
        { confidence: total.is_total === 1 ? 'ASSERTED' : 'BY_LABEL' },
      );
    }
  }
}
