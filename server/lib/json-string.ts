/** The longest string whose JSON text is kept (a longer one is written by `JSON.stringify` each time). */
export const JSON_STRING_MAX_KEPT_LENGTH = 128;

/** How many JSON texts of strings are kept; when full, all are let go and the keeping starts again. */
export const JSON_STRING_MAX_KEPT = 4096;

/** The JSON texts of strings written before, by the string (at most {@link JSON_STRING_MAX_KEPT}). */
const kept = new Map<string, string>();

/**
 * A string as a JSON string literal, exactly as `JSON.stringify(text)` writes it (quotes, escapes, lone
 * surrogates as `\uXXXX`). The texts of short strings (at most {@link JSON_STRING_MAX_KEPT_LENGTH} characters)
 * are kept, at most {@link JSON_STRING_MAX_KEPT} of them (all let go when full: at worst 4096 strings of 128
 * characters, each escaped to six times its length, about 4.5 MB), so a
 * string an answer holds again and again (the dataset's codes, keys and printed figures) is looked up, not
 * scanned and escaped again: on V8 11 (Node 20) `JSON.stringify` of one string costs a builder of its own, and
 * a scan in JavaScript went through V8's generic property loads for the many kinds of strings it meets.
 */
export function jsonString(text: string): string {
  if (text.length > JSON_STRING_MAX_KEPT_LENGTH) return JSON.stringify(text);
  let json = kept.get(text);
  if (json === undefined) {
    json = JSON.stringify(text);
    if (kept.size >= JSON_STRING_MAX_KEPT) kept.clear();
    kept.set(text, json);
  }
  return json;
}

/** How many JSON texts of strings are kept now (for tests of the bound). */
export function jsonStringsKept(): number {
  return kept.size;
}
