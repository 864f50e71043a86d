import { foldText } from '../domain/fold-text';
import type { SectionSeed } from './seed-schema';

/** A section of the monitor's text located by its heading line. */
export interface LocatedSection {
  code: string;
  /** 1-based line of the heading, and the last line before the next section. */
  startLine: number;
  endLine: number;
  /** The section's text, white space folded and bullet signs removed: what seeds are compared with. */
  text: string;
}

/**
 * Finds `needle` in `haystack` from `from` on, only where it stands as whole words: preceded by the start
 * or a space and followed by the end, a space or punctuation. Returns the index or -1.
 */
export function findToken(haystack: string, needle: string, from = 0): number {
  let index = haystack.indexOf(needle, from);
  while (index !== -1) {
    const before = index === 0 ? ' ' : haystack[index - 1]!;
    const after = haystack[index + needle.length] ?? ' ';
    if (before === ' ' && /[\s.,;:)]/.test(after)) return index;
    index = haystack.indexOf(needle, index + 1);
  }
  return -1;
}

/**
 * Locates every section of `sectionsSeed` in the source, in order: each heading is the first line after the
 * previous heading whose trimmed text equals it. Returns null and the missing heading when one is not found.
 */
export function locateSections(
  source: string,
  sections: SectionSeed[],
): { sections: Map<string, LocatedSection> } | { missing: number } {
  const lines = source.split(/\r?\n/);
  const starts: number[] = [];
  let cursor = 0;
  for (const [index, section] of sections.entries()) {
    const heading = foldText(section.heading, 'whitespace');
    const found = lines.findIndex((line, at) => at >= cursor && foldText(line, 'whitespace') === heading);
    if (found === -1) return { missing: index };
    starts.push(found);
    cursor = found + 1;
  }
  const located = new Map<string, LocatedSection>();
  sections.forEach((section, index) => {
    const start = starts[index]!;
    const end = index + 1 < starts.length ? starts[index + 1]! : lines.length;
    located.set(section.code, {
      code: section.code,
      startLine: start + 1,
      endLine: end,
      text: foldText(lines.slice(start, end).join('\n'), 'source'),
    });
  });
  return { sections: located };
}
