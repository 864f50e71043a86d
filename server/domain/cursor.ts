import { parseRowId } from './global-id';

/** The connections of the API, by the Query field that answers each: a cursor belongs to exactly one. */
export const CONNECTIONS = ['voorzieningen', 'indicators', 'observations', 'relations'] as const;
export type ConnectionName = (typeof CONNECTIONS)[number];

/**
 * Where a cursor points: the connection and the filter it was returned for (the filter as a short hash, see
 * `filterKey` of the GraphQL layer) and the id of its row.
 */
export interface CursorPosition {
  connection: ConnectionName;
  /** The filter's key: 1–43 characters of base64url. */
  filter: string;
  id: number;
}

const CURSOR = /^cursor:([a-z]+):([A-Za-z0-9_-]{1,43}):(\d+)$/;

/** Encodes a connection cursor: `cursor:<connection>:<filter key>:<row id>`, base64url. */
export function toCursor({ connection, filter, id }: CursorPosition): string {
  return Buffer.from(`cursor:${connection}:${filter}:${id}`).toString('base64url');
}

/**
 * Decodes a cursor of {@link toCursor}: where it points, or null when it is not one of ours (an unknown
 * connection, an id no row can have: beyond the 32-bit ids, it would not bind on PostgreSQL; or a cursor of
 * the earlier form `cursor:<id>`, which named no connection).
 */
export function decodeCursor(cursor: string): CursorPosition | null {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || !(CONNECTIONS as readonly string[]).includes(match[1]!)) return null;
  const id = parseRowId(match[3]!);
  return id === null ? null : { connection: match[1] as ConnectionName, filter: match[2]!, id };
}
