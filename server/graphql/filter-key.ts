import { hashText } from '../lib/hash-text';

/**
 * The key of a connection's filter, carried in its cursors so that a cursor continues only the filter it was
 * returned for: a hash (16 characters of base64url) of the filter as applied, its entries sorted by name,
 * without the ones not given (null, undefined, an empty list). Pass the filter with its codes resolved
 * (`brp` for `BRP`), so that spellings of one filter share their cursors.
 */
export function filterKey(filter: Record<string, unknown>): string {
  const given = Object.entries(filter)
    .filter(
      ([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0),
    )
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return hashText(JSON.stringify(given)).slice(0, 16);
}
