import type { ObservationTable, ReportedChangeTable } from '../../db/database';
import { changeAgrees, changeNotComputedBecause, computeChange } from '../../domain/compute-change';
import { formatFigure, formatPercentChange } from '../format-figure';
import type { DiscrepancyRecorder } from './discrepancy-recorder';

/**
 * Says why a printed change may be off, where the figures tell: a sign dropped or flipped, or a change
 * computed from another row's figure of the first year (a row slip). Returns '' when nothing explains it.
 */
function explain(
  recorder: DiscrepancyRecorder,
  change: ReportedChangeTable,
  from: ObservationTable,
  to: ObservationTable,
): string {
  if (change.value !== null && change.value !== 0) {
    const flipped = { ...change, value: -change.value };
    if (changeAgrees(flipped, from.value, to.value, change.kind)) {
      // A sign before the figure, also after a word (`ca. -3%`): it was printed the wrong way round.
      return /[+\-−]\s*\d/.test(change.raw)
        ? ' Its sign is the wrong way round.'
        : ' It lacks its minus sign.';
    }
  }
  const indicator = recorder.indicators.get(change.indicator_id)!;
  for (const other of recorder.indicators.values()) {
    if (
      other.voorziening_id !== indicator.voorziening_id ||
      other.id === indicator.id ||
      other.unit !== indicator.unit
    )
      continue;
    const slip = recorder.cell(other.id, null, change.from_year);
    if (slip?.value != null && changeAgrees(change, slip.value, to.value, change.kind)) {
      return ` It is the change from ${slip.raw}, the ${change.from_year} figure of “${other.name}”, to ${to.raw}: computed from the wrong row.`;
    }
  }
  return '';
}

/**
 * Records every printed change that the row's figures do not give, allowing for rounding (confidence
 * ASSERTED: the monitor prints both). A change involving a bound is not computed, so it is not checked.
 */
export function findChangeMismatches(recorder: DiscrepancyRecorder): void {
  for (const change of recorder.context.rows.reported_change) {
    const indicator = recorder.indicators.get(change.indicator_id)!;
    const from = recorder.cell(indicator.id, change.subject, change.from_year);
    const to = recorder.cell(indicator.id, change.subject, change.to_year);
    if (!from || !to || from.value === null || to.value === null) continue;
    // From a bound (`> 5.000`) no change is computed: the printed change neither agrees nor contradicts.
    if (changeNotComputedBecause(from, to) !== null) continue;
    if (changeAgrees(change, from.value, to.value, change.kind) !== false) continue;
    const computed = computeChange(from.value, to.value);
    const difference = change.kind === 'DIFFERENCE';
    const actual = difference ? computed.absolute : computed.relative;
    const shown =
      actual === null
        ? 'no percentage (the first figure is 0)'
        : difference
          ? `${formatFigure(actual)} points`
          : formatPercentChange(actual, Math.max(change.decimals, 1));
    const subject = change.subject ? ` for ${change.subject}` : '';
    const why = explain(recorder, change, from, to);
    recorder.record(
      {
        kind: 'CHANGE_MISMATCH',
        year: change.to_year,
        indicator_id: indicator.id,
        description:
          `${recorder.name(indicator)}${subject}: the printed change ${change.raw} does not follow from ` +
          `${from.raw} (${change.from_year}) to ${to.raw} (${change.to_year}), which is ${shown}.` +
          why,
        // The monitor prints the change and both figures.
        confidence: 'ASSERTED',
        explanation: why.trim() || null,
        printed_change: change.qualifier === 'UNCHANGED' ? 0 : change.value,
        printed_change_raw: change.raw,
        computed_change: actual,
      },
      [
        [from, 'FROM'],
        [to, 'TO'],
      ],
    );
  }
}
