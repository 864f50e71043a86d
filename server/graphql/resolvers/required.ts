/** Unwraps a DataLoader result that the database's foreign keys guarantee; throws if the data is broken. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`dataset is inconsistent: ${what} not found`);
  return value;
}
