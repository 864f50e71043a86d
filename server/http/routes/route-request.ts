import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleCors } from '../cors';
import { HttpError, shown } from '../http-error';
import { isPlainPath, requestUrl } from '../request-url';
import type { ServerParts } from '../server-parts';
import { allowedMethods, matchRoute } from './match-route';
import { notFound } from './not-found';
import type { Exchange, Route } from './route';

/**
 * Hands a request to the route of its path (see {@link matchRoute}): a path no route answers is a 404; a
 * route that answers preflights gets CORS first; a method the route does not list is a 405 naming the ones
 * it does. Calls `onRoute` with the route once it is known (so that an error is written as that route writes
 * them). Errors reject the promise it returns, for the caller to answer; it settles when the handler's does
 * (not a tick later: this is on every request's path). `body`: the body when it is already being read (see
 * `kept-answer-lane.ts`).
 */
export function routeRequest(
  routes: readonly Route[],
  server: ServerParts,
  request: IncomingMessage,
  response: ServerResponse,
  onRoute: (route: Route) => void,
  body?: Promise<string>,
): Promise<void> {
  try {
    const target = request.url ?? '/';
    // a plain path is its own pathname: no URL is parsed unless the handler asks for it
    const url = isPlainPath(target) ? undefined : requestUrl(target);
    const pathname = url ? url.pathname : target;
    const match = matchRoute(routes, pathname);
    if (!match) throw notFound(pathname);
    const { route, params } = match;
    onRoute(route);
    if (route.preflight && handleCors(request, response, server.corsOrigins)) return Promise.resolve();
    const method = request.method ?? 'GET';
    if (!route.methods.includes(method)) {
      const allowed = allowedMethods(route);
      response.setHeader('allow', allowed.join(', '));
      const path = pathname.length > 100 ? shown(pathname) : pathname;
      const hint = route.errors === 'graphql' ? `; use ${route.methods.join(' or ')}` : '';
      throw new HttpError(405, `Method ${method} is not allowed on ${path}${hint}.`, {
        code: 'METHOD_NOT_ALLOWED',
      });
    }
    return route.handle(new RequestExchange(request, response, target, url, params, server, body));
  } catch (error) {
    // a refusal thrown here rejects, like one thrown in the handler
    return Promise.reject(error);
  }
}

/** An {@link Exchange} whose URL is made when a handler first asks for it. */
class RequestExchange implements Exchange {
  #target: string;
  #url: URL | undefined;
  constructor(
    readonly request: IncomingMessage,
    readonly response: ServerResponse,
    target: string,
    url: URL | undefined,
    readonly params: Record<string, string>,
    readonly server: ServerParts,
    readonly body?: Promise<string>,
  ) {
    this.#target = target;
    this.#url = url;
  }
  get url(): URL {
    return (this.#url ??= requestUrl(this.#target));
  }
  get search(): string {
    return this.#url ? this.#url.search : '';
  }
}
