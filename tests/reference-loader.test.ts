import type { Kysely } from 'kysely';
import type { Database } from '../server/db/database';
import { openDatabase } from '../server/db/open-database';
import { createContext } from '../server/graphql/context';
import { keptPerVersion } from '../server/graphql/kept-per-version';
import { ReferenceLoader } from '../server/graphql/reference-loader';
import type { ReferenceRows } from '../server/graphql/reference-rows';
import { mapLoaded } from '../server/graphql/resolvers/map-loaded';
import { buildRealDatabase, type BuiltDatabase } from './support/built-database';

/** Stand-in reference rows: only the one map these tests pick from. */
const rowsWith = (names: [number, string][]) =>
  ({ voorzieningById: new Map(names.map(([id, name]) => [id, { id, name }])) }) as unknown as ReferenceRows;
const nameOf = (rows: ReferenceRows, id: number) =>
  (rows.voorzieningById.get(id) as { name: string } | undefined)?.name;

describe('ReferenceLoader: answers from the reference rows at once once they are read', () => {
  it('answers a value, not a promise, when the rows are read', () => {
    let reads = 0;
    const loader = new ReferenceLoader(
      rowsWith([[1, 'BRP']]),
      () => Promise.resolve((reads++, rowsWith([]))),
      nameOf,
    );
    expect(loader.load(1)).toBe('BRP');
    expect(loader.load(2)).toBeUndefined();
    expect(reads).toBe(0);
  });

  it('reads them first when they are not, then answers at once', async () => {
    let reads = 0;
    const loader = new ReferenceLoader(undefined, async () => (reads++, rowsWith([[1, 'BRP']])), nameOf);
    const first = loader.load(1);
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toBe('BRP');
    expect(loader.load(1)).toBe('BRP');
    expect(reads).toBe(1);
  });

  it('gives many in the order asked, reading the rows once', async () => {
    let reads = 0;
    const loader = new ReferenceLoader(
      undefined,
      async () => (
        reads++,
        rowsWith([
          [1, 'BRP'],
          [2, 'HR'],
        ])
      ),
      nameOf,
    );
    expect(await loader.loadMany([2, 3, 1, 2])).toEqual(['HR', undefined, 'BRP', 'HR']);
    expect(loader.load(2)).toBe('HR');
    expect(await loader.loadMany([])).toEqual([]);
    expect(reads).toBe(1);
  });

  it('rejects when the read fails, and reads again on the next load', async () => {
    let reads = 0;
    const loader = new ReferenceLoader(
      undefined,
      async () => {
        reads += 1;
        if (reads === 1) throw new Error('no such table: voorziening');
        return rowsWith([[1, 'BRP']]);
      },
      nameOf,
    );
    await expect(loader.load(1)).rejects.toThrow('no such table');
    expect(await loader.load(1)).toBe('BRP');
    expect(loader.load(1)).toBe('BRP');
    expect(reads).toBe(2);
  });
});

describe('mapLoaded', () => {
  it('maps a value at once, and a promise once it is there', async () => {
    expect(mapLoaded(2, (n) => n * 3)).toBe(6);
    const later = mapLoaded(Promise.resolve(2), (n) => n * 3);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBe(6);
    await expect(mapLoaded(Promise.reject(new Error('gone')), (n: number) => n)).rejects.toThrow('gone');
  });
});

describe('keptPerVersion: now', () => {
  const db = {} as Kysely<Database>;
  const other = {} as Kysely<Database>;

  it('has the read once it is done, for its handle and version only', async () => {
    let release!: (value: string) => void;
    const kept = keptPerVersion(() => new Promise<string>((resolve) => (release = resolve)));
    const reading = kept(db, 'v1');
    expect(kept.now(db, 'v1')).toBeUndefined();
    release('rows of v1');
    expect(await reading).toBe('rows of v1');
    expect(kept.now(db, 'v1')).toBe('rows of v1');
    expect(kept.now(db, 'v2')).toBeUndefined();
    expect(kept.now(other, 'v1')).toBeUndefined();
    // another version replaces it: until its read is done, there is none at hand
    const second = kept(db, 'v2');
    expect(kept.now(db, 'v1')).toBeUndefined();
    expect(kept.now(db, 'v2')).toBeUndefined();
    release('rows of v2');
    await second;
    expect(kept.now(db, 'v2')).toBe('rows of v2');
  });

  it('has none after a failed read', async () => {
    const kept = keptPerVersion(() => Promise.reject(new Error('down')));
    await expect(kept(db, 'v1')).rejects.toThrow('down');
    expect(kept.now(db, 'v1')).toBeUndefined();
  });
});

describe("a request's loaders on a real database", () => {
  let built: BuiltDatabase;
  beforeAll(async () => {
    built = await buildRealDatabase();
  });
  afterAll(() => built.close());

  it('answer from the reference rows without a promise once the version is read, with a promise before', async () => {
    const db = openDatabase(built.location);
    try {
      const [row] = await db
        .selectFrom('voorziening')
        .select(['id', 'code'])
        .orderBy('id')
        .limit(1)
        .execute();
      const version = `loader-${Date.now()}`;
      const before = createContext(db, { contentHash: version }, 5000).loaders.voorziening.load(row!.id);
      expect(before).toBeInstanceOf(Promise);
      expect(((await before) as { code: string }).code).toBe(row!.code);
      const after = createContext(db, { contentHash: version }, 5000).loaders;
      const now = after.voorziening.load(row!.id);
      expect(now).not.toBeInstanceOf(Promise);
      expect((now as { code: string }).code).toBe(row!.code);
      const cells = after.observationsByIndicator.load(1);
      expect(Array.isArray(cells) && cells.length).toBeGreaterThan(0);
    } finally {
      await db.destroy();
    }
  });
});
