import type { DatasetRows, DiscrepancyTable } from '../../db/database';
import { foldText } from '../../domain/fold-text';

/**
 * Makes one discrepancy of a contradiction curated twice: a summary claim that the tables contradict (its
 * SUMMARY_MISMATCH) and a note that names the same figure (its NOTE_VALUE_MISMATCH), when the note is the
 * same sentence of the same section (its text holds the claim's quote) about the same row and year. The
 * Hoofdlijnen sentence "steeg het aantal terugmeldingen naar 6400 respectievelijk ruim 18.000" is both the HR's
 * note and claim c-10, and was counted as two contradictions. The SUMMARY_MISMATCH stays (every claim that
 * DISAGREES has one: its lines, its quote, what its wording admits) and takes the note (`note_id`) and the
 * note mismatch's explanation after its own; the NOTE_VALUE_MISMATCH and its figures go. The ids of the
 * others stay as they were (a gap where one went), so what a reader cited still names the same discrepancy.
 * Returns how many were merged.
 */
export function mergeSameContradictions(rows: DatasetRows): number {
  const notes = new Map(rows.note.map((note) => [note.id, note]));
  const claims = new Map(rows.claim.map((claim) => [claim.id, claim]));
  const gone = new Set<number>();
  for (const summary of rows.discrepancy) {
    if (summary.kind !== 'SUMMARY_MISMATCH' || summary.claim_id === null) continue;
    const claim = claims.get(summary.claim_id)!;
    const quote = foldText(claim.quote, 'source');
    const twin = rows.discrepancy.find((d): d is DiscrepancyTable & { note_id: number } => {
      if (d.kind !== 'NOTE_VALUE_MISMATCH' || d.note_id === null || gone.has(d.id)) return false;
      if (d.indicator_id !== summary.indicator_id || d.year !== summary.year) return false;
      const note = notes.get(d.note_id)!;
      return note.section_id === claim.section_id && foldText(note.text, 'source').includes(quote);
    });
    if (twin === undefined) continue;
    summary.note_id = twin.note_id;
    summary.explanation = [summary.explanation, twin.explanation].filter(Boolean).join(' ') || null;
    gone.add(twin.id);
  }
  if (gone.size === 0) return 0;
  rows.discrepancy = rows.discrepancy.filter((d) => !gone.has(d.id));
  rows.discrepancy_observation = rows.discrepancy_observation.filter(
    (link) => !gone.has(link.discrepancy_id),
  );
  return gone.size;
}
