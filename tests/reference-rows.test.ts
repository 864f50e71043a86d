import { sql } from 'kysely';
import { indicatorsByVoorzieningen } from '../server/db/queries/indicator-queries';
import { allDomains } from '../server/db/queries/domain-queries';
import { allVoorzieningen } from '../server/db/queries/voorziening-queries';
import { openDatabase } from '../server/db/open-database';
import { referenceRowsOf } from '../server/graphql/reference-rows';
import { buildRealDatabase, type BuiltDatabase } from './support/built-database';
import { openWritable } from './support/test-database';
import { scratchDir } from './support/seeds-fixture';
import { sqliteAt } from '../server/db/location';
import { migrateToLatest } from '../server/db/connect';
import { join } from 'node:path';

describe('the reference rows: sections, domains, voorzieningen, indicators, relations, observations, notes and their links, read once per dataset version', () => {
  let built: BuiltDatabase;
  beforeAll(async () => {
    built = await buildRealDatabase();
  });
  afterAll(() => built.close());

  /** A handle on the database that counts its statements. */
  const counted = () => {
    const statements: string[] = [];
    const db = openDatabase(built.location, { onQuery: (sql) => statements.push(sql) });
    return { db, statements };
  };

  it('reads ten statements once per handle and version, and again for another version', async () => {
    const { db, statements } = counted();
    try {
      const first = referenceRowsOf(db, 'v1');
      expect(referenceRowsOf(db, 'v1')).toBe(first);
      await first;
      expect(statements).toHaveLength(10);
      await referenceRowsOf(db, 'v1');
      expect(statements).toHaveLength(10);
      const second = await referenceRowsOf(db, 'v2');
      expect(statements).toHaveLength(20);
      expect(second).not.toBe(await first);
      expect(second.voorzieningen.map((row) => row.code)).toEqual(
        (await first).voorzieningen.map((row) => row.code),
      );
    } finally {
      await db.destroy();
    }
  });

  it('gives the rows in the order the per-request queries give them', async () => {
    const { db } = counted();
    try {
      const rows = await referenceRowsOf(db, 'order');
      const voorzieningen = await allVoorzieningen(db);
      expect(rows.voorzieningen).toEqual(voorzieningen);
      expect(rows.domains).toEqual(await allDomains(db));
      for (const voorziening of voorzieningen) {
        expect({
          code: voorziening.code,
          indicators: rows.indicatorsByVoorziening.get(voorziening.id) ?? [],
        }).toEqual({
          code: voorziening.code,
          indicators: await indicatorsByVoorzieningen(db, [voorziening.id]),
        });
      }
      const byDomain = voorzieningen.filter((row) => row.domain_id === voorzieningen[0]!.domain_id);
      expect(rows.voorzieningenByDomain.get(voorzieningen[0]!.domain_id)).toEqual(byDomain);
      const parents = voorzieningen.filter((row) => row.parent_id !== null);
      expect(parents.length).toBeGreaterThan(0);
      for (const part of parents) expect(rows.partsByParent.get(part.parent_id!)).toContainEqual(part);
      expect(rows.sectionById.size).toBeGreaterThan(0);
      expect(rows.indicatorById.size).toBe([...rows.indicatorsByVoorziening.values()].flat().length);
      // the relations whole, in id order (the order pages are cut in), and by id
      const relations = await db.selectFrom('relation').selectAll().orderBy('id').execute();
      expect(relations.length).toBeGreaterThan(0);
      expect(rows.relations).toEqual(relations);
      expect([...rows.relationById.values()]).toEqual(relations);
    } finally {
      await db.destroy();
    }
  });

  it('shares frozen rows: a resolver that changed one would throw, not change every later answer', async () => {
    const { db } = counted();
    try {
      const rows = await referenceRowsOf(db, 'frozen');
      const [row] = rows.voorzieningen;
      expect(() => {
        (row as { name: string }).name = 'changed';
      }).toThrow(/read.only|not extensible|Cannot assign/);
      expect(() => (rows.voorzieningen as unknown[]).push(row)).toThrow(
        /read.only|not extensible|Cannot assign/,
      );
      const group = rows.indicatorsByVoorziening.get(row!.id)!;
      expect(group.length).toBeGreaterThan(0);
      expect(() => (group as unknown[]).sort(() => -1)).toThrow(/read.only|not extensible|Cannot assign/);
      expect(() => {
        (rows.relations[0] as { kind: string }).kind = 'changed';
      }).toThrow(/read.only|not extensible|Cannot assign/);
      for (const shared of [
        rows.observations,
        [...rows.observationsByIndicator.values()][0]!,
        [...rows.notesByVoorziening.values()][0]!,
        [...rows.reportedChangesByIndicator.values()][0]!,
        [...rows.indicatorsByNote.values()][0]!,
        [...rows.indicatorsByRelation.values()][0]!,
      ]) {
        expect(() => (shared as unknown[]).pop()).toThrow(/read.only|not extensible|Cannot (assign|delete)/);
        expect(() => {
          (shared[0] as { id: number }).id = -1;
        }).toThrow(/read.only|not extensible|Cannot assign/);
      }
    } finally {
      await db.destroy();
    }
  });

  it('does not keep a failed read: the next request reads again', async () => {
    // a database file without tables: the read fails; once the tables are made, the same handle reads them
    const scratch = scratchDir();
    const location = sqliteAt(join(scratch.dir, 'empty.sqlite'));
    const writable = openWritable(location);
    await sql`select 1`.execute(writable); // makes the file
    const statements: string[] = [];
    const db = openDatabase(location, { onQuery: (text) => statements.push(text) });
    try {
      // the message, not \`rejects.toThrow\`: better-sqlite3's errors may come from another test file's realm
      const failed = await referenceRowsOf(db, 'failed').then(
        () => 'read',
        (error: { message: string }) => error.message,
      );
      expect(failed).toMatch(/no such table/);
      await migrateToLatest(writable);
      const read = statements.length;
      expect((await referenceRowsOf(db, 'failed')).voorzieningen).toEqual([]);
      expect(statements.length - read).toBe(10);
    } finally {
      await writable.destroy();
      await db.destroy();
      scratch.cleanup();
    }
  });
});
