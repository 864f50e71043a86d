import { EXPORT_PATHS } from '../exports/export-routes';
import { HttpError, shown } from '../http-error';
import { GRAPHQL_PATH } from './graphql-path';

/**
 * The 404 for a path no route answers, naming where to look instead: the exports for a path under
 * `/export/`, else the API and the playground. A long path is quoted and cut.
 */
export function notFound(path: string): HttpError {
  if (path.startsWith('/export/'))
    return new HttpError(
      404,
      `No export at ${path.slice(0, 100)}; the exports are ${EXPORT_PATHS.join(', ')}.`,
    );
  const named = path.length > 100 ? shown(path) : path;
  return new HttpError(404, `Nothing at ${named}. The API is at ${GRAPHQL_PATH}, the playground at /.`, {
    code: 'NOT_FOUND',
  });
}
