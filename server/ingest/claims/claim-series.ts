import type { IndicatorTable, ObservationTable } from '../../db/database';
import type { IndicatorIndex } from '../build-indicators';

/** One term of a series: an indicator's own row (subject null) or one of its breakdown subjects. */
export interface SeriesTerm {
  indicator: IndicatorTable;
  subject: string | null;
}

/** What a claim compares: one figure per year, the sum of its terms. */
export interface Series {
  /** As the claim names it (`brp/terugmeldingen-digimelding + brp/terugmeldingen-rechtstreeks`). */
  label: string;
  terms: SeriesTerm[];
}

/** A series' figure in a year. */
export type SeriesValue =
  | { value: number; lowerBound: boolean; observations: ObservationTable[] }
  | { missing: string; observations: ObservationTable[] };

/** The cells of the built dataset, looked up by indicator, subject and year; the subjects of each indicator. */
export class Cells {
  private readonly cells = new Map<string, ObservationTable>();
  private readonly subjects = new Map<number, string[]>();

  constructor(observations: readonly ObservationTable[]) {
    const ordered = [...observations].sort((a, b) => a.subject_position - b.subject_position);
    for (const o of ordered) {
      this.cells.set(`${o.indicator_id}|${o.subject ?? ''}|${o.year}`, o);
      if (o.subject === null) continue;
      const list = this.subjects.get(o.indicator_id) ?? [];
      if (!list.includes(o.subject)) list.push(o.subject);
      this.subjects.set(o.indicator_id, list);
    }
  }

  /** The cell of an indicator for a subject (null: the row itself) and year. */
  cell(indicatorId: number, subject: string | null, year: number): ObservationTable | undefined {
    return this.cells.get(`${indicatorId}|${subject ?? ''}|${year}`);
  }

  /** The breakdown subjects of an indicator, in the table's order. */
  subjectsOf(indicatorId: number): string[] {
    return this.subjects.get(indicatorId) ?? [];
  }

  /** A series' figure in a year: the sum of its terms, a lower bound when one is printed as one (`> 5.000`). */
  value(series: Series, year: number): SeriesValue {
    let value = 0;
    let lowerBound = false;
    const observations: ObservationTable[] = [];
    for (const term of series.terms) {
      const cell = this.cell(term.indicator.id, term.subject, year);
      if (cell) observations.push(cell);
      const named = `${term.indicator.key}${term.subject ? `@${term.subject}` : ''}`;
      if (!cell) return { missing: `${named} has no figure for ${year}`, observations };
      if (cell.value === null) return { missing: `${named} prints “${cell.raw}” for ${year}`, observations };
      value += cell.value;
      lowerBound ||= cell.qualifier === 'AT_LEAST';
    }
    return { value, lowerBound, observations };
  }
}

/**
 * Reads the series a claim names (`<voorziening>/<key>`, `…@<subject>`, `…@*` for each subject on its own, terms
 * joined by ` + ` for a sum). Returns the series, or the problem with the text (an unknown indicator or subject).
 */
export function resolveSeries(text: string, index: IndicatorIndex, cells: Cells): Series[] | string {
  const terms: SeriesTerm[] = [];
  let eachSubject: IndicatorTable | null = null;
  for (const part of text.split(' + ')) {
    const [ref, subject] = part.split('@') as [string, string | undefined];
    const indicator = index.get(ref);
    if (!indicator) return `unknown indicator "${ref}"`;
    if (subject === '*') {
      if (text.includes(' + ')) return `"${part}" (each subject) cannot be part of a sum`;
      eachSubject = indicator;
      continue;
    }
    if (subject !== undefined && !cells.subjectsOf(indicator.id).includes(subject))
      return `"${ref}" has no subject "${subject}"; its subjects: ${cells.subjectsOf(indicator.id).join(', ') || 'none'}`;
    terms.push({ indicator, subject: subject ?? null });
  }
  if (eachSubject) {
    const subjects = cells.subjectsOf(eachSubject.id);
    if (subjects.length === 0) return `"${text}" has no subjects`;
    const ref = text.slice(0, -2);
    return subjects.map((subject) => ({
      label: `${ref}@${subject}`,
      terms: [{ indicator: eachSubject, subject }],
    }));
  }
  return [{ label: text, terms }];
}
