import { createHash } from 'node:crypto';

/**
 * The SHA-256 of a text (UTF-8), base64url: the one hash of what was asked, behind both an answer's ETag
 * (`etagFor`) and the key an answer is kept under (`answerKeys`).
 */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
