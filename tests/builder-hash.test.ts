import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hashBuilder } from '../server/ingest/build-database';
import { builderFiles } from '../server/ingest/builder-files';

const ROOT = resolve(__dirname, '..');

/** A scratch copy of the project's code (`server/`, `harness/`), to edit without touching the real one. */
function copyOfCode(): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'builder-hash-'));
  for (const dir of ['server', 'harness']) cpSync(join(ROOT, dir), join(root, dir), { recursive: true });
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

describe('the builder hash (what decides that the database is rebuilt)', () => {
  let copy: ReturnType<typeof copyOfCode>;
  beforeEach(() => {
    copy = copyOfCode();
  });
  afterEach(() => copy.cleanup());

  const edit = (file: string) => appendFileSync(join(copy.root, file), '\n// edited\n');

  it('is the same for the same code, wherever it lies', () => {
    expect(hashBuilder()).toBe(hashBuilder());
    expect(hashBuilder()).toMatch(/^[0-9a-f]{64}$/);
    expect(hashBuilder(copy.root)).toBe(hashBuilder());
  });

  it.each([
    'server/ingest/parse-cell.ts',
    'server/ingest/seed-schema.ts',
    'server/domain/vocabulary.ts',
    'server/domain/fold-text.ts',
    'server/db/insert-rows.ts',
    'server/db/migrations/0001-initial.ts',
  ])('changes when the builder file %s is edited', (file) => {
    const before = hashBuilder(copy.root);
    edit(file);
    expect(hashBuilder(copy.root)).not.toBe(before);
  });

  it.each([
    'server/cli/dataset-report.ts',
    'harness/synthetic-dataset.ts',
    'server/graphql/resolvers/Indicator.ts',
    'server/domain/cursor.ts',
  ])('stays the same when %s (read side, bench) is edited', (file) => {
    const before = hashBuilder(copy.root);
    edit(file);
    expect(hashBuilder(copy.root)).toBe(before);
  });

  it('covers a new file once a builder file imports it, and not before', () => {
    const before = hashBuilder(copy.root);
    writeFileSync(join(copy.root, 'server/ingest/extra-step.ts'), 'export const EXTRA = 1;\n');
    expect(hashBuilder(copy.root)).toBe(before);
    appendFileSync(
      join(copy.root, 'server/ingest/build-dataset.ts'),
      "\nexport { EXTRA } from './extra-step';\n",
    );
    expect(builderFiles(copy.root)).toContain('server/ingest/extra-step.ts');
  });

  it('lists neither the report nor the synthetic dataset among the builder files', () => {
    const files = builderFiles(ROOT);
    expect(files).toContain('server/ingest/build-dataset.ts');
    expect(files.filter((file) => /report|synthetic/.test(file))).toEqual([]);
  });
});
