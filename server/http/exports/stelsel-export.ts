import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
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

/** An edge of the exported graph, with its volume per year (the figures of its first indicator). */
export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  description: string;
  source_reference: string;
  indicators: string;
  volumes: Record<string, number | null>;
}

/** The whole stelsel for the exports: nodes with their attributes, edges with kind, source and volumes. */
export async function readStelsel(
  db: Kysely<Database>,
): Promise<{ years: number[]; nodes: ExportNode[]; edges: ExportEdge[] }> {
  const edition = await readEdition(db);
  const nodes = await stelselNodeRows(db);
  const relations = await stelselEdgeRows(db);
  const links = await relationIndicatorLinks(db);
  const cells = await headlineValues(db);
  const years = edition.years.split(',').map(Number);
  const value = new Map(cells.map((c) => [`${c.indicator_id}|${c.year}`, c.value]));
  const linksByRelation = new Map<number, typeof links>();
  for (const link of links)
    linksByRelation.set(link.relation_id, [...(linksByRelation.get(link.relation_id) ?? []), link]);
  const edges = relations.map((r): ExportEdge => {
    const own = linksByRelation.get(r.id) ?? [];
    const first = own[0];
    return {
      id: `e${r.id}`,
      source: r.source,
      target: r.target,
      kind: r.kind,
      description: r.description,
      source_reference: r.section ? `Monitor Digitale Overheid 2020, ${r.section}` : (r.source_url ?? ''),
      indicators: own.map((l) => `${l.code}/${l.key}`).join(';'),
      volumes: Object.fromEntries(
        years.map((year) => [
          String(year),
          first ? (value.get(`${first.indicator_id}|${year}`) ?? null) : null,
        ]),
      ),
    };
  });
  return { years, nodes, edges };
}
