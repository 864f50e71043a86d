import { serveDerived } from '../derived-answer';
import { resolvePicture } from '../pictures/picture-routes';
import type { Exchange, Route } from './route';

/** Serves a picture or an explorer page: a derived file, rendered on the server's render worker. */
const servePicture = (exchange: Exchange) => {
  const { db, renderer, codes } = exchange.server;
  return serveDerived(exchange, () => resolvePicture(exchange.url, { db, render: renderer.render, codes }));
};

/** The pictures and the explorer pages: the stelsel as SVG, the list of voorzieningen, a page per voorziening. */
export const PICTURE_ROUTES: readonly Route[] = [
  {
    methods: ['GET', 'HEAD'],
    path: '/stelsel.svg',
    family: 'pictures',
    summary: 'the stelsel as an SVG picture (filter: kinds)',
    errors: 'plain',
    handle: servePicture,
  },
  {
    methods: ['GET', 'HEAD'],
    path: '/explore',
    family: 'pictures',
    summary: 'every voorziening, by domain',
    errors: 'plain',
    handle: servePicture,
  },
  {
    methods: ['GET', 'HEAD'],
    path: '/explore/{code}',
    pattern: /^\/explore\/(?<code>[^/]+)$/,
    family: 'pictures',
    summary: "a voorziening's page: its figures as charts, notes, discrepancies and neighbourhood",
    errors: 'plain',
    handle: servePicture,
  },
];
