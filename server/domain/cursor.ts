import { parseRowId } from './global-id';

/** Encodes a connection cursor: the id of the last row seen (`cursor:12`, base64url). */
export function toCursor(id: number): string {
  return Buffer.from(`cursor:${id}`).toString('base64url');
}

/**
 * Decodes a cursor of {@link toCursor}: the row id, or null when it is not one of ours (including one whose id
 * no row can have: beyond the 32-bit ids, it would not bind on PostgreSQL).
 */
export function decodeCursor(cursor: string): number | null {
  const match = /^cursor:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? parseRowId(match[1]!) : null;
}
