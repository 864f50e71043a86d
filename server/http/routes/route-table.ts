import { EXPORT_ROUTES } from './export-routes';
import { GRAPHQL_ROUTES } from './graphql-routes';
import { HEALTH_ROUTES } from './health-routes';
import { PICTURE_ROUTES } from './picture-routes';
import { PLAYGROUND_ROUTES } from './playground-routes';
import type { Route } from './route';

/**
 * Every route the HTTP server answers, one family per file. A path is matched exactly (no prefixes, no
 * trailing slash: `/graphql/`, `/graphqlx` and `/stelsel.svgx` are 404s), or by a route's explicit pattern
 * (`/explore/{code}`); every other path is a 404, and a method a route does not list a 405.
 */
export const ROUTES: readonly Route[] = [
  ...GRAPHQL_ROUTES,
  ...PLAYGROUND_ROUTES,
  ...HEALTH_ROUTES,
  ...EXPORT_ROUTES,
  ...PICTURE_ROUTES,
];

/**
 * The route table as lines to print, one per route: its methods, its path and what it serves.
 *
 * ```text
 * GET, POST   /graphql   the GraphQL API (GET and POST)
 * ```
 */
export function listRoutes(routes: readonly Route[] = ROUTES): string[] {
  const methods = routes.map((route) =>
    [...route.methods, ...(route.preflight ? ['OPTIONS'] : [])].join(', '),
  );
  const methodWidth = Math.max(...methods.map((m) => m.length));
  const pathWidth = Math.max(...routes.map((route) => route.path.length));
  return routes.map(
    (route, at) => `${methods[at]!.padEnd(methodWidth)}  ${route.path.padEnd(pathWidth)}  ${route.summary}`,
  );
}
