import type { BuildContext } from './build-context';
import type { IndicatorIndex } from './build-indicators';
import type { RelationsSeed } from './seed-schema';
import { citationProblem } from './relation-source';

/**
 * Builds the relation rows (typed edges with the indicators that quantify them, each with its role, and
 * their provenance) and the `sameAs` links, checking that every endpoint and indicator exists and that a
 * monitor citation's lines lie in its section and hold its quote (`sourceText`: the monitor's text).
 */
export function buildRelations(
  context: BuildContext,
  seed: RelationsSeed,
  index: IndicatorIndex,
  file: string,
  sourceText: string,
): void {
  const sourceLines = sourceText.split(/\r?\n/);
  const voorzieningen = new Map(context.rows.voorziening.map((row) => [row.code, row.id]));
  const known = () => [...voorzieningen.keys()].join(', ');
  const indicator = (ref: string, path: string) => {
    const row = index.get(ref);
    if (!row) context.fail(file, path, `unknown indicator "${ref}"`);
    return row;
  };
  const edges = new Set<string>();
  seed.relations.forEach((relation, position) => {
    const path = `relations.${position}`;
    const from = voorzieningen.get(relation.from);
    const to = voorzieningen.get(relation.to);
    if (from === undefined)
      context.fail(file, `${path}.from`, `unknown voorziening "${relation.from}"; known: ${known()}`);
    if (to === undefined)
      context.fail(file, `${path}.to`, `unknown voorziening "${relation.to}"; known: ${known()}`);
    if (relation.from === relation.to)
      context.fail(file, path, 'a relation needs two different voorzieningen');
    const edge = `${relation.kind} ${relation.from} ${relation.to}`;
    if (edges.has(edge)) context.fail(file, path, `duplicate relation ${edge}`);
    edges.add(edge);
    const citation = 'section' in relation.source ? relation.source : undefined;
    const sourceSection = citation
      ? context.section(citation.section, file, `${path}.source.section`)
      : undefined;
    if (citation && sourceSection) {
      const problem = citationProblem(citation, sourceSection, sourceLines);
      if (problem) context.fail(file, `${path}.source`, `relation ${edge}: ${problem}`);
    }
    const id = context.nextId('relation');
    context.rows.relation.push({
      id,
      kind: relation.kind,
      from_id: from ?? 0,
      to_id: to ?? 0,
      description: relation.description.trim(),
      description_en: relation.descriptionEn?.trim() ?? null,
      source_section_id: sourceSection?.row.id ?? null,
      source_url: 'url' in relation.source ? relation.source.url : null,
      source_title: 'url' in relation.source ? (relation.source.title ?? null) : null,
      provenance: citation ? 'MONITOR' : 'OUTSIDE',
      source_lines: citation?.lines ?? null,
      source_quote: citation?.quote.trim() ?? null,
      position,
    });
    relation.indicators.forEach((measure, at) => {
      const link = typeof measure === 'string' ? { indicator: measure, role: 'OWN' as const } : measure;
      const row = indicator(link.indicator, `${path}.indicators.${at}`);
      if (row)
        context.rows.relation_indicator.push({
          relation_id: id,
          indicator_id: row.id,
          position: at,
          role: link.role,
          shared: 'shared' in link && link.shared ? 1 : 0,
        });
    });
  });
  checkShared(context, file);
  seed.sameAs.forEach((link, position) => {
    const [a, b] = link.indicators.map((ref, at) => indicator(ref, `sameAs.${position}.indicators.${at}`));
    if (!a || !b) return;
    if (a.id === b.id) context.fail(file, `sameAs.${position}`, 'an indicator is the same as itself');
    const [subject, otherSubject] = link.subjects ?? [null, null];
    context.rows.same_as.push({
      id: context.nextId('same_as'),
      indicator_id: a.id,
      subject,
      other_indicator_id: b.id,
      other_subject: otherSubject,
      note: link.note,
    });
  });
}

/**
 * A figure is `shared` exactly when it is attached to more than one relation: then each of them marks it so
 * (a sum over edges counts it once); a `shared` mark on a figure of one relation alone is a seed error.
 */
function checkShared(context: BuildContext, file: string): void {
  const links = new Map<number, { relation_id: number; shared: number }[]>();
  for (const link of context.rows.relation_indicator)
    links.set(link.indicator_id, [...(links.get(link.indicator_id) ?? []), link]);
  const indicatorKey = new Map(context.rows.indicator.map((row) => [row.id, row.key]));
  for (const [indicatorId, list] of links) {
    const edges = new Set(list.map((link) => link.relation_id));
    const marked = list.filter((link) => link.shared === 1).length;
    const key = indicatorKey.get(indicatorId) ?? String(indicatorId);
    if (edges.size > 1 && marked !== list.length)
      context.fail(
        file,
        'relations',
        `indicator ${key} is attached to ${edges.size} relations: mark it shared on each`,
      );
    if (edges.size === 1 && marked > 0)
      context.fail(file, 'relations', `indicator ${key} is marked shared but only one relation carries it`);
  }
}
