import { oncePerList } from '../server/lib/once-per-list';

describe('oncePerList', () => {
  it('makes its value once per list, and again for another list, even an equal one', () => {
    const make = jest.fn((list: readonly number[]) => list.reduce((sum, n) => sum + n, 0));
    const sum = oncePerList(make);
    const list = Object.freeze([1, 2, 3]);
    expect(sum(list)).toBe(6);
    expect(sum(list)).toBe(6);
    expect(make).toHaveBeenCalledTimes(1);
    expect(sum([1, 2, 3])).toBe(6);
    expect(make).toHaveBeenCalledTimes(2);
  });

  it('keeps a value that is undefined, 0 or empty: made once all the same', () => {
    const make = jest.fn((_list: readonly unknown[]) => undefined);
    const nothing = oncePerList(make);
    const list: readonly unknown[] = [];
    expect(nothing(list)).toBeUndefined();
    expect(nothing(list)).toBeUndefined();
    expect(make).toHaveBeenCalledTimes(1);
  });
});
