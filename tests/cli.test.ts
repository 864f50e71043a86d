import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './support/run-cli';
import { scratchDir, SEEDS_DIR } from './support/seeds-fixture';

describe('npm run db:build and db:report', () => {
  const scratch = scratchDir();
  const out = join(scratch.dir, 'built.sqlite');
  afterAll(() => scratch.cleanup());

  it('builds the database where --out says, from --seeds', async () => {
    const result = await cli('db-build.ts', ['--seeds', SEEDS_DIR, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^built .*built\.sqlite: 38 voorzieningen, 143 indicators, 503 observations, 57 relations, \d+ discrepancies/,
    );
    expect(existsSync(out)).toBe(true);
  });

  it('prints the counts and lists every discrepancy', async () => {
    const result = await cli('db-report.ts', ['--db', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('voorzieningen: 38\n');
    expect(result.stdout).toMatch(/\n {2}BASISREGISTRATIE +10\n/);
    expect(result.stdout).toContain('indicators: 143\n'); // 138 table rows, 5 stated only in prose
    expect(result.stdout).toMatch(/observations: 503 \(numeric 502, without a figure 1\)/);
    expect(result.stdout).toMatch(/\n {2}EVENT_DELIVERY +6\n/);
    expect(result.stdout).toContain('corrections: 4\n');
    expect(result.stdout).toMatch(
      /\n {2}CHANGE_MISMATCH +3\n {2}NOTE_VALUE_MISMATCH +1\n {2}SAME_AS_MISMATCH +14\n {2}SUMMARY_MISMATCH +8\n {2}SUM_MISMATCH +3\n/,
    );
    expect(result.stdout).toContain(
      '[SUM_MISMATCH 2019] bro: BRO “Aantal opvragingen per product via de PDOK servers (views en downloads)” prints 8.427.603 for 2019, but its 6 rows (the source prints the parts without a year; they are read as 2019) add up to 9.986.978.',
    );
  });

  it('refuses an unknown flag with the usage and exit code 2', async () => {
    const result = await cli('db-build.ts', ['--seed', SEEDS_DIR]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: Unknown option '--seed'/);
    expect(result.stderr).toContain('usage: npm run db:build');
  });

  it('refuses a flag without its value', async () => {
    const result = await cli('db-build.ts', ['--out']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: Option '--out <value>' argument missing/);
  });

  it('says which seeds folder is missing, exit code 1', async () => {
    const result = await cli('db-build.ts', ['--seeds', join(scratch.dir, 'nowhere'), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: .*nowhere\/editions\.yaml: cannot read the file \(ENOENT\)/);
  });

  it('says when there is no database to report on', async () => {
    const result = await cli('db-report.ts', ['--db', join(scratch.dir, 'missing.sqlite')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: no database at .*missing\.sqlite; run npm run db:build first/);
  });
});
