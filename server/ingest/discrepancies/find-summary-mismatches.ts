import type { BuiltClaim } from '../claims/build-claims';
import type { DiscrepancyRecorder } from './discrepancy-recorder';

/** A claim's reason as one sentence: its parts joined by semicolons. */
function oneSentence(reason: string): string {
  return `${reason.replace(/\.$/, '').replace(/\. (?=[“A-Z])/g, '; ')}.`;
}

/**
 * Records a SUMMARY_MISMATCH for every claim of the summarising text that the tables contradict: the claim's
 * words and lines, what the tables give, and the figures it was checked against. For a claimed change, the
 * printed and the computed change are kept too.
 */
export function findSummaryMismatches(recorder: DiscrepancyRecorder, claims: BuiltClaim[]): void {
  const { rows } = recorder.context;
  const sections = new Map(rows.section.map((section) => [section.id, section]));
  const byId = new Map(rows.observation.map((observation) => [observation.id, observation]));
  for (const { row, indicatorId } of claims) {
    if (row.verdict !== 'DISAGREES' || indicatorId === null) continue;
    const section = sections.get(row.section_id)!;
    const lines =
      row.from_line === row.to_line ? `line ${row.from_line}` : `lines ${row.from_line}-${row.to_line}`;
    const observations = rows.claim_observation
      .filter((link) => link.claim_id === row.id)
      .map((link) => byId.get(link.observation_id)!);
    const change = row.measure === 'CHANGE';
    recorder.record(
      {
        kind: 'SUMMARY_MISMATCH',
        // the monitor prints both: the summary's figure and the table cells it contradicts
        confidence: 'ASSERTED',
        year: Number(row.years.split(',').at(-1)) || null,
        indicator_id: indicatorId,
        description: `${section.title} (${lines}) says “${row.quote}”, which the tables contradict: ${oneSentence(row.reason)}`,
        printed_change:
          change && row.printed_value !== null
            ? (row.direction === 'DOWN' ? -1 : 1) * row.printed_value
            : null,
        printed_change_raw: change ? row.printed : null,
        computed_change: change ? row.computed_value : null,
        claim_id: row.id,
      },
      observations.map((observation) => [observation, 'TABLE']),
    );
  }
}
