import { foldText } from '../domain/fold-text';

/** A search text as it is matched (folded), for a filter's key: spellings that find the same rows share it. */
export function searchKey(text: string | null | undefined): string | undefined {
  return text ? foldText(text, 'search') : undefined;
}
