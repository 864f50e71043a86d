import { serveDerived } from '../derived-answer';
import { EXPORT_PATHS, resolveExport } from '../exports/export-routes';
import type { Exchange, Route } from './route';

/** What each export is, for listing the routes. */
const SUMMARIES: Record<(typeof EXPORT_PATHS)[number], string> = {
  '/export/observations.csv':
    'every observation as tidy CSV (filters: voorziening, indicator key or id, year, subject, unit)',
  '/export/relations.csv': 'the relations as CSV, with their volume per year',
  '/export/stelsel.graphml': 'the stelsel as GraphML',
  '/export/stelsel.json': 'the stelsel as node-link JSON',
};

/** Serves an export: a derived file, shown inline under its own file name. */
const serveExport = (exchange: Exchange) =>
  serveDerived(exchange, async () => {
    const { url, response, server } = exchange;
    const derived = await resolveExport(server.db, url, server.codes);
    response.setHeader('content-disposition', `inline; filename="${url.pathname.slice('/export/'.length)}"`);
    return derived;
  });

/** The exports, one route each: tidy CSV for R and pandas, GraphML for Gephi and networkx, JSON for d3. */
export const EXPORT_ROUTES: readonly Route[] = EXPORT_PATHS.map((path) => ({
  methods: ['GET', 'HEAD'],
  path,
  family: 'exports',
  summary: SUMMARIES[path],
  errors: 'plain',
  handle: serveExport,
}));
