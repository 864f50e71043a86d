import { decideCounted, type DedupFacts } from '../server/ingest/measure-dedup';

/** Totals 10 = 1 + 2 and 20 = 3 + 4; twins 1 ~ 7, 2 ~ 5 and 3 ~ 6. */
const FACTS: DedupFacts = {
  totalParts: new Map([
    [10, [1, 2]],
    [20, [3, 4]],
  ]),
  twins: [
    [1, 7],
    [2, 5],
    [3, 6],
  ],
  refOf: (id) => `v/r${id}`,
};

const counted = (members: number[]) => {
  const decided = decideCounted(members, FACTS);
  if ('uncovered' in decided) return decided.uncovered;
  return members.map((id) => [
    id,
    decided.memberships.get(id)!.counted,
    decided.memberships.get(id)!.repeats,
  ]);
};

describe('which members of a measure count', () => {
  it('counts a total, not its parts, wherever the parts are listed', () => {
    expect(counted([1, 2, 10])).toEqual([
      [1, false, 10],
      [2, false, 10],
      [10, true, null],
    ]);
  });

  it('counts the parts when the total is not a member', () => {
    expect(counted([1, 2])).toEqual([
      [1, true, null],
      [2, true, null],
    ]);
  });

  it('counts the first of two sameAs twins', () => {
    expect(counted([5, 2])).toEqual([
      [5, true, null],
      [2, false, 5],
    ]);
    expect(counted([2, 5])).toEqual([
      [2, true, null],
      [5, false, 2],
    ]);
  });

  it('leaves out a twin of a counted total’s part, and a total whose parts count through twins', () => {
    expect(counted([10, 5])).toEqual([
      [10, true, null],
      [5, false, 10],
    ]);
    expect(counted([7, 5, 10])).toEqual([
      [7, true, null],
      [5, true, null],
      [10, false, 7],
    ]);
    // a total that only partly repeats: it is left out and its other parts count
    expect(counted([6, 4, 20])).toEqual([
      [6, true, null],
      [4, true, null],
      [20, false, 6],
    ]);
  });

  it('refuses a total that partly repeats a counted row when its other parts are not members', () => {
    expect(counted([6, 20])).toBe(
      'v/r20 partly repeats a counted row, and part of what it counts (v/r4) would count nowhere: list those rows in the measure too',
    );
  });

  it('gives each left-out row a reason that names the counted row it repeats', () => {
    const whole = decideCounted([7, 5, 10], FACTS);
    if ('uncovered' in whole) throw new Error(whole.uncovered);
    expect(whole.memberships.get(10)?.excludedBecause).toBe(
      'a total whose parts count already through v/r7, v/r5',
    );
    const decided = decideCounted([10, 1, 5, 6, 20, 4], FACTS);
    if ('uncovered' in decided) throw new Error(decided.uncovered);
    const reasons = Object.fromEntries([...decided.memberships].map(([id, m]) => [id, m.excludedBecause]));
    expect(reasons).toEqual({
      10: null,
      1: 'a part of the total v/r10, which counts instead',
      5: 'the same quantity (sameAs) as v/r2, a part of the total v/r10, which counts instead',
      6: null,
      20: 'a total that partly repeats v/r6; its other parts count instead',
      4: null,
    });
  });
});
