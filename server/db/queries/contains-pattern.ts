import { foldText } from '../../domain/fold-text';

/** A LIKE pattern that finds `text` anywhere in a folded column, with `%`, `_` and `\` escaped. */
export function containsPattern(text: string): string {
  return `%${foldText(text, 'search').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
