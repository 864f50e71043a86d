import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { RelationMeasureRole, RelationProvenance } from '../../domain/vocabulary';
import { readEdition } from '../../db/queries/edition-queries';
import { headlineValues } from '../../db/queries/observation-queries';
import {
  relationIndicatorLinks,
  stelselEdgeRows,
  stelselNodeRows,
  type StelselNodeRow,
} from '../../db/queries/stelsel-table-queries';

/** A node of the exported graph. */
export type ExportNode = StelselNodeRow;

/** A figure attached to an exported edge: its indicator, its role on the edge, and its figures per year. */
export interface ExportMeasure {
  indicator: string;
  role: RelationMeasureRole;
  shared: boolean;
  values: Record<string, number | null>;
}

/**
 * An edge of the exported graph: `source` feeds `target` (the way the data or the service flows), with its
 * provenance, every figure attached (`measures`, `indicators` as `code/key:ROLE[:shared]`) and its OWN volume
 * per year (the first OWN figure no other edge shares; see `relationVolumes`).
 */
export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  provenance: RelationProvenance;
  description: string;
  source_reference: string;
  indicators: string;
  measures: ExportMeasure[];
  volumes: Record<string, number | null>;
}

/**
 * The whole stelsel for the exports: nodes with their attributes, the edges of `provenances` (MONITOR alone
 * by default) with kind, provenance, source, every figure with its role, and OWN volumes.
 */
export async function readStelsel(
  db: Kysely<Database>,
  provenances: readonly RelationProvenance[] = ['MONITOR'],
): Promise<{
  years: number[];
  provenances: readonly RelationProvenance[];
  nodes: ExportNode[];
  edges: ExportEdge[];
}> {
  const edition = await readEdition(db);
  const nodes = await stelselNodeRows(db);
  const relations = await stelselEdgeRows(db, provenances);
  const links = await relationIndicatorLinks(db);
  const cells = await headlineValues(db);
  const years = edition.years.split(',').map(Number);
  const value = new Map(cells.map((c) => [`${c.indicator_id}|${c.year}`, c.value]));
  const linksByRelation = new Map<number, typeof links>();
  for (const link of links)
    linksByRelation.set(link.relation_id, [...(linksByRelation.get(link.relation_id) ?? []), link]);
  const perYear = (indicatorId: number | undefined) =>
    Object.fromEntries(
      years.map((year) => [
        String(year),
        indicatorId === undefined ? null : (value.get(`${indicatorId}|${year}`) ?? null),
      ]),
    );
  const edges = relations.map((r): ExportEdge => {
    const attached = linksByRelation.get(r.id) ?? [];
    const own = attached.find((l) => l.role === 'OWN' && l.shared === 0);
    return {
      id: `e${r.id}`,
      source: r.source,
      target: r.target,
      kind: r.kind,
      provenance: r.provenance,
      description: r.description,
      source_reference: r.section
        ? `Monitor Digitale Overheid 2020, ${r.section}${r.source_lines ? `, lines ${r.source_lines}` : ''}`
        : (r.source_url ?? ''),
      indicators: attached.map((l) => `${l.code}/${l.key}:${l.role}${l.shared ? ':shared' : ''}`).join(';'),
      measures: attached.map((l) => ({
        indicator: `${l.code}/${l.key}`,
        role: l.role,
        shared: l.shared === 1,
        values: perYear(l.indicator_id),
      })),
      volumes: perYear(own?.indicator_id),
    };
  });
  return { years, provenances, nodes, edges };
}
