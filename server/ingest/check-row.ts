import { findToken } from './source-text';

/** How many characters of other text may stand between two cells of one row (a skipped column, say). */
export const MAX_GAP = 60;

/**
 * Whether `label` stands in `text` (after `from`), followed by each of `items` in order, each within
 * {@link MAX_GAP} characters of the one before: how a printed table row reads once white space is folded.
 */
export function rowOccurs(text: string, label: string, items: string[], from = 0): boolean {
  for (let at = findToken(text, label, from); at !== -1; at = findToken(text, label, at + 1)) {
    let cursor = at + label.length;
    const matched = items.every((item) => {
      const found = findToken(text, item, cursor);
      if (found === -1 || found - cursor > MAX_GAP) return false;
      cursor = found + item.length;
      return true;
    });
    if (matched) return true;
  }
  return false;
}
