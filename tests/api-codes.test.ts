import { resolveDomainCode, resolveVoorzieningCode } from '../server/db/queries/code-lookup';
import { useRealApi } from './support/api-context';

// Codes and abbreviations in GraphQL arguments match case-insensitively; an unknown one is NOT_FOUND for a single
// lookup (the field null) and BAD_USER_INPUT elsewhere, both naming it and suggesting the nearest codes.

describe('codes in the API', () => {
  const api = useRealApi();

  it('looks voorzieningen and domains up in any case, and by abbreviation', async () => {
    const { data, errors } = await api.run(`{
      upper: voorziening(code: "BRP") { code }
      mixed: voorziening(code: "DigiD") { code }
      abbreviation: voorziening(code: "DigiD Machtigen") { code }
      lrza: voorziening(code: "LRZA") { code }
      domain(code: "Gegevens-En-Registreren") { code }
      spaced: domain(code: "gegevens en registreren") { code }
    }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      upper: { code: 'brp' },
      mixed: { code: 'digid' },
      abbreviation: { code: 'digid-machtigen' },
      lrza: { code: 'lrza' },
      domain: { code: 'gegevens-en-registreren' },
      spaced: { code: 'gegevens-en-registreren' },
    });
  });

  it('answers an unknown voorziening with null and a NOT_FOUND error that suggests the nearest codes', async () => {
    const { data, errors } = await api.run(
      `{ brp: voorziening(code: "brp") { code } voorziening(code: "BRPP") { code } }`,
    );
    expect(data).toEqual({ brp: { code: 'brp' }, voorziening: null });
    expect(errors).toHaveLength(1);
    expect(errors![0]!.path).toEqual(['voorziening']);
    expect(errors![0]!.extensions).toEqual({
      code: 'NOT_FOUND',
      argumentName: 'code',
      suggestions: ['brp'],
    });
    expect(errors![0]!.message).toMatch(
      /^Unknown voorziening code "BRPP" in `code`\. Did you mean brp\? Known codes: bag, berichtenbox, /,
    );
  });

  it('answers an unknown domain and a code nothing is near with NOT_FOUND and no suggestions', async () => {
    const { data, errors } = await api.run(`{ domain(code: "atlantis") { code } }`);
    expect(data).toEqual({ domain: null });
    expect(errors![0]!.extensions).toEqual({ code: 'NOT_FOUND', argumentName: 'code', suggestions: [] });
    expect(errors![0]!.message).toMatch(
      /^Unknown domain code "atlantis" in `code`\. Known codes: dienstverlening-en-informatie-verstrekken, /,
    );
    const near = await api.run(`{ domain(code: "gegevens") { code } }`);
    expect(near.errors![0]!.extensions!.suggestions).toEqual(['gegevens-en-registreren']);
  });

  it('takes codes in any case in graph arguments and filters', async () => {
    const { data, errors } = await api.run(`{
      neighbors(code: "BRP") { center { code } }
      path(from: "Brp", to: "DIGILEVERING") { length }
      relations(filter: { from: "BRP", to: "digilevering" }) { totalCount }
      indicators(filter: { voorziening: "BRP" }) { totalCount }
      lower: indicators(filter: { voorziening: "brp" }) { totalCount }
      observations(filter: { voorziening: "Brp" }) { totalCount }
      voorzieningen(filter: { domain: "GEGEVENS-EN-REGISTREREN" }) { totalCount }
      discrepancies(voorziening: "BRP") { kind }
    }`);
    expect(errors).toBeUndefined();
    expect(data.neighbors.center.code).toBe('brp');
    expect(data.path.length).toBe(1);
    expect(data.relations.totalCount).toBe(1);
    expect(data.indicators.totalCount).toBe(data.lower.totalCount);
    expect(data.indicators.totalCount).toBeGreaterThan(0);
    expect(data.observations.totalCount).toBeGreaterThan(0);
    expect(data.voorzieningen.totalCount).toBeGreaterThan(0);
  });

  it.each([
    ['neighbors(code: "brx") { center { code } }', 'code', ['bri', 'brk', 'bro']],
    ['path(from: "brp", to: "digileverin") { length }', 'to', ['digilevering']],
    ['relations(filter: { from: "hrr" }) { totalCount }', 'filter.from', ['hr']],
    ['indicators(filter: { voorziening: "atlantis" }) { totalCount }', 'filter.voorziening', []],
    ['observations(filter: { voorziening: "wozz" }) { totalCount }', 'filter.voorziening', ['woz']],
    [
      'voorzieningen(filter: { domain: "gegevens" }) { totalCount }',
      'filter.domain',
      ['gegevens-en-registreren'],
    ],
    [
      'discrepancies(voorziening: "berichten") { kind }',
      'voorziening',
      ['berichtenbox', 'berichtenbox-bedrijven'],
    ],
  ])(
    'refuses an unknown code in %s as BAD_USER_INPUT with suggestions',
    async (field, argumentName, suggestions) => {
      const { errors } = await api.run(`{ ${field} }`);
      expect(errors).toHaveLength(1);
      expect(errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName, suggestions });
      expect(errors![0]!.message).toContain(`in \`${argumentName}\`.`);
    },
  );

  it('gives the HTTP layer the same lookup', async () => {
    expect(await resolveVoorzieningCode(api.db, 'BRP')).toEqual({ code: 'brp' });
    expect(await resolveVoorzieningCode(api.db, 'DigiD Machtigen')).toEqual({ code: 'digid-machtigen' });
    expect(await resolveVoorzieningCode(api.db, 'atlantis')).toEqual({
      unknown: 'atlantis',
      suggestions: [],
    });
    expect(await resolveVoorzieningCode(api.db, 'pdk')).toEqual({
      unknown: 'pdk',
      suggestions: ['pdok', expect.any(String), expect.any(String)].slice(0, 1),
    });
    expect(await resolveDomainCode(api.db, 'IDENTIFICEREN-EN-AUTHENTICEREN')).toEqual({
      code: 'identificeren-en-authenticeren',
    });
  });
});
