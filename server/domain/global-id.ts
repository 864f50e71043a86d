/** The types that implement `Node`, with the loader that fetches each. */
export const NODE_TYPES = [
  'Domain',
  'Voorziening',
  'Indicator',
  'Observation',
  'Note',
  'Relation',
  'Discrepancy',
  'Claim',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/**
 * The largest row id: the `integer` columns of both dialects are 32-bit (PostgreSQL's `int4`). A number
 * beyond it can name no row, and on PostgreSQL it would not even bind to the column: ids and cursors that
 * decode to one are refused before any SQL.
 */
export const MAX_ROW_ID = 2_147_483_647;

/**
 * Reads a row id from its decimal digits (at most 10, no sign): the number, or null when it is beyond
 * {@link MAX_ROW_ID}.
 */
export function parseRowId(digits: string): number | null {
  if (!/^\d{1,10}$/.test(digits)) return null;
  const id = Number(digits);
  return id <= MAX_ROW_ID ? id : null;
}

/**
 * How many global ids of one type are remembered once encoded: every node of an answer asks for its id, and
 * the same rows are answered again and again; past this many the type's memo starts over (a bound on its
 * memory: a few MB per type at most, a few KB for the monitor's rows).
 */
export const GLOBAL_ID_MEMO_MAX = 65_536;

const encodedIds = new Map<NodeType, Map<number, string>>(NODE_TYPES.map((type) => [type, new Map()]));

/** How many global ids of `type` are remembered now (at most {@link GLOBAL_ID_MEMO_MAX}). */
export function rememberedGlobalIds(type: NodeType): number {
  return encodedIds.get(type)!.size;
}

/** Encodes a global id: the type and row id, base64url (`Voorziening:12` → `Vm9vcnppZW5pbmc6MTI`). */
export function toGlobalId(type: NodeType, id: number): string {
  const memo = encodedIds.get(type)!;
  let encoded = memo.get(id);
  if (encoded === undefined) {
    encoded = Buffer.from(`${type}:${id}`).toString('base64url');
    if (memo.size >= GLOBAL_ID_MEMO_MAX) memo.clear();
    memo.set(id, encoded);
  }
  return encoded;
}

/** Decodes a global id; null when it is not one of ours (an unknown type, or an id no row can have). */
export function fromGlobalId(globalId: string): { type: NodeType; id: number } | null {
  const match = /^([A-Za-z]+):(\d+)$/.exec(Buffer.from(globalId, 'base64url').toString('utf8'));
  if (!match || !(NODE_TYPES as readonly string[]).includes(match[1]!)) return null;
  const id = parseRowId(match[2]!);
  return id === null ? null : { type: match[1] as NodeType, id };
}
