import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { toGraphml, toNodeLinkJson, toRelationsCsv } from './graph-formats';
import { observationsCsv } from './observations-export';
import { readStelsel } from './stelsel-export';

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

/** Builds the export at `path` (one of {@link EXPORT_PATHS}); undefined for any other path. */
export async function buildExport(
  db: Kysely<Database>,
  path: string,
  params: URLSearchParams,
): Promise<ExportFile | undefined> {
  switch (path) {
    case '/export/observations.csv':
      return {
        contentType: 'text/csv; charset=utf-8; header=present',
        body: await observationsCsv(db, params),
      };
    case '/export/relations.csv':
      return {
        contentType: 'text/csv; charset=utf-8; header=present',
        body: toRelationsCsv(await readStelsel(db)),
      };
    case '/export/stelsel.graphml':
      return {
        contentType: 'application/graphml+xml; charset=utf-8',
        body: toGraphml(await readStelsel(db)),
      };
    case '/export/stelsel.json':
      return { contentType: 'application/json; charset=utf-8', body: toNodeLinkJson(await readStelsel(db)) };
    default:
      return undefined;
  }
}
