/**
 * How {@link foldText} folds a text:
 * - `whitespace`: every run of white space becomes one space, and the ends are trimmed (how printed cells and
 *   headings are compared with the source);
 * - `source`: as `whitespace`, after the bullet signs of the PDF extraction (`•`, U+F0B7), which carry no
 *   words, became spaces (how a seed's text is looked up in a section of the source);
 * - `search`: accents stripped and lower-cased, white space kept (how search text is stored and matched, so
 *   that `geimplementeerd` finds `geïmplementeerd`).
 */
export type Folding = 'whitespace' | 'source' | 'search';

/** Bullet signs of the PDF extraction. */
const BULLETS = /[•\uf0b7]/g;

/** Folds `text` for comparison: the one text-folding helper of the project (see {@link Folding}). */
export function foldText(text: string, folding: Folding): string {
  switch (folding) {
    case 'whitespace':
      return text.replace(/\s+/g, ' ').trim();
    case 'source':
      return foldText(text.replace(BULLETS, ' '), 'whitespace');
    case 'search':
      return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  }
}
