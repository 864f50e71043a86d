import { toGlobalId } from '../../server/domain/global-id';
import { createMethods, type Methods } from '../../sdk/src/generated/methods';
import type { Request } from '../../sdk/src/index';
import type { OperationResult } from './api-context';

/**
 * The variables each SDK method is tried with: one entry per operation of `sdk/operations` (CONTRIBUTING.md,
 * "Adding an SDK operation"). A new operation without an entry here fails the first test.
 */
export const EXAMPLES: { [M in keyof Methods]: Parameters<Methods[M]>[0] } = {
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

/**
 * What every SDK method answers with its {@link EXAMPLES} over `run` (an in-process API): the data, or for a
 * connection's iterator its first five nodes; a GraphQL error is thrown. For comparing two ways of serving.
 */
export async function answerEveryOperation(
  run: (query: string, variables?: Record<string, unknown>) => Promise<OperationResult<unknown>>,
): Promise<Record<string, unknown>> {
  const request = (async (document: unknown, variables: Record<string, unknown> | undefined) => {
    const result = await run(String(document), variables);
    if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join('\n'));
    return result.data;
  }) as Request;
  const methods = createMethods(request);
  const answers: Record<string, unknown> = {};
  for (const name of Object.keys(EXAMPLES) as (keyof Methods)[]) {
    const answer = (methods[name] as (variables: unknown) => Promise<unknown> | AsyncIterable<unknown>)(
      EXAMPLES[name],
    );
    if (Symbol.asyncIterator in answer) {
      const nodes: unknown[] = [];
      for await (const node of answer) if (nodes.push(node) === 5) break;
      answers[name] = nodes;
    } else answers[name] = await answer;
  }
  return answers;
}
