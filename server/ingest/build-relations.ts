import type { BuildContext } from './build-context';
import type { IndicatorIndex } from './build-indicators';
import type { RelationsSeed } from './seed-schema';

/**
 * Builds the relation rows (typed edges with the indicators that quantify them and their source) and the
 * `sameAs` links, checking that every endpoint and indicator exists.
 */
export function buildRelations(
  context: BuildContext,
  seed: RelationsSeed,
  index: IndicatorIndex,
  file: string,
): void {
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
    const sourceSection =
      'section' in relation.source
        ? context.section(relation.source.section, file, `${path}.source.section`)
        : undefined;
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
      position,
    });
    relation.indicators.forEach((ref, at) => {
      const row = indicator(ref, `${path}.indicators.${at}`);
      if (row) context.rows.relation_indicator.push({ relation_id: id, indicator_id: row.id, position: at });
    });
  });
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
