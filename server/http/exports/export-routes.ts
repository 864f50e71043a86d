import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { DerivedRequest } from '../pictures/page-cache';
import { toGraphml, toNodeLinkJson, toRelationsCsv } from './graph-formats';
import { observationFilters, observationsCsv, type ObservationFilters } from './observations-export';
import { readStelsel } from './stelsel-export';
import { codesWithIndicatorKey } from '../../db/queries/tidy-observations';
import type { RelationProvenance } from '../../domain/vocabulary';
import { provenanceParam, provenanceQuery } from '../provenance-param';

/** A file the server exports. */
export interface ExportFile {
  contentType: string;
  body: string;
}

/** The exports, by path: tidy CSV for R and pandas, GraphML for Gephi and networkx, node-link JSON for d3. */
export const EXPORT_PATHS = [
  '/export/observations.csv',
  '/export/relations.csv',
  '/export/stelsel.graphml',
  '/export/stelsel.json',
] as const;

/**
 * Resolves an export's URL to its canonical form and how to build it. `/export/observations.csv` checks its
 * filters first (an unknown or repeated parameter, or a bad value, is a 400 naming it; `codes` are the
 * voorziening codes a `voorziening` filter may name) and its canonical form holds them in a fixed order; the
 * relation exports take `provenance` (`?provenance=monitor,outside`; MONITOR alone by default, an unknown
 * value a 400 naming it) and ignore any other parameter. `url` names one of {@link EXPORT_PATHS} (the route
 * table answers only those; any other path under `/export/` is a 404 there).
 */
export async function resolveExport(
  db: Kysely<Database>,
  url: URL,
  codes: () => Promise<ReadonlySet<string>>,
): Promise<DerivedRequest> {
  const path = url.pathname;
  const observations = path === '/export/observations.csv';
  const filters = observations
    ? await observationFilters(url.searchParams, codes, (key) => codesWithIndicatorKey(db, key))
    : {};
  const provenances = observations ? undefined : provenanceParam(url.searchParams);
  const query = [
    new URLSearchParams(
      Object.entries(filters).map(([name, value]): [string, string] => [name, String(value)]),
    ).toString(),
    ...(provenances ? provenanceQuery(provenances) : []),
  ]
    .filter(Boolean)
    .join('&');
  return {
    key: query ? `${path}?${query}` : path,
    build: async () => {
      const file = (await buildExport(db, path, filters, provenances))!;
      return { contentType: file.contentType, body: Buffer.from(file.body) };
    },
  };
}

/** Builds the export at `path` (one of {@link EXPORT_PATHS}); undefined for any other path. */
export async function buildExport(
  db: Kysely<Database>,
  path: string,
  filters: ObservationFilters = {},
  provenances: readonly RelationProvenance[] = ['MONITOR'],
): Promise<ExportFile | undefined> {
  switch (path) {
    case '/export/observations.csv':
      return {
        contentType: 'text/csv; charset=utf-8; header=present',
        body: await observationsCsv(db, filters),
      };
    case '/export/relations.csv':
      return {
        contentType: 'text/csv; charset=utf-8; header=present',
        body: toRelationsCsv(await readStelsel(db, provenances)),
      };
    case '/export/stelsel.graphml':
      return {
        contentType: 'application/graphml+xml; charset=utf-8',
        body: toGraphml(await readStelsel(db, provenances)),
      };
    case '/export/stelsel.json':
      return {
        contentType: 'application/json; charset=utf-8',
        body: toNodeLinkJson(await readStelsel(db, provenances)),
      };
    default:
      return undefined;
  }
}
