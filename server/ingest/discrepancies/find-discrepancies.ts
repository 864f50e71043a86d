import type { BuildContext } from '../build-context';
import type { IndicatorIndex } from '../build-indicators';
import type { NoteClaim } from '../build-voorzieningen';
import type { TotalSeed } from '../seed-schema';
import { DiscrepancyRecorder } from './discrepancy-recorder';
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
}

/**
 * Finds where the source contradicts itself and adds a discrepancy row for each, with the observations it
 * involves: printed changes the figures do not give, `sameAs` rows that differ, notes that name a figure the
 * table does not show, and totals that are not the sum of their parts. The source's figures stay as printed.
 */
export function findDiscrepancies(context: BuildContext, inputs: DiscrepancyInputs): void {
  const recorder = new DiscrepancyRecorder(context);
  findChangeMismatches(recorder);
  findSameAsMismatches(recorder);
  findNoteMismatches(recorder, inputs.claims);
  findSumMismatches(recorder, inputs.totals, inputs.index, inputs.totalsFile);
}
