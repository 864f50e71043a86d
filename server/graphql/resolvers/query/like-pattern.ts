import { foldText } from '../../../domain/fold-text';

/** A LIKE pattern that finds `text` anywhere in a folded column, with `%`, `_` and `\` escaped. */
export function containsPattern(text: string): string {
  return `%${foldText(text, 'search').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A search text as it is matched (folded), for a filter's key: spellings that find the same rows share it. */
export function searchKey(text: string | null | undefined): string | undefined {
  return text ? foldText(text, 'search') : undefined;
}
