/** The types that implement `Node`, with the loader that fetches each. */
export const NODE_TYPES = [
  'Domain',
  'Voorziening',
  'Indicator',
  'Observation',
  'Note',
  'Relation',
  'Discrepancy',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Encodes a global id: the type and row id, base64url (`Voorziening:12` → `Vm9vcnppZW5pbmc6MTI`). */
export function toGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

/** Decodes a global id; null when it is not one of ours. */
export function fromGlobalId(globalId: string): { type: NodeType; id: number } | null {
  const match = /^([A-Za-z]+):(\d+)$/.exec(Buffer.from(globalId, 'base64url').toString('utf8'));
  if (!match || !(NODE_TYPES as readonly string[]).includes(match[1]!)) return null;
  return { type: match[1] as NodeType, id: Number(match[2]) };
}
