import { buildRows } from '../server/ingest/build-database';
import { writePostgresDatabase } from '../server/ingest/write-postgres';
import { readDatasetHash } from '../server/ensure-database';
import type { PostgresLocation } from '../server/db/location';
import { startServer } from '../server/start-server';
import { startTestServer, type TestServer } from './support/running-server';
import { copySeeds, editSeed, scratchDir, SEEDS_DIR } from './support/seeds-fixture';
import { TEST_DIALECT, writeScratchDatabase } from './support/test-database';

/** A response's status, the headers that matter here, and its body. */
async function fetched(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    cache: response.headers.get('x-cache'),
    body: await response.text(),
  };
}

describe('pages, pictures and exports: built once per dataset version, answered from memory', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('builds an explorer page once; repeats, other spellings and unknown parameters are answered from memory', async () => {
    const first = await fetched(`${server.url}/explore/hr`);
    expect(first).toMatchObject({ status: 200, cache: 'MISS' });
    expect(first.body).toContain('<h1>Handelsregister (HR)</h1>');
    const statements = server.statements.length;
    // the same page: again, with parameters that change nothing (ignored), and with its code percent-encoded
    for (const path of ['/explore/hr', '/explore/hr?utm_source=x&v=2', '/explore/%68r']) {
      expect(await fetched(`${server.url}${path}`)).toEqual({ ...first, cache: 'HIT' });
    }
    expect(server.statements.length).toBe(statements); // not a statement more
    expect((await fetched(`${server.url}/explore/hr?x=1`, { 'if-none-match': first.etag! })).status).toBe(
      304,
    );
  });

  it('keys the stelsel picture on its kinds, as a set: order, repeats and the parameter repeated are one picture', async () => {
    const first = await fetched(`${server.url}/stelsel.svg?kinds=TERUGMELDING,EVENT_DELIVERY`);
    expect(first).toMatchObject({ status: 200, cache: 'MISS' });
    expect(first.body).toMatch(/^<\?xml|^<svg|<!DOCTYPE svg/);
    for (const path of [
      '/stelsel.svg?kinds=EVENT_DELIVERY,TERUGMELDING',
      '/stelsel.svg?kinds=EVENT_DELIVERY&kinds=TERUGMELDING,EVENT_DELIVERY&colour=red',
    ]) {
      expect(await fetched(`${server.url}${path}`)).toEqual({ ...first, cache: 'HIT' });
    }
    const all = await fetched(`${server.url}/stelsel.svg`);
    expect(all.etag).not.toBe(first.etag);
    expect(all.body.length).toBeGreaterThan(first.body.length);
  });

  it('keys the stelsel picture on its provenance: the monitor’s relations by default, the stelselplaat opt-in', async () => {
    const monitor = await fetched(`${server.url}/stelsel.svg`);
    expect(await fetched(`${server.url}/stelsel.svg?provenance=monitor`)).toEqual({
      ...monitor,
      cache: 'HIT',
    });
    const both = await fetched(`${server.url}/stelsel.svg?provenance=outside,monitor`);
    expect(both.etag).not.toBe(monitor.etag);
    expect(await fetched(`${server.url}/stelsel.svg?provenance=MONITOR&provenance=OUTSIDE`)).toEqual({
      ...both,
      cache: 'HIT',
    });
    // the legend states the direction and the provenance; SUPPLIES_DATA_TO is drawn only when asked for
    expect(monitor.body).toContain('de richting van de stroom');
    expect(monitor.body).toContain('alleen relaties die de monitor noemt');
    expect(monitor.body).not.toContain('levert gegevens aan');
    expect(both.body).toContain('levert gegevens aan');
    const refused = await fetch(`${server.url}/stelsel.svg?provenance=monitor,hearsay`);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe(
      'Unknown provenance "hearsay"; the provenances are monitor, outside.',
    );
  });

  it('keys the stelsel picture on the year of its volumes: the latest is the default picture', async () => {
    const latest = await fetched(`${server.url}/stelsel.svg`);
    expect(await fetched(`${server.url}/stelsel.svg?year=2019`)).toEqual({ ...latest, cache: 'HIT' });
    const of2018 = await fetched(`${server.url}/stelsel.svg?year=2018`);
    expect(of2018.etag).not.toBe(latest.etag);
    expect(of2018.body).toContain('1.147.882'); // BRP → Digilevering in 2018
    for (const [year, error] of [
      ['2016', "No volumes for 2016; the monitor's tables cover 2017, 2018, 2019."],
      ['last', '"year" must be one year such as 2019; got "last".'],
    ]) {
      const refused = await fetch(`${server.url}/stelsel.svg?year=${year}`);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: string }).error).toBe(error);
    }
  });

  it('gives concurrent requests for the same page one build', async () => {
    server.statements.splice(0);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => fetched(`${server.url}/explore/digimelding?n=${i}`)),
    );
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    // one page's statements (the voorziening, its domain, section, rows, cells, notes, discrepancies,
    // relations, and the diagram's two), not eight pages'
    expect(server.statements.length).toBeLessThan(15);
  });

  it('keeps exports by their canonical filters; the observations export refuses unknown parameters', async () => {
    const first = await fetched(`${server.url}/export/observations.csv?year=2019&voorziening=brp`);
    expect(first).toMatchObject({ status: 200, cache: 'MISS' });
    expect(await fetched(`${server.url}/export/observations.csv?voorziening=brp&year=2019`)).toEqual({
      ...first,
      cache: 'HIT',
    });
    const relations = await fetched(`${server.url}/export/relations.csv`);
    expect(await fetched(`${server.url}/export/relations.csv?utm=1`)).toEqual({ ...relations, cache: 'HIT' });
    expect((await fetched(`${server.url}/export/observations.csv?utm=1`)).status).toBe(400);
  });
});

(TEST_DIALECT === 'postgres' ? describe : describe.skip)(
  'on PostgreSQL, a rebuild under the running server',
  () => {
    it('replaces the kept pages: the next request builds the new dataset’s page, with a new ETag', async () => {
      const scratch = await writeScratchDatabase(buildRows(SEEDS_DIR).rows, 'derived');
      const live = scratch.location as PostgresLocation;
      const server = await startServer({ port: 0, host: '127.0.0.1', database: live }, () => undefined);
      const edited = scratchDir();
      try {
        const before = await fetched(`${server.url}/explore/hr`);
        expect(before).toMatchObject({ status: 200, cache: 'MISS' });
        expect((await fetched(`${server.url}/explore/hr`)).cache).toBe('HIT');

        const seeds = copySeeds(edited.dir);
        editSeed(seeds, 'voorzieningen/hr.yaml', 'nameEn: Trade Register', 'nameEn: Rebuilt Trade Register');
        expect(await writePostgresDatabase(buildRows(seeds).rows, live)).toBe('replaced');
        const version = await readDatasetHash(live);
        for (let waited = 0; waited < 5000; waited += 50) {
          const health = (await (await fetch(`${server.url}/healthz`)).json()) as { dataset: string };
          if (health.dataset === version) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const after = await fetched(`${server.url}/explore/hr`, { 'if-none-match': before.etag! });
        expect(after).toMatchObject({ status: 200, cache: 'MISS' });
        expect(after.etag).not.toBe(before.etag);
        expect(after.body).toContain('Rebuilt Trade Register');
        expect((await fetched(`${server.url}/explore/hr`)).cache).toBe('HIT');
      } finally {
        await server.close();
        edited.cleanup();
        await scratch.drop();
      }
    });
  },
);
