/**
 * Unwraps a DataLoader result that the database's foreign keys guarantee; throws if the data is broken. A
 * failed load (`loadMany` gives its Error, e.g. a lost database connection) is thrown as it is: it says
 * nothing about the data.
 */
export function required<T>(value: T | undefined | Error, what: string): T {
  if (value instanceof Error) throw value;
  if (value === undefined) throw new Error(`dataset is inconsistent: ${what} not found`);
  return value;
}
