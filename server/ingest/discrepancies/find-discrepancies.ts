import type { DiscrepancyConfidence } from '../../domain/vocabulary';
import type { BuildContext } from '../build-context';
import type { IndicatorIndex } from '../build-indicators';
import type { NoteClaim } from '../build-voorzieningen';
import type { CertaintySeed, TotalSeed } from '../seed-schema';
import { DiscrepancyRecorder, type KnownExplanation } from './discrepancy-recorder';
import { findChangeMismatches } from './find-change-mismatches';
import { findNoteMismatches } from './find-note-mismatches';
import { findSameAsMismatches } from './find-same-as-mismatches';
import { findSumMismatches } from './find-sum-mismatches';

/** What the finders need besides the built rows. */
export interface DiscrepancyInputs {
  claims: NoteClaim[];
  totals: TotalSeed[];
  index: IndicatorIndex;
  /** How errors name the totals file. */
  totalsFile: string;
  /** The confidence of `sameAs` links and the known explanations (`seeds/certainty.yaml`); none when omitted. */
  certainty?: CertaintySeed;
  /** How errors name the certainty file. */
  certaintyFile?: string;
}

/**
 * Reads `seeds/certainty.yaml` against the built rows: the confidence of each `sameAs` link (by its two
 * indicators) and the explanations by kind, row and years; its caveats go on the cells they concern.
 * Unknown indicators and links are errors.
 */
function readCertainty(
  context: BuildContext,
  inputs: DiscrepancyInputs,
): { explanations: KnownExplanation[]; sameAs: Map<number, DiscrepancyConfidence> } {
  const file = inputs.certaintyFile ?? 'seeds/certainty.yaml';
  const certainty = inputs.certainty ?? { sameAs: [], explanations: [], caveats: [] };
  const row = (ref: string, path: string) => {
    const found = inputs.index.get(ref);
    if (!found) context.fail(file, path, `unknown indicator "${ref}"`);
    return found;
  };
  const sameAs = new Map<number, DiscrepancyConfidence>();
  certainty.sameAs.forEach((entry, position) => {
    const [a, b] = entry.indicators.map((ref, at) => row(ref, `sameAs.${position}.indicators.${at}`));
    if (!a || !b) return;
    const link = context.rows.same_as.find((l) => l.indicator_id === a.id && l.other_indicator_id === b.id);
    if (!link) context.fail(file, `sameAs.${position}`, `no sameAs link in relations.yaml joins these rows`);
    else sameAs.set(link.id, entry.confidence);
  });
  const explanations = certainty.explanations.flatMap((entry, position): KnownExplanation[] => {
    const indicator = row(entry.indicator, `explanations.${position}.indicator`);
    return indicator
      ? [
          {
            kind: entry.kind,
            indicatorId: indicator.id,
            years: entry.years ?? null,
            text: entry.text,
            used: false,
          },
        ]
      : [];
  });
  certainty.caveats.forEach((entry, position) => {
    const indicator = row(entry.indicator, `caveats.${position}.indicator`);
    if (!indicator) return;
    const cells = context.rows.observation.filter(
      (o) =>
        o.indicator_id === indicator.id &&
        o.subject === null &&
        (entry.years === undefined || entry.years.includes(o.year)),
    );
    if (cells.length === 0) context.fail(file, `caveats.${position}`, 'no cell of the row in its years');
    cells.forEach((cell) => (cell.caveat = cell.caveat ? `${cell.caveat} ${entry.text}` : entry.text));
  });
  return { explanations, sameAs };
}

/**
 * Finds where the source contradicts itself and adds a discrepancy row for each, with the observations it
 * involves, how sure it is and its explanation where known: printed changes the figures do not give, `sameAs`
 * rows that differ, notes that name a figure the table does not show, and totals that are not the sum of their
 * parts. The source's figures stay as printed.
 */
export function findDiscrepancies(context: BuildContext, inputs: DiscrepancyInputs): void {
  const { explanations, sameAs } = readCertainty(context, inputs);
  const recorder = new DiscrepancyRecorder(context, explanations, sameAs);
  findChangeMismatches(recorder);
  findSameAsMismatches(recorder);
  findNoteMismatches(recorder, inputs.claims);
  findSumMismatches(recorder, inputs.totals, inputs.index, inputs.totalsFile);
  const certaintyFile = inputs.certaintyFile ?? 'seeds/certainty.yaml';
  inputs.certainty?.explanations.forEach((entry, position) => {
    if (explanations.find((e) => e.text === entry.text && !e.used))
      context.fail(certaintyFile, `explanations.${position}`, 'it explains no discrepancy');
  });
}
