/** The entity an apostrophe becomes: `&#39;` in HTML pages, `&apos;` in XML (GraphML). */
const APOSTROPHE = { html: '&#39;', xml: '&apos;' } as const;

/**
 * Escapes text (anything, `null` and `undefined` as the empty string) for HTML or XML: `<`, `>`, `&`, `"` and
 * `'` become entities. The one escaper of the project; the two markups differ only in the apostrophe's entity.
 */
export function escapeMarkup(text: unknown, markup: keyof typeof APOSTROPHE): string {
  return String(text ?? '').replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": APOSTROPHE[markup] })[c]!,
  );
}
