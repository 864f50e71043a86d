import { searchFold } from '../../../ingest/build-context';

/** A LIKE pattern that finds `text` anywhere in a folded column, with `%`, `_` and `\` escaped. */
export function containsPattern(text: string): string {
  return `%${searchFold(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
