import type { DiscrepancyTable, IndicatorTable, ObservationTable } from '../../db/database';
import type { DiscrepancyConfidence, DiscrepancyKind } from '../../domain/vocabulary';
import type { BuildContext } from '../build-context';

/**
 * What a finder says about one discrepancy, with how sure it is; unset fields are null (the explanation: the
 * one `seeds/certainty.yaml` gives, if any).
 */
export type DiscrepancyFinding = Pick<
  DiscrepancyTable,
  'kind' | 'year' | 'indicator_id' | 'description' | 'confidence'
> &
  Partial<Omit<DiscrepancyTable, 'id' | 'position' | 'kind'>>;

/** An explanation the seeds know for the discrepancies of a kind about one row (in some years, or all). */
export interface KnownExplanation {
  kind: DiscrepancyKind;
  indicatorId: number;
  years: number[] | null;
  text: string;
  /** Set once a discrepancy takes it: an explanation that explains nothing is an error of the seeds. */
  used: boolean;
}

/**
 * What the discrepancy finders share: cell lookups over the built rows, how an indicator is named in a
 * sentence, and `record`, which adds a discrepancy row with the observations it involves (each with a role).
 */
export class DiscrepancyRecorder {
  private readonly cells: Map<string, ObservationTable>;
  readonly indicators: Map<number, IndicatorTable>;
  private readonly voorzieningen: Map<number, { name: string; abbreviation: string | null }>;

  constructor(
    readonly context: BuildContext,
    private readonly explanations: KnownExplanation[] = [],
    /** The confidence of each `sameAs` link by its id; PRESUMED for a link not listed. */
    readonly sameAsConfidence: ReadonlyMap<number, DiscrepancyConfidence> = new Map(),
  ) {
    const { rows } = context;
    this.cells = new Map(rows.observation.map((o) => [`${o.indicator_id}|${o.subject ?? ''}|${o.year}`, o]));
    this.indicators = new Map(rows.indicator.map((row) => [row.id, row]));
    this.voorzieningen = new Map(rows.voorziening.map((row) => [row.id, row]));
  }

  /** The observation of an indicator for a subject (null: the row itself) and year. */
  cell(indicatorId: number, subject: string | null, year: number): ObservationTable | undefined {
    return this.cells.get(`${indicatorId}|${subject ?? ''}|${year}`);
  }

  /** An indicator as a sentence names it: `HR “Totaal aantal terugmeldingen”`. */
  name(indicator: IndicatorTable): string {
    const owner = this.voorzieningen.get(indicator.voorziening_id)!;
    return `${owner.abbreviation ?? owner.name} “${indicator.name}”`;
  }

  /**
   * Adds a discrepancy and links the observations it involves. Its explanation is the finder's and the one
   * the seeds know for its kind, row and year, joined.
   */
  record(finding: DiscrepancyFinding, observations: [ObservationTable, string][]): void {
    const id = this.context.nextId('discrepancy');
    const known = this.explanations.filter(
      (e) =>
        e.kind === finding.kind &&
        e.indicatorId === finding.indicator_id &&
        (e.years === null || (finding.year != null && e.years.includes(finding.year))),
    );
    known.forEach((e) => (e.used = true));
    const explanation = [finding.explanation, ...known.map((e) => e.text)].filter(Boolean).join(' ');
    this.context.rows.discrepancy.push({
      printed_change: null,
      printed_change_raw: null,
      computed_change: null,
      note_id: null,
      same_as_id: null,
      claim_id: null,
      ...finding,
      explanation: explanation || null,
      id,
      position: id,
    });
    observations.forEach(([observation, role], position) =>
      this.context.rows.discrepancy_observation.push({
        discrepancy_id: id,
        observation_id: observation.id,
        role,
        position,
      }),
    );
  }
}
