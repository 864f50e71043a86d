/** Whether a member of a measure counts in its totals, and if not, why and which counted row it repeats. */
export interface Membership {
  counted: boolean;
  excludedBecause: string | null;
  repeats: number | null;
}

/** What the de-duplication knows of the indicators: totals with their parts, `sameAs` twins, names. */
export interface DedupFacts {
  /** Each total row (`totals.yaml`) with its parts, by indicator id. */
  totalParts: ReadonlyMap<number, readonly number[]>;
  /** `sameAs` pairs of rows (not of breakdown subjects). */
  twins: readonly (readonly [number, number])[];
  /** How a message names an indicator (`hr/terugmeldingen-totaal`). */
  refOf: (id: number) => string;
}

/**
 * Decides which members of one measure count, so that no quantity counts twice. Each row stands for a set of
 * "atoms" (the quantities it sums): a row its own (shared with its `sameAs` twins), a total the atoms of its
 * parts. Members are taken in order (a total before its own parts); a member counts when none of its atoms is
 * counted already, and is excluded otherwise, naming the first counted row it repeats. Returns `uncovered`
 * (a message naming the row) when some atom would then count nowhere: a total that partly repeats counted rows
 * while its other parts are not members.
 */
export function decideCounted(
  members: readonly number[],
  facts: DedupFacts,
): { memberships: Map<number, Membership> } | { uncovered: string } {
  const atomsOf = atomsFunction(facts);
  const isMember = new Set(members);
  const order: number[] = [];
  const take = (id: number) => {
    if (!order.includes(id)) order.push(id);
  };
  for (const id of members) {
    for (const [total, parts] of facts.totalParts) if (parts.includes(id) && isMember.has(total)) take(total);
    take(id);
  }
  const countedBy = new Map<number, number>(); // atom → the counted member that holds it
  const memberships = new Map<number, Membership>();
  const twinOf = (a: number, b: number) =>
    facts.twins.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  for (const id of order) {
    const atoms = atomsOf(id);
    const repeated = [...new Set(atoms.flatMap((atom) => countedBy.get(atom) ?? []))];
    if (repeated.length === 0) {
      for (const atom of atoms) countedBy.set(atom, id);
      memberships.set(id, { counted: true, excludedBecause: null, repeats: null });
      continue;
    }
    const repeats = repeated[0]!;
    memberships.set(id, {
      counted: false,
      excludedBecause: reason(id, repeats, repeated, atoms, countedBy, facts, twinOf),
      repeats,
    });
  }
  for (const id of order) {
    const lost = atomsOf(id).filter((atom) => !countedBy.has(atom));
    if (lost.length > 0)
      return {
        uncovered:
          `${facts.refOf(id)} partly repeats a counted row, and part of what it counts ` +
          `(${lost.map(facts.refOf).join(', ')}) would count nowhere: list those rows in the measure too`,
      };
  }
  return { memberships };
}

/** The reason a member is excluded, in one sentence naming the counted row it repeats. */
function reason(
  id: number,
  repeats: number,
  repeated: number[],
  atoms: number[],
  countedBy: Map<number, number>,
  facts: DedupFacts,
  twinOf: (a: number, b: number) => boolean,
): string {
  const ref = facts.refOf;
  if (facts.totalParts.get(repeats)?.includes(id))
    return `a part of the total ${ref(repeats)}, which counts instead`;
  if (twinOf(id, repeats)) return `the same quantity as ${ref(repeats)} (sameAs), which counts instead`;
  const twinPart = facts.totalParts.get(repeats)?.find((part) => twinOf(id, part));
  if (twinPart !== undefined)
    return `the same quantity (sameAs) as ${ref(twinPart)}, a part of the total ${ref(repeats)}, which counts instead`;
  const names = repeated.map(ref).join(', ');
  if (facts.totalParts.has(id)) {
    const whole = atoms.every((atom) => countedBy.has(atom));
    return whole
      ? `a total whose parts count already through ${names}`
      : `a total that partly repeats ${names}; its other parts count instead`;
  }
  return `repeats ${names}, which counts instead`;
}

/** The atoms of each indicator (memoised): a total's are its parts', a row's its own, shared with its twins. */
function atomsFunction(facts: DedupFacts): (id: number) => number[] {
  const parent = new Map<number, number>();
  const find = (id: number): number => {
    const up = parent.get(id);
    if (up === undefined || up === id) return id;
    const root = find(up);
    parent.set(id, root);
    return root;
  };
  for (const [a, b] of facts.twins) {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const memo = new Map<number, number[]>();
  const atomsOf = (id: number, seen: Set<number> = new Set()): number[] => {
    const kept = memo.get(id);
    if (kept) return kept;
    const root = find(id);
    const total = [...facts.totalParts.keys()].find((t) => find(t) === root);
    let atoms: number[];
    if (total === undefined || seen.has(total)) atoms = [root];
    else {
      seen.add(total);
      atoms = [...new Set(facts.totalParts.get(total)!.flatMap((part) => atomsOf(part, seen)))];
    }
    memo.set(id, atoms);
    return atoms;
  };
  return (id) => atomsOf(id);
}
