import { foldText } from '../domain/fold-text';
import type { SectionEntry } from './build-context';

/** A range of source lines, 1-based and inclusive. */
export interface LineRange {
  from: number;
  to: number;
}

/** Reads `'11'` or `'11-13'` into a line range; null when the range runs backwards. */
export function parseLines(text: string): LineRange | null {
  const [from, to = from] = text.split('-').map(Number) as [number, number?];
  return from >= 1 && to >= from ? { from, to } : null;
}

/**
 * Where a seed's text is checked against the source by line: the source's lines, and whether a text occurs
 * within a range of them (white space folded, bullet signs removed, as seeds are compared everywhere).
 */
export class SourceLines {
  private readonly lines: string[];

  constructor(sourceText: string) {
    this.lines = sourceText.split(/\r?\n/);
  }

  /** The text of lines `from` to `to`, folded. */
  text({ from, to }: LineRange): string {
    return foldText(this.lines.slice(from - 1, to).join('\n'), 'source');
  }

  /**
   * What is wrong with `needle` at `range` in `section`, or null when it occurs there: the range must lie in
   * the section, and the text must occur within it.
   */
  problem(needle: string, range: LineRange, section: SectionEntry): string | null {
    const { start_line: start, end_line: end, code } = section.row;
    if (range.from < start || range.to > end)
      return `lines ${range.from}-${range.to} are outside section ${code} (lines ${start}-${end})`;
    if (!this.text(range).includes(foldText(needle, 'source')))
      return `"${needle}" does not occur at lines ${range.from}-${range.to}`;
    return null;
  }
}
