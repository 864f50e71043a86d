import {
  BasisregistratiesDocument,
  DiscrepanciesDocument,
  NeighborsDocument,
  ObservationsDocument,
  PathDocument,
  StelselDocument,
  VoorzieningDocument,
} from '../sdk/src/generated/graphql';
import { peerQueries, type PeerQuery } from './peer-queries';

/** One operation of the benchmark: its POST body to the service, and the peer's equivalent when it has one. */
export interface BenchOperation {
  id: string;
  title: string;
  body: string;
  /** The same question put to PostGraphile, for the operations it has an equivalent for (L, V, R, O). */
  peer?: PeerQuery;
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

/** Q1–Q6 of the benchmark, and a page of the tidy observations (P): the SDK's operations. */
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

/** L, V, R and O: inline queries that PostGraphile 5 answers too (bench/peer-queries.ts). */
export function peerBenchOperations(): BenchOperation[] {
  return peerQueries().map((peer) => ({ id: peer.id, title: peer.title, body: peer.serviceBody, peer }));
}
