import { fromGlobalId } from '../../domain/global-id';
import { HttpError, shown } from '../http-error';

/** What an `indicator` filter names: one indicator by its global id, or every indicator with a key. */
export type IndicatorFilter = { indicator: number } | { indicatorKey: string };

/**
 * Reads the `indicator` filter of `/export/observations.csv`: an Indicator's global id (as the API gives it),
 * or an indicator key (`berichten-naar-afnemers`, any case). A key is unique within its voorziening only, so it
 * names that indicator in every voorziening that has it, or in `voorziening` when that filter is given.
 * `codesWithKey` gives the voorziening codes that have a key. An unknown key, a key the given voorziening does
 * not have, or anything else is a 400 naming it.
 */
export async function indicatorFilter(
  value: string,
  voorziening: string | undefined,
  codesWithKey: (key: string) => Promise<string[]>,
): Promise<IndicatorFilter> {
  const decoded = fromGlobalId(value);
  if (decoded?.type === 'Indicator') return { indicator: decoded.id };
  // the shape of a global id (Type:digits, base64url), but not an Indicator's or not a row's: no key either
  if (/^[A-Za-z]+:\d+$/.test(Buffer.from(value, 'base64url').toString('utf8')))
    throw new HttpError(
      400,
      `"indicator" must be an Indicator's global id or an indicator key; got ${shown(value)}.`,
    );
  const key = value.toLowerCase();
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key) || key.length > 100)
    throw new HttpError(
      400,
      `"indicator" must be an indicator key (such as berichten-naar-afnemers) or an Indicator's global id; got ${shown(value)}.`,
    );
  const codes = await codesWithKey(key);
  if (codes.length === 0)
    throw new HttpError(
      400,
      `Unknown indicator key ${shown(value)} in "indicator"; see /explore for each voorziening's indicators.`,
    );
  if (voorziening !== undefined && !codes.includes(voorziening))
    throw new HttpError(
      400,
      `Voorziening "${voorziening}" has no indicator ${shown(value)}; ${codes.join(', ')} ${codes.length === 1 ? 'has' : 'have'} one.`,
    );
  return { indicatorKey: key };
}
