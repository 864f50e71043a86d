import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { readEdition } from '../../db/queries/edition-queries';
import { RELATION_KINDS, type RelationKind } from '../../domain/vocabulary';
import { HttpError, shown } from '../http-error';
import { explorableCode } from './explorable-code';
import { exploreIndex, explorePage } from './explore-pages';
import type { DerivedRequest } from './page-cache';
import type { Render } from './renderer';
import { fitWindow } from './fit-window';
import { readStelselDrawing, stelselDot } from './stelsel-dot';
import { provenanceParam, provenanceQuery } from '../provenance-param';

/** What the pictures are made from. */
export interface PictureSources {
  db: Kysely<Database>;
  render: Render;
  /** The voorziening codes of the dataset being served (read once per dataset version). */
  codes: () => Promise<ReadonlySet<string>>;
}

const html = (body: string) => ({ contentType: 'text/html; charset=utf-8', body: Buffer.from(body) });

/**
 * The stelsel's kinds filter in its canonical form: the kinds of every `kinds` parameter (comma-separated,
 * repeatable), each once, in the schema's order; none when it names every kind (the same drawing). An unknown
 * kind is a 400 naming it.
 */
function canonicalKinds(params: URLSearchParams): RelationKind[] {
  const asked = new Set(
    params
      .getAll('kinds')
      .flatMap((value) => value.split(','))
      .map((kind) => kind.trim())
      .filter(Boolean),
  );
  const unknown = [...asked].filter((kind) => !(RELATION_KINDS as readonly string[]).includes(kind));
  if (unknown.length) {
    throw new HttpError(
      400,
      `Unknown relation kind ${unknown
        .slice(0, 5)
        .map((kind) => shown(kind, 40))
        .join(
          ', ',
        )}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}; the kinds are ${RELATION_KINDS.join(', ')}.`,
    );
  }
  const kinds = RELATION_KINDS.filter((kind) => asked.has(kind));
  return kinds.length === RELATION_KINDS.length ? [] : kinds;
}

/** The years the edition's tables cover, in order. */
async function editionYears(db: Kysely<Database>): Promise<number[]> {
  return (await readEdition(db)).years.split(',').map(Number);
}

/**
 * The `year` of the stelsel's volumes: undefined when not given or the latest (the default: one picture), else
 * one of the edition's years. A value that is not a year is a 400 before any SQL; a year the tables do not cover,
 * a 400 naming those they do.
 */
async function volumeYear(db: Kysely<Database>, params: URLSearchParams): Promise<number | undefined> {
  const given = params.getAll('year');
  if (given.length === 0) return undefined;
  if (given.length > 1 || !/^\d{4}$/.test(given[0]!))
    throw new HttpError(400, `"year" must be one year such as 2019; got ${shown(given.join(','), 40)}.`);
  const years = await editionYears(db);
  const year = Number(given[0]);
  if (!years.includes(year))
    throw new HttpError(400, `No volumes for ${year}; the monitor's tables cover ${years.join(', ')}.`);
  return year === years.at(-1) ? undefined : year;
}

/**
 * Resolves a picture's URL (`/stelsel.svg`, `/explore` or `/explore/<code>`, see `routes/picture-routes.ts`) to its canonical form and how to build it. Only the
 * parameters that change a picture count (`kinds`, `provenance` and `year` of `/stelsel.svg`, `provenance` of
 * `/explore/<code>`; `provenance`
 * is MONITOR alone by default, `?provenance=monitor,outside` adds the stelselplaat's outside-sourced edges); any other query parameter (a tracking
 * parameter, a cache buster) is ignored, for the picture as for its ETag and the copy kept of it. A bad
 * `kinds` or `provenance`, a path that is not valid percent-encoding (400) or an unknown code (404) is refused here,
 * before anything is built.
 */
export async function resolvePicture(url: URL, sources: PictureSources): Promise<DerivedRequest> {
  const { db, render } = sources;
  if (url.pathname === '/stelsel.svg') {
    const kinds = canonicalKinds(url.searchParams);
    const provenances = provenanceParam(url.searchParams);
    const year = await volumeYear(db, url.searchParams);
    const query = [
      ...(kinds.length ? [`kinds=${kinds.join(',')}`] : []),
      ...provenanceQuery(provenances),
      ...(year === undefined ? [] : [`year=${year}`]),
    ].join('&');
    return {
      key: query ? `/stelsel.svg?${query}` : '/stelsel.svg',
      build: async () => {
        const shown = year ?? (await editionYears(db)).at(-1)!;
        const drawing = await readStelselDrawing(db, kinds, shown, provenances);
        const [svg] = await render([{ kind: 'dot', dot: stelselDot(drawing) }]);
        return { contentType: 'image/svg+xml; charset=utf-8', body: Buffer.from(fitWindow(svg!)) };
      },
    };
  }
  if (url.pathname === '/explore')
    return { key: '/explore', build: async () => html(await exploreIndex(db)) };
  const code = await explorableCode(await sources.codes(), url);
  const provenances = provenanceParam(url.searchParams);
  const query = provenanceQuery(provenances).join('&');
  return {
    key: query ? `/explore/${code}?${query}` : `/explore/${code}`,
    build: async () => html(await explorePage(db, code, render, provenances)),
  };
}
