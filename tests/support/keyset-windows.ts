/** A page of a connection, as the window tests read it: its nodes' row ids and cursors, and its page info. */
export interface WindowPage {
  ids: number[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  endCursor: string | null;
}

/**
 * Checks that a connection cuts every window where a keyset page on the row id does, against `ids` (the rows
 * SQL selects, in id order): walking forward `step` at a time, the last rows, the rows before one in the
 * middle, between two cursors, exactly all of them, one fewer, and past the end. `page` asks the connection
 * for a window (`first`/`after`, `last`/`before`) of the filter under test.
 */
export async function expectKeysetWindows(
  ids: readonly number[],
  page: (window: { first?: number; after?: string; last?: number; before?: string }) => Promise<WindowPage>,
  step: number,
): Promise<void> {
  const cursors = new Map<number, string>();
  let after: string | undefined;
  let seen: number[] = [];
  let endCursor: string | null = null;
  for (;;) {
    const p = await page({ first: step, after });
    p.ids.forEach((id, at) => cursors.set(id, p.cursors[at]!));
    seen = [...seen, ...p.ids];
    expect(p.hasPreviousPage).toBe(after !== undefined);
    endCursor = p.endCursor;
    if (!p.hasNextPage) break;
    expect(p.ids).toHaveLength(step);
    after = p.endCursor!;
  }
  expect(seen).toEqual(ids);
  const last = await page({ last: 3 });
  expect(last.ids).toEqual(ids.slice(-3));
  expect({ previous: last.hasPreviousPage, next: last.hasNextPage }).toEqual({ previous: true, next: false });
  const middle = ids[Math.floor(ids.length / 2)]!;
  const before = await page({ last: 2, before: cursors.get(middle) });
  expect(before.ids).toEqual(ids.filter((id) => id < middle).slice(-2));
  expect(before.hasNextPage).toBe(true);
  const between = await page({ first: 4, after: cursors.get(ids[2]!), before: cursors.get(ids[5]!) });
  expect(between.ids).toEqual(ids.slice(3, 5));
  // exactly the rows there are, one fewer, and none past the last
  expect((await page({ first: ids.length })).hasNextPage).toBe(false);
  expect((await page({ first: ids.length - 1 })).hasNextPage).toBe(true);
  expect((await page({ first: 5, after: endCursor ?? undefined })).ids).toEqual([]);
}
