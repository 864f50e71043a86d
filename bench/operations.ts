import {
  BasisregistratiesDocument,
  DiscrepanciesDocument,
  NeighborsDocument,
  ObservationsDocument,
  PathDocument,
  StelselDocument,
  VoorzieningDocument,
} from '../sdk/src/generated/graphql';

/** One operation of the benchmark: taken from the SDK's operation files, with its variables. */
export interface BenchOperation {
  id: string;
  title: string;
  body: string;
}

const op = (
  id: string,
  title: string,
  document: { toString(): string },
  variables: Record<string, unknown>,
): BenchOperation => ({
  id,
  title,
  body: JSON.stringify({ query: document.toString(), variables }),
});

/** Q1–Q6 of the benchmark, and a page of the tidy observations (P). */
export function benchOperations(
  codes: { registry: string; from: string; to: string } = { registry: 'brp', from: 'bri', to: 'brv' },
): BenchOperation[] {
  return [
    op('Q1', 'one voorziening with all indicators, observations and relations', VoorzieningDocument, {
      code: codes.registry,
    }),
    op('Q2', 'every basisregistratie with its 2019 values', BasisregistratiesDocument, { year: 2019 }),
    op('Q3', 'neighbors to depth 3', NeighborsDocument, { code: codes.registry, depth: 3 }),
    op('Q4', 'the whole stelsel graph', StelselDocument, {}),
    op('Q5', 'the discrepancies', DiscrepanciesDocument, {}),
    op('Q6', 'a path between two registries', PathDocument, { from: codes.from, to: codes.to }),
    op('P', 'a page of 100 observations', ObservationsDocument, { first: 100 }),
  ];
}
