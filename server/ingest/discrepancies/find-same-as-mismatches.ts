import type { DiscrepancyConfidence } from '../../domain/vocabulary';
import type { DiscrepancyRecorder } from './discrepancy-recorder';

/** How a sentence says that the second row counts the same as the first, as sure as the link is. */
const COUNTS_THE_SAME: Record<DiscrepancyConfidence, string> = {
  ASSERTED: 'which the monitor says counts the same',
  BY_LABEL: 'whose label names the same quantity (the monitor does not say the two rows count the same)',
  PRESUMED: 'presumably the same measure (our reading; the monitor does not say so)',
};

/**
 * Records every year in which two rows linked as `sameAs` print different figures, with the link's confidence
 * (`seeds/certainty.yaml`; PRESUMED for a link not listed there), which the sentence states.
 */
export function findSameAsMismatches(recorder: DiscrepancyRecorder): void {
  for (const link of recorder.context.rows.same_as) {
    const a = recorder.indicators.get(link.indicator_id)!;
    const b = recorder.indicators.get(link.other_indicator_id)!;
    const confidence = recorder.sameAsConfidence.get(link.id) ?? 'PRESUMED';
    const label = (name: string, subject: string | null) => (subject ? `${name} (${subject})` : name);
    for (const year of recorder.context.years) {
      const x = recorder.cell(a.id, link.subject, year);
      const y = recorder.cell(b.id, link.other_subject, year);
      if (!x || !y || x.value === null || y.value === null || x.value === y.value) continue;
      recorder.record(
        {
          kind: 'SAME_AS_MISMATCH',
          year,
          indicator_id: a.id,
          same_as_id: link.id,
          confidence,
          description:
            `${label(recorder.name(a), link.subject)} prints ${x.raw} for ${year}, but ` +
            `${label(recorder.name(b), link.other_subject)}, ${COUNTS_THE_SAME[confidence]}, prints ${y.raw}.`,
        },
        [
          [x, 'SAME_AS'],
          [y, 'SAME_AS'],
        ],
      );
    }
  }
}
