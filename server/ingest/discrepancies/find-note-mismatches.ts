import type { NoteClaim } from '../build-voorzieningen';
import { changeAgrees } from '../../domain/compute-change';
import { parseCell } from '../parse-cell';
import type { DiscrepancyRecorder } from './discrepancy-recorder';

/** A figure the text gives as approximate (`ruim 18.000`) agrees with the table within this margin. */
const APPROXIMATE_MARGIN = 0.05;

/**
 * For a restated figure that differs from the table: which of the two the row's printed change fits,
 * which tells the likelier typo. Returns '' when the change does not tell.
 */
function whichFitsTheChange(
  recorder: DiscrepancyRecorder,
  claim: NoteClaim,
  table: number,
  named: number,
): string {
  const change = recorder.context.rows.reported_change.find(
    (c) => c.indicator_id === claim.indicatorId && c.subject === null,
  );
  if (!change || (change.from_year !== claim.year && change.to_year !== claim.year)) return '';
  const other = recorder.cell(
    claim.indicatorId,
    null,
    change.from_year === claim.year ? change.to_year : change.from_year,
  );
  if (other?.value == null) return '';
  const fits = (value: number) =>
    change.from_year === claim.year
      ? changeAgrees(change, value, other.value, change.kind)
      : changeAgrees(change, other.value, value, change.kind);
  if (fits(table) && !fits(named))
    return ` The printed change ${change.raw} fits the table's figure, not the text's.`;
  if (fits(named) && !fits(table))
    return ` The printed change ${change.raw} fits the text's figure, not the table's.`;
  return '';
}

/** Records every figure a note names (or restates) for a table cell that the table does not show. */
export function findNoteMismatches(recorder: DiscrepancyRecorder, claims: NoteClaim[]): void {
  for (const claim of claims) {
    const indicator = recorder.indicators.get(claim.indicatorId)!;
    const shown = recorder.cell(indicator.id, claim.subject, claim.year);
    const named = parseCell(claim.raw);
    if (shown?.value != null && named.value !== null) {
      const approximate = named.qualifier === 'APPROXIMATE' || claim.rounded;
      if (
        Math.abs(shown.value - named.value) <= (approximate ? APPROXIMATE_MARGIN * Math.abs(named.value) : 0)
      )
        continue;
    }
    const says =
      claim.kind === 'CORRECTION'
        ? `says the ${claim.year} figure was restated to ${claim.raw}`
        : `names ${claim.raw} for ${claim.year}`;
    const hint =
      shown?.value != null && named.value !== null
        ? whichFitsTheChange(recorder, claim, shown.value, named.value)
        : '';
    recorder.record(
      {
        kind: 'NOTE_VALUE_MISMATCH',
        year: claim.year,
        indicator_id: indicator.id,
        note_id: claim.noteId,
        // The monitor prints both the text's figure and the table's.
        confidence: 'ASSERTED',
        description: `The text ${says} for ${recorder.name(indicator)}, but the table prints ${shown ? shown.raw : 'no figure'}.${hint}`,
      },
      shown ? [[shown, 'TABLE']] : [],
    );
  }
}
