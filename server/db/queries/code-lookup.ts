import type { Kysely } from 'kysely';
import type { KnownCode } from '../../domain/known-code';
import { resolveCode, type CodeResolution } from '../../domain/resolve-code';
import type { Database } from '../database';

/** Every voorziening's code, abbreviation and name, in alphabetical order of the code: what lookups resolve to. */
export function knownVoorzieningCodes(db: Kysely<Database>): Promise<KnownCode[]> {
  return db.selectFrom('voorziening').select(['code', 'abbreviation', 'name']).orderBy('code').execute();
}

/** Every domain's code and name, in alphabetical order of the code. */
export function knownDomainCodes(db: Kysely<Database>): Promise<KnownCode[]> {
  return db.selectFrom('domain').select(['code', 'name']).orderBy('code').execute();
}

/**
 * Resolves a voorziening's code or abbreviation as every lookup of the API does ({@link resolveCode}: case- and
 * accent-insensitive): `{ code }`, or `{ unknown, suggestions }` with the nearest known codes. One statement.
 * For the HTTP layer's paths and filters (`/explore/BRP`, `?voorziening=brp`); the GraphQL resolvers resolve
 * through the request's loaders with the same {@link resolveCode}.
 */
export async function resolveVoorzieningCode(db: Kysely<Database>, input: string): Promise<CodeResolution> {
  return resolveCode(await knownVoorzieningCodes(db), input);
}

/** Resolves a domain's code as {@link resolveVoorzieningCode} does a voorziening's. One statement. */
export async function resolveDomainCode(db: Kysely<Database>, input: string): Promise<CodeResolution> {
  return resolveCode(await knownDomainCodes(db), input);
}
