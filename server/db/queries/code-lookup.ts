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
 * accent-insensitive): `{ code }`, or `{ unknown, suggestions }` with the nearest known codes. For the HTTP
 * layer's paths and filters (`/explore/BRP`, `?voorziening=brp`); the GraphQL resolvers resolve through the
 * request's loaders with the same {@link resolveCode}.
 *
 * `source` is the database (one statement: codes, abbreviations and names) or the codes already read (e.g. the
 * server's set, read once per dataset version: no statement; every abbreviation of the dataset folds to its
 * code, `BRP` → `brp`, `DigiD Machtigen` → `digid-machtigen`, so codes alone resolve them too).
 */
export async function resolveVoorzieningCode(
  source: Kysely<Database> | Iterable<string>,
  input: string,
): Promise<CodeResolution> {
  const known =
    Symbol.iterator in source
      ? [...source].sort().map((code) => ({ code }))
      : await knownVoorzieningCodes(source);
  return resolveCode(known, input);
}

/** Resolves a domain's code as {@link resolveVoorzieningCode} does a voorziening's. One statement. */
export async function resolveDomainCode(db: Kysely<Database>, input: string): Promise<CodeResolution> {
  return resolveCode(await knownDomainCodes(db), input);
}
