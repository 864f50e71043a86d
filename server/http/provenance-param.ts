import { RELATION_PROVENANCES, type RelationProvenance } from '../domain/vocabulary';
import { HttpError, shown } from './http-error';

/**
 * The `provenance` query parameter of the stelsel's picture and exports in canonical form: the provenances
 * named (comma-separated, repeatable, any case: `?provenance=monitor`, `?provenance=monitor,outside`), each
 * once, in the schema's order; MONITOR alone when none is given (the default: the outside-sourced
 * stelselplaat edges are opt-in). An unknown value is a 400 naming it.
 */
export function provenanceParam(params: URLSearchParams): RelationProvenance[] {
  const asked = new Set(
    params
      .getAll('provenance')
      .flatMap((value) => value.split(','))
      .map((value) => value.trim().toUpperCase())
      .filter(Boolean),
  );
  const unknown = [...asked].filter((value) => !(RELATION_PROVENANCES as readonly string[]).includes(value));
  if (unknown.length) {
    throw new HttpError(
      400,
      `Unknown provenance ${unknown
        .slice(0, 3)
        .map((value) => shown(value.toLowerCase(), 40))
        .join(', ')}; the provenances are ${RELATION_PROVENANCES.map((p) => p.toLowerCase()).join(', ')}.`,
    );
  }
  const provenances = RELATION_PROVENANCES.filter((value) => asked.has(value));
  return provenances.length ? provenances : ['MONITOR'];
}

/** The canonical query of a provenance filter: empty for the default (MONITOR alone). */
export function provenanceQuery(provenances: readonly RelationProvenance[]): string[] {
  return provenances.length === 1 && provenances[0] === 'MONITOR'
    ? []
    : [`provenance=${provenances.map((p) => p.toLowerCase()).join(',')}`];
}
