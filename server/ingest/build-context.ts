import type { DatasetRows, SectionTable } from '../db/database';
import type { LocatedSection } from './source-text';
import { SeedError } from './seed-error';

/** A section row with its located text. */
export interface SectionEntry {
  row: SectionTable;
  located: LocatedSection;
}

/** What the build steps share: the rows so far, id counters, the sections, and the problems found. */
export class BuildContext {
  readonly rows: DatasetRows = {
    edition: [],
    section: [],
    domain: [],
    voorziening: [],
    indicator: [],
    observation: [],
    reported_change: [],
    note: [],
    note_indicator: [],
    correction: [],
    relation: [],
    relation_indicator: [],
    same_as: [],
    measure: [],
    measure_indicator: [],
    discrepancy: [],
    discrepancy_observation: [],
    prose_figure: [],
    claim: [],
    claim_indicator: [],
    claim_observation: [],
    meta: [],
  };
  readonly problems: SeedError[] = [];
  readonly sections = new Map<string, SectionEntry>();
  /** Indicators whose cells hold several quantities each (split into subjects, not a breakdown). */
  readonly compoundIndicators = new Set<number>();
  private readonly counters = new Map<string, number>();

  constructor(
    /** The years the edition's tables cover. */
    readonly years: number[],
  ) {}

  /** The next id for a table (1, 2, …). */
  nextId(table: keyof DatasetRows): number {
    const id = (this.counters.get(table) ?? 0) + 1;
    this.counters.set(table, id);
    return id;
  }

  /** Records a problem; the build fails at the end with all of them. */
  fail(file: string, path: string, problem: string): void {
    this.problems.push(new SeedError(file, path, problem));
  }

  /** Looks up a section by code, recording a problem naming the known codes when it is unknown. */
  section(code: string, file: string, path: string): SectionEntry | undefined {
    const entry = this.sections.get(code);
    if (!entry)
      this.fail(
        file,
        path,
        `unknown section "${code}"; known sections: ${[...this.sections.keys()].join(', ')}`,
      );
    return entry;
  }

  /** Records a problem when `year` is not one of the edition's years. */
  checkYear(year: number, file: string, path: string): boolean {
    if (this.years.includes(year)) return true;
    this.fail(file, path, `year ${year} is outside the edition's years (${this.years.join(', ')})`);
    return false;
  }
}
