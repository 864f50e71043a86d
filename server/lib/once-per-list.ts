/**
 * A function of a list, computed once per list and kept with it: for the reference rows of a dataset version,
 * frozen lists shared by every request of that version, so what is derived from them (an index, a sorted copy)
 * is not derived again per request. A list no longer used goes with what was made of it (a WeakMap).
 */
export function oncePerList<L extends readonly unknown[], V>(make: (list: L) => V): (list: L) => V {
  const made = new WeakMap<L, V>();
  return (list) => {
    if (made.has(list)) return made.get(list)!;
    const value = make(list);
    made.set(list, value);
    return value;
  };
}
