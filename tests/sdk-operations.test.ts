import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMethods, type Methods } from '../sdk/src/generated/methods';
import type { Request } from '../sdk/src/index';
import { useRealApi } from './support/api-context';
import { EXAMPLES } from './support/sdk-examples';

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
