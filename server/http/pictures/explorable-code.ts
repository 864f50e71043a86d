import { resolveVoorzieningCode } from '../../db/queries/code-lookup';
import { didYouMean } from '../../domain/resolve-code';
import { HttpError, shown } from '../http-error';
import { decodePathSegment } from '../request-url';

/**
 * The voorziening code of an `/explore/{code}` path, resolved as every lookup is (case-insensitively, an
 * abbreviation too: `/explore/BRP` is BRP's page); an unknown one is a 404 that names it and suggests the
 * nearest codes. `codes` are the dataset's codes (read once per dataset version: no statement here).
 */
export async function explorableCode(codes: Iterable<string>, url: URL): Promise<string> {
  const asked = decodePathSegment(url.pathname.slice('/explore/'.length), url.pathname);
  const resolution = await resolveVoorzieningCode(codes, asked);
  if ('code' in resolution) return resolution.code;
  const offer = didYouMean(resolution.suggestions);
  throw new HttpError(
    404,
    offer
      ? `No voorziening ${shown(asked)}. ${offer} See /explore for all of them.`
      : `No voorziening ${shown(asked)}; see /explore for all of them.`,
  );
}
