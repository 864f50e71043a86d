import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toGlobalId } from '../server/domain/global-id';
import { createMethods, type Methods } from '../sdk/src/generated/methods';
import type { Request } from '../sdk/src/index';
import { useRealApi } from './support/api-context';

/**
 * The variables each SDK method is tried with: one entry per operation of `sdk/operations` (CONTRIBUTING.md,
 * "Adding an SDK operation"). A new operation without an entry here fails the first test.
 */
const EXAMPLES: { [M in keyof Methods]: Parameters<Methods[M]>[0] } = {
  allIndicators: { first: 2 },
  allObservations: { first: 2 },
  allRelations: { first: 2 },
  allVoorzieningen: { first: 2 },
  basisregistraties: { year: 2019 },
  claims: { section: 'hoofdlijnen-c', verdict: 'DISAGREES' },
  discrepancies: { kind: 'CHANGE_MISMATCH' },
  domain: { code: 'gegevens-en-registreren' },
  domains: {},
  edition: {},
  figure: { voorziening: 'brp', indicator: 'berichten-naar-afnemers', year: 2019 },
  impact: { code: 'brp', year: 2019 },
  indicator: { id: toGlobalId('Indicator', 1) },
  indicators: { first: 3 },
  indicatorSeries: { voorziening: 'brp', indicator: 'berichten-naar-afnemers' },
  measureRanking: {
    measure: 'bevragingen',
    by: 'CHANGE',
    from: 2018,
    to: 2019,
    first: 3,
    filter: { kinds: ['BASISREGISTRATIE'] },
  },
  measures: {},
  measureTotals: { measure: 'terugmeldingen', year: 2019, filter: { kinds: ['BASISREGISTRATIE'] } },
  neighbors: { code: 'brp', depth: 1, direction: 'OUTGOING', provenance: ['MONITOR', 'OUTSIDE'] },
  node: { id: toGlobalId('Voorziening', 1) },
  observations: { first: 3 },
  path: { from: 'brp', to: 'digilevering' },
  relations: { first: 3 },
  search: { text: 'basis' },
  stelsel: { kinds: ['SUPPLIES_DATA_TO'], provenance: ['OUTSIDE'] },
  voorziening: { code: 'brp', provenance: ['MONITOR', 'OUTSIDE'] },
  voorzieningen: { first: 3 },
};

describe('every SDK operation', () => {
  const api = useRealApi();
  /** The SDK's methods over the in-process API: each throws on any GraphQL error. */
  const methods = () => {
    const request = (async (document: unknown, variables: Record<string, unknown> | undefined) => {
      const result = await api.run(String(document), variables);
      if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join('\n'));
      return result.data;
    }) as Request;
    return createMethods(request);
  };

  it('is listed among the methods in the SDK’s README', () => {
    const readme = readFileSync(join(__dirname, '..', 'sdk', 'README.md'), 'utf8');
    expect(Object.keys(methods()).filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  it('has example variables here', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(methods()).sort());
  });

  it.each(Object.keys(EXAMPLES) as (keyof Methods)[])(
    '%s runs against the real dataset and answers data',
    async (name) => {
      const method = methods()[name] as (
        variables: unknown,
      ) => Promise<Record<string, unknown>> | AsyncIterable<unknown>;
      const answer = method(EXAMPLES[name]);
      if (Symbol.asyncIterator in answer) {
        // a connection's iterator: its first pages' nodes
        const nodes: unknown[] = [];
        for await (const node of answer) if (nodes.push(node) === 5) break;
        expect(nodes).toHaveLength(5);
        return;
      }
      const data = await answer;
      expect(Object.values(data).every((value) => value !== null && value !== undefined)).toBe(true);
    },
  );

  it('follows the flow convention: what the BRP feeds, with provenance, roles and the citation', async () => {
    const { voorziening } = await methods().voorziening({ code: 'brp', provenance: ['MONITOR', 'OUTSIDE'] });
    const feeds = voorziening!.outgoing.map((r) => `${r.kind} ${r.to.code} ${r.provenance}`);
    expect(feeds.slice(0, 3)).toEqual([
      'EVENT_DELIVERY digilevering MONITOR',
      'INZAGE mijnoverheid MONITOR',
      'DEFINED_IN stelselcatalogus MONITOR',
    ]);
    expect(
      feeds.slice(3).every((edge) => edge.startsWith('SUPPLIES_DATA_TO ') && edge.endsWith(' OUTSIDE')),
    ).toBe(true);
    const delivery = voorziening!.outgoing[0]!;
    expect(delivery.measures.map((m) => [m.indicator.key, m.role, m.shared])).toEqual([
      ['berichten-brp-geleverd', 'OWN', false],
      ['berichten-brp-verzonden', 'ONWARD', false],
    ]);
    expect(delivery.source).toMatchObject({
      lines: '1681-1683',
      quote: 'Aantal berichten vanuit de BRP geleverd aan Digilevering',
    });
    const { voorziening: monitorOnly } = await methods().voorziening({ code: 'brp' });
    expect(monitorOnly!.outgoing.map((r) => r.provenance)).toEqual(['MONITOR', 'MONITOR', 'MONITOR']);
  });
});
