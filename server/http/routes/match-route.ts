import type { Route } from './route';

/** A route that answers a path, with the parameters its pattern captured. */
export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/**
 * The route that answers `path`: the first whose `path` is `path` exactly or whose `pattern` matches it whole;
 * undefined when none does. Paths are compared as they are: `/graphql/` and `/graphqlx` are not `/graphql`.
 */
export function matchRoute(routes: readonly Route[], path: string): RouteMatch | undefined {
  for (const route of routes) {
    if (!route.pattern) {
      if (route.path === path) return { route, params: {} };
      continue;
    }
    const match = route.pattern.exec(path);
    if (match && match[0] === path) return { route, params: { ...match.groups } };
  }
  return undefined;
}

/** The methods a route lists in `Allow`: its own, and `OPTIONS` when it answers preflights. */
export function allowedMethods(route: Route): string[] {
  return route.preflight ? [...route.methods, 'OPTIONS'] : [...route.methods];
}
