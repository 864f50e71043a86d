/**
 * The queries the service and its peer (PostGraphile 5 over the same PostgreSQL schema) both answer: the same
 * rows asked for in each one's own schema, and for each answer a function that reduces it to rows of plain
 * values, so that the two answers can be compared before any timing (`harness/row-sets.ts`).
 */

/** A row of an answer reduced to plain values (its first value names what kind of row it is). */
export type AnswerRow = unknown[];

/** One query both servers answer: the two POST bodies and how each answer reduces to rows. */
export interface PeerQuery {
  id: string;
  title: string;
  /** The POST body for the service (its own schema). */
  serviceBody: string;
  /** The POST body for PostGraphile (the schema it derives from the tables). */
  peerBody: string;
  /** The rows of the service's answer (`data` of the JSON answer). */
  serviceRows: (data: unknown) => AnswerRow[];
  /** The rows of PostGraphile's answer. */
  peerRows: (data: unknown) => AnswerRow[];
}

/** Loosely typed access into a parsed JSON answer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const body = (query: string, variables: Record<string, unknown> = {}) =>
  JSON.stringify({ query: query.replace(/\s+/g, ' ').trim(), variables });

/** The code of the voorziening L looks up, and the relation kind R lists. */
export const PEER_QUERY_ARGUMENTS = { code: 'brp', kind: 'SUPPLIES_DATA_TO' } as const;

const lookup: PeerQuery = {
  id: 'L',
  title: 'a lookup with figures: one voorziening by code, its indicators and their observations',
  serviceBody: body(
    `query L($code: String!) { voorziening(code: $code) { code name kind
       indicators { key name unit observations { year subject value raw } } } }`,
    { code: PEER_QUERY_ARGUMENTS.code },
  ),
  peerBody: body(
    `query L($code: String!) { voorzieningByCode(code: $code) { code name kind
       indicatorsByVoorzieningId(orderBy: POSITION_ASC) { nodes { key name unit
         observationsByIndicatorId(orderBy: PRIMARY_KEY_ASC) { nodes { year subject value raw } } } } } }`,
    { code: PEER_QUERY_ARGUMENTS.code },
  ),
  serviceRows: (data: Json) => {
    const v = data.voorziening;
    return [
      ['voorziening', v.code, v.name, v.kind],
      ...v.indicators.flatMap((i: Json) => [
        ['indicator', i.key, i.name, i.unit],
        ...i.observations.map((o: Json) => ['observation', i.key, o.year, o.subject, o.value, o.raw]),
      ]),
    ];
  },
  peerRows: (data: Json) => {
    const v = data.voorzieningByCode;
    return [
      ['voorziening', v.code, v.name, v.kind],
      ...v.indicatorsByVoorzieningId.nodes.flatMap((i: Json) => [
        ['indicator', i.key, i.name, i.unit],
        ...i.observationsByIndicatorId.nodes.map((o: Json) => [
          'observation',
          i.key,
          o.year,
          o.subject,
          o.value,
          o.raw,
        ]),
      ]),
    ];
  },
};

const list: PeerQuery = {
  id: 'V',
  title: 'a list: every voorziening with its code, abbreviation, names and kind',
  serviceBody: body(`{ voorzieningen(first: 100) { nodes { code abbreviation name nameEn kind } } }`),
  peerBody: body(
    `{ allVoorzienings(first: 100, orderBy: PRIMARY_KEY_ASC) { nodes { code abbreviation name nameEn kind } } }`,
  ),
  serviceRows: (data: Json) =>
    data.voorzieningen.nodes.map((v: Json) => [v.code, v.abbreviation, v.name, v.nameEn, v.kind]),
  peerRows: (data: Json) =>
    data.allVoorzienings.nodes.map((v: Json) => [v.code, v.abbreviation, v.name, v.nameEn, v.kind]),
};

const relations: PeerQuery = {
  id: 'R',
  title: `relations of one kind (${PEER_QUERY_ARGUMENTS.kind}) with the names of both ends`,
  serviceBody: body(
    `query R($kind: RelationKind!) { relations(filter: { kind: $kind, provenance: [MONITOR, OUTSIDE] }, first: 100) {
       nodes { kind description from { code name } to { code name } } } }`,
    { kind: PEER_QUERY_ARGUMENTS.kind },
  ),
  peerBody: body(
    `query R($kind: String!) { allRelations(condition: { kind: $kind }, orderBy: PRIMARY_KEY_ASC, first: 100) {
       nodes { kind description voorzieningByFromId { code name } voorzieningByToId { code name } } } }`,
    { kind: PEER_QUERY_ARGUMENTS.kind },
  ),
  serviceRows: (data: Json) =>
    data.relations.nodes.map((r: Json) => [
      r.kind,
      r.description,
      r.from.code,
      r.from.name,
      r.to.code,
      r.to.name,
    ]),
  peerRows: (data: Json) =>
    data.allRelations.nodes.map((r: Json) => [
      r.kind,
      r.description,
      r.voorzieningByFromId.code,
      r.voorzieningByFromId.name,
      r.voorzieningByToId.code,
      r.voorzieningByToId.name,
    ]),
};

const page: PeerQuery = {
  id: 'O',
  title:
    'a page of 100 observations in dataset order, with the total and each one’s indicator and voorziening',
  serviceBody: body(
    `{ observations(first: 100) { totalCount nodes { year subject value raw
       indicator { key voorziening { code } } } } }`,
  ),
  peerBody: body(
    `{ allObservations(first: 100, orderBy: PRIMARY_KEY_ASC) { totalCount nodes { year subject value raw
       indicatorByIndicatorId { key voorzieningByVoorzieningId { code } } } } }`,
  ),
  serviceRows: (data: Json) => [
    ['total', data.observations.totalCount],
    ...data.observations.nodes.map((o: Json, n: number) => [
      n,
      o.year,
      o.subject,
      o.value,
      o.raw,
      o.indicator.key,
      o.indicator.voorziening.code,
    ]),
  ],
  peerRows: (data: Json) => [
    ['total', data.allObservations.totalCount],
    ...data.allObservations.nodes.map((o: Json, n: number) => [
      n,
      o.year,
      o.subject,
      o.value,
      o.raw,
      o.indicatorByIndicatorId.key,
      o.indicatorByIndicatorId.voorzieningByVoorzieningId.code,
    ]),
  ],
};

/** L, V, R and O: the queries with an equivalent in PostGraphile. */
export function peerQueries(): PeerQuery[] {
  return [lookup, list, relations, page];
}
