import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

/** A node of the exported graph. */
export interface ExportNode {
  id: string;
  kind: string;
  domain: string;
  abbreviation: string | null;
  name: string;
  name_en: string;
}

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
  const edition = await db.selectFrom('edition').select('years').executeTakeFirstOrThrow();
  const years = edition.years.split(',').map(Number);
  const nodes = await db
    .selectFrom('voorziening as v')
    .innerJoin('domain as d', 'd.id', 'v.domain_id')
    .select(['v.code as id', 'v.kind', 'd.code as domain', 'v.abbreviation', 'v.name', 'v.name_en'])
    .orderBy('v.position')
    .execute();
  const relations = await db
    .selectFrom('relation as r')
    .innerJoin('voorziening as f', 'f.id', 'r.from_id')
    .innerJoin('voorziening as t', 't.id', 'r.to_id')
    .leftJoin('section as s', 's.id', 'r.source_section_id')
    .select([
      'r.id',
      'f.code as source',
      't.code as target',
      'r.kind',
      'r.description',
      'r.source_url',
      's.title as section',
    ])
    .orderBy('r.position')
    .execute();
  const links = await db
    .selectFrom('relation_indicator as ri')
    .innerJoin('indicator as i', 'i.id', 'ri.indicator_id')
    .innerJoin('voorziening as v', 'v.id', 'i.voorziening_id')
    .select(['ri.relation_id', 'ri.position', 'i.id as indicator_id', 'i.key', 'v.code'])
    .orderBy('ri.relation_id')
    .orderBy('ri.position')
    .execute();
  const cells = await db
    .selectFrom('observation')
    .select(['indicator_id', 'year', 'value'])
    .where('subject', 'is', null)
    .execute();
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
