import type { DiscrepancyRecorder } from './discrepancy-recorder';

/** Records every year in which two rows linked as `sameAs` print different figures. */
export function findSameAsMismatches(recorder: DiscrepancyRecorder): void {
  for (const link of recorder.context.rows.same_as) {
    const a = recorder.indicators.get(link.indicator_id)!;
    const b = recorder.indicators.get(link.other_indicator_id)!;
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
          description:
            `${label(recorder.name(a), link.subject)} prints ${x.raw} for ${year}, but ` +
            `${label(recorder.name(b), link.other_subject)}, which counts the same, prints ${y.raw}.`,
        },
        [
          [x, 'SAME_AS'],
          [y, 'SAME_AS'],
        ],
      );
    }
  }
}
