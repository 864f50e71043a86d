import {
  createClient,
  StelselgraphError,
  StelselgraphGraphQLError,
  StelselgraphHttpError,
  StelselgraphNetworkError,
  VoorzieningDocument,
} from '../sdk/src/index';
import { createServer, type AddressInfo } from 'node:net';
import { startTestServer, type TestServer } from './support/running-server';

describe('the SDK client against a real server', () => {
  let server: TestServer;
  beforeAll(async () => {
    // small enough that a 4.000-character search is refused, large enough for the Voorziening document
    // (2.3 kB since relations carry their provenance, measures and citation)
    server = await startTestServer({ bodyLimit: 3072 });
  });
  afterAll(() => server.stop());

  it('returns typed data from a method and from request(document)', async () => {
    const client = createClient({ url: `${server.url}/graphql` });
    const { edition } = await client.edition();
    expect(edition.referenceDate).toBe('2019-12-31');
    const data = await client.request(VoorzieningDocument, { code: 'bag' });
    expect(data.voorziening?.abbreviation).toBe('BAG');
  });

  it('iterates every node of a connection page after page, as one large page gives them', async () => {
    const requests: unknown[] = [];
    const client = createClient({
      url: `${server.url}/graphql`,
      fetch: async (input, init) => {
        requests.push(JSON.parse(String(init?.body)).variables);
        return fetch(input, init);
      },
    });
    const filter = { voorziening: 'brp' };
    const { observations } = await client.observations({ filter, first: 100 });
    expect(observations.pageInfo.hasNextPage).toBe(false);
    requests.length = 0;
    const ids: string[] = [];
    for await (const observation of client.allObservations({ filter, first: 7 })) ids.push(observation.id);
    expect(ids).toEqual(observations.nodes.map((node) => node.id));
    expect(requests).toHaveLength(Math.ceil(observations.totalCount / 7));
    expect(requests[1]).toMatchObject({ filter, first: 7, after: expect.any(String) });
    // every connection has its iterator; none is asked for more pages than it takes
    const relations: string[] = [];
    for await (const relation of client.allRelations({ first: 5 })) relations.push(relation.id);
    expect(new Set(relations).size).toBe((await client.relations({ first: 100 })).relations.totalCount);
    const codes: string[] = [];
    for await (const voorziening of client.allVoorzieningen({ first: 10 })) codes.push(voorziening.code);
    expect(codes).toContain('brp');
    requests.length = 0;
    for await (const indicator of client.allIndicators({ first: 3 })) {
      expect(indicator.key).toEqual(expect.any(String));
      break;
    }
    expect(requests).toHaveLength(1);
  });

  it('fetches one figure, or one series, without the rest of the voorziening', async () => {
    const sizes: number[] = [];
    const client = createClient({
      url: `${server.url}/graphql`,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        sizes.push((await response.clone().arrayBuffer()).byteLength);
        return response;
      },
    });
    const figure = await client.figure({
      voorziening: 'berichtenbox',
      indicator: 'verstuurde-berichten',
      year: 2019,
    });
    expect(figure.voorziening?.indicator).toMatchObject({
      key: 'verstuurde-berichten',
      unit: 'COUNT',
      observations: [{ year: 2019, subject: null, value: 82247327, raw: '82.247.327' }],
    });
    // a breakdown: every subject of the year when subject is omitted, the one named, or the row itself (null)
    const subjects = await client.figure({
      voorziening: 'berichtenbox',
      indicator: 'berichten-per-organisatie',
      year: 2017,
    });
    expect(subjects.voorziening?.indicator?.observations.map((o) => o.subject)).toContain('RDW');
    const rdw = await client.figure({
      voorziening: 'berichtenbox',
      indicator: 'berichten-per-organisatie',
      year: 2017,
      subject: 'RDW',
    });
    expect(rdw.voorziening?.indicator?.observations).toEqual([
      expect.objectContaining({ subject: 'RDW', value: 3908188, raw: '3.908.188' }),
    ]);
    const series = await client.indicatorSeries({
      voorziening: 'berichtenbox',
      indicator: 'verstuurde-berichten',
    });
    expect(series.voorziening?.indicator?.observations.map((o) => [o.year, o.value])).toEqual([
      [2017, 75441443],
      [2018, 82106034],
      [2019, 82247327],
    ]);
    expect(series.voorziening?.indicator?.change).toMatchObject({ from: 2018, to: 2019, agrees: true });
    // an unknown key is null, as the voorziening's field is
    expect(
      (await client.figure({ voorziening: 'berichtenbox', indicator: 'nope', year: 2019 })).voorziening,
    ).toEqual({
      code: 'berichtenbox',
      indicator: null,
    });
    sizes.length = 0;
    await client.figure({ voorziening: 'brp', indicator: 'berichten-naar-afnemers', year: 2019 });
    await client.voorziening({ code: 'brp' });
    const [figureBytes, wholeBytes] = sizes as [number, number];
    expect(figureBytes).toBeLessThan(600);
    expect(wholeBytes).toBeGreaterThan(20 * figureBytes);
  });

  it('sends the client’s and the request’s headers through the given fetch', async () => {
    const seen: Headers[] = [];
    const client = createClient({
      url: `${server.url}/graphql`,
      headers: { 'x-client': 'researcher' },
      fetch: async (input, init) => {
        seen.push(new Headers(init?.headers));
        return fetch(input, init);
      },
    });
    await client.domains(undefined, { headers: { 'x-request': 'one' } });
    expect(seen[0]?.get('x-client')).toBe('researcher');
    expect(seen[0]?.get('x-request')).toBe('one');
    expect(seen[0]?.get('content-type')).toBe('application/json');
  });

  it('throws a GraphQL error carrying the codes, with any partial data', async () => {
    const client = createClient({ url: `${server.url}/graphql` });
    const error = await client.neighbors({ code: 'atlantis' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StelselgraphGraphQLError);
    expect(error).toBeInstanceOf(StelselgraphError);
    expect(error).toMatchObject({ kind: 'graphql', codes: ['BAD_USER_INPUT'], data: null, status: 200 });
    expect((error as Error).message).toMatch(/^Unknown voorziening code "atlantis"/);
    const invalid = await client
      .request('{ voorziening(code: "brp") { nope } }' as never, {})
      .catch((e: unknown) => e);
    expect(invalid).toMatchObject({ kind: 'graphql', codes: ['GRAPHQL_VALIDATION_FAILED'], status: 400 });
  });

  it('tells an HTTP error that is not a GraphQL response apart from one that is', async () => {
    const wrongPath = await createClient({ url: `${server.url}/nothing` })
      .edition()
      .catch((e: unknown) => e);
    expect(wrongPath).toBeInstanceOf(StelselgraphHttpError);
    expect(wrongPath).toMatchObject({ kind: 'http', status: 404 });
    const tooLarge = await createClient({ url: `${server.url}/graphql` })
      .search({ text: 'x'.repeat(4000) })
      .catch((e: unknown) => e);
    // the server answers a refusal of the body as a GraphQL response, so it is a GraphQL error with its code
    expect(tooLarge).toBeInstanceOf(StelselgraphGraphQLError);
    expect(tooLarge).toMatchObject({ kind: 'graphql', status: 413, codes: ['PAYLOAD_TOO_LARGE'] });
  });

  it('tells a network error apart, naming its cause and code', async () => {
    // a port that was free a moment ago: nothing listens there (port 9 would be fetch's "bad port")
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const { port } = probe.address() as AddressInfo;
    await new Promise((done) => probe.close(done));
    const url = `http://127.0.0.1:${port}/graphql`;
    const error = await createClient({ url })
      .edition()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StelselgraphNetworkError);
    expect(error).toMatchObject({ kind: 'network', url, code: 'ECONNREFUSED' });
    expect(String((error as Error).cause)).toMatch(/fetch failed/);
    // the message names the cause that Node's fetch keeps a level down
    expect((error as Error).message).toBe(
      `request to ${url} failed: fetch failed: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    // fetch's own refusal of a port names its reason too
    const bad = await createClient({ url: 'http://127.0.0.1:9/graphql' })
      .edition()
      .catch((e: unknown) => e);
    expect((bad as Error).message).toBe(
      'request to http://127.0.0.1:9/graphql failed: fetch failed: bad port',
    );
  });

  it('rejects with the abort reason when its signal aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped by the caller'));
    const viaClient = await createClient({ url: `${server.url}/graphql`, signal: controller.signal })
      .edition()
      .catch((e: unknown) => e);
    expect(viaClient).toEqual(new Error('stopped by the caller'));
    const viaRequest = await createClient({ url: `${server.url}/graphql` })
      .edition(undefined, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect((viaRequest as Error).name).toBe('AbortError');
  });
});
