import type { Route } from './route';
import { ROUTES } from './route-table';

/**
 * The routes as `npm start` prints them after its ready line: one line per route, its URL at `baseUrl` and what
 * it serves, URLs padded to one width. Routes with the same summary in one folder (the playground's files)
 * share a line: the folder with `*`, their names after the summary.
 *
 * ```text
 *   http://127.0.0.1:4000/graphql       the GraphQL API (GET and POST)
 *   http://127.0.0.1:4000/playground/*  a file of the playground's: graphiql.js, graphiql.css
 * ```
 */
export function announceRoutes(baseUrl: string, routes: readonly Route[] = ROUTES): string[] {
  const lines: { paths: string[]; summary: string }[] = [];
  for (const route of routes) {
    const last = lines.at(-1);
    const folder = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
    if (last && last.summary === route.summary && folder(last.paths[0]!) === folder(route.path))
      last.paths.push(route.path);
    else lines.push({ paths: [route.path], summary: route.summary });
  }
  const at = (path: string) => path.lastIndexOf('/') + 1;
  const urls = lines.map(({ paths }) =>
    paths.length === 1 ? `${baseUrl}${paths[0]}` : `${baseUrl}${paths[0]!.slice(0, at(paths[0]!))}*`,
  );
  const width = Math.max(...urls.map((url) => url.length));
  return lines.map(({ paths, summary }, line) => {
    const names = paths.length === 1 ? '' : `: ${paths.map((path) => path.slice(at(path))).join(', ')}`;
    return `  ${urls[line]!.padEnd(width)}  ${summary}${names}`;
  });
}
