import { GraphQLError } from 'graphql';
import { voorzieningByCode } from '../server/graphql/code-arguments';
import type { GraphQLContext } from '../server/graphql/context';
import type { VoorzieningTable } from '../server/db/database';

/** A voorziening row with what a lookup reads. */
const row = (id: number, code: string, name: string, abbreviation: string | null = null) =>
  ({ id, code, name, abbreviation }) as unknown as VoorzieningTable;

/** A context whose loader answers `rows`, as the reference rows of a dataset version. */
const over = (rows: readonly VoorzieningTable[]) =>
  ({ loaders: { allVoorzieningen: { load: () => Promise.resolve(rows) } } }) as unknown as GraphQLContext;

const ROWS = Object.freeze([
  row(1, 'brp', 'Basisregistratie Personen', 'BRP'),
  row(2, 'digid-machtigen', 'DigiD Machtigen', 'DigiD Machtigen'),
  row(3, 'bri', 'Basisregistratie Inkomen', 'BRI'),
  // a code that is not its own folded form: only ever found by what folds to it (nothing does)
  row(4, 'Odd Code', 'Odd'),
]);

const find = (input: string, rows = ROWS) =>
  voorzieningByCode(over(rows), input, 'code', 'NOT_FOUND').then((found) => found.id);

describe('looking up a voorziening by code', () => {
  it('finds a code as it is, and every spelling that folds to it or to an abbreviation', async () => {
    expect(await find('brp')).toBe(1);
    expect(await find('BRP')).toBe(1);
    expect(await find(' Brp ')).toBe(1);
    expect(await find('digid-machtigen')).toBe(2);
    expect(await find('DigiD Machtigen')).toBe(2);
    expect(await find('digid_machtigen')).toBe(2);
    expect(await find('bri')).toBe(3);
  });

  it('does not take a code that is not its own folded form as it is: it is unknown, as before the index', async () => {
    await expect(find('Odd Code')).rejects.toThrow(/^Unknown voorziening code "Odd Code" in `code`\./);
  });

  it('names an unknown code with suggestions and every known code, sorted', async () => {
    const error = (await find('brq').catch((caught: unknown) => caught)) as GraphQLError;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.message).toContain('Known codes: Odd Code, bri, brp, digid-machtigen.');
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', argumentName: 'code' });
    expect(error.extensions.suggestions).toEqual(expect.arrayContaining(['brp']));
  });

  it('looks up in the rows it is given: another list (another dataset version) has its own index', async () => {
    const other = Object.freeze([row(10, 'brp', 'Basisregistratie Personen (new)'), row(11, 'brk', 'BRK')]);
    expect(await find('brp')).toBe(1);
    expect(await find('brp', other)).toBe(10);
    expect(await find('brk', other)).toBe(11);
    await expect(find('brk')).rejects.toThrow(/^Unknown voorziening code "brk"/);
    expect(await find('brp')).toBe(1);
  });

  it('takes the first row of a code that is given twice, as the search before the index did', async () => {
    const twice = Object.freeze([row(20, 'brp', 'first'), row(21, 'brp', 'second')]);
    expect(await find('brp', twice)).toBe(20);
    expect(await find('BRP', twice)).toBe(20);
  });
});
