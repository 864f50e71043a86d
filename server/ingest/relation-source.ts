import { foldText } from '../domain/fold-text';
import type { SectionEntry } from './build-context';

/** A monitor citation of a relation: its section, its lines (`1665` or `1627-1629`) and the quote. */
export interface MonitorCitation {
  section: string;
  lines: string;
  quote: string;
}

/**
 * Checks a relation's monitor citation against the source text: the lines lie inside the section, and the
 * quote occurs in those lines once white space (and the PDF's bullet signs) is folded on both sides: a quote
 * spanning a line break is written with one space there, a word split by a hyphen as printed (`deep- links`).
 * Returns the problem, or null when it holds.
 */
export function citationProblem(
  citation: MonitorCitation,
  section: SectionEntry,
  sourceLines: readonly string[],
): string | null {
  const [first, last = first] = citation.lines.split('-').map(Number) as [number, number?];
  const { startLine, endLine } = section.located;
  if (last < first) return `lines ${citation.lines} run backwards`;
  if (first < startLine || last > endLine)
    return `lines ${citation.lines} lie outside section "${citation.section}" (lines ${startLine}-${endLine})`;
  const text = foldText(sourceLines.slice(first - 1, last).join('\n'), 'source');
  const quote = foldText(citation.quote, 'source');
  if (text.includes(quote)) return null;
  return `quote "${citation.quote}" does not occur in lines ${citation.lines} of section "${citation.section}"`;
}
