import type { BuildContext } from './build-context';
import { buildIndicators, type IndicatorIndex } from './build-indicators';
import type { VoorzieningFile } from './load-seeds';
import { parseCell } from './parse-cell';
import { foldText } from '../domain/fold-text';

/** The mentions and corrections found in notes, kept for the discrepancy checks. */
export interface NoteClaim {
  file: string;
  noteId: number;
  indicatorId: number;
  year: number;
  subject: string | null;
  raw: string;
  /** `CORRECTION` when the note restates the figure, `MENTION` when it names it. */
  kind: 'CORRECTION' | 'MENTION';
  /** The text rounds the figure: compare it as approximate. */
  rounded: boolean;
}

/**
 * Builds the voorziening rows (with their notes, indicators and corrections) of every voorziening file,
 * checking domains, sections, parents, and that descriptions and notes occur in the source.
 */
export function buildVoorzieningen(
  context: BuildContext,
  files: VoorzieningFile[],
  index: IndicatorIndex,
): NoteClaim[] {
  const domains = new Map(context.rows.domain.map((domain) => [domain.code, domain.id]));
  const ids = new Map(files.map(({ seed }) => [seed.code, context.nextId('voorziening')]));
  const claims: NoteClaim[] = [];
  files.forEach(({ file, seed }, position) => {
    const id = ids.get(seed.code)!;
    const domainId = domains.get(seed.domain);
    if (domainId === undefined)
      context.fail(
        file,
        'domain',
        `unknown domain "${seed.domain}"; known domains: ${[...domains.keys()].join(', ')}`,
      );
    const section = context.section(seed.section, file, 'section');
    const parentId = seed.parent === undefined ? null : ids.get(seed.parent);
    if (parentId === undefined) context.fail(file, 'parent', `unknown voorziening "${seed.parent}"`);
    const description = seed.description;
    let descriptionSectionId: number | null = null;
    if (description && 'section' in description) {
      const where = context.section(description.section, file, 'description.section');
      descriptionSectionId = where?.row.id ?? null;
      if (where && !where.located.text.includes(foldText(description.text, 'source'))) {
        context.fail(file, 'description.text', `does not occur in section ${description.section}`);
      }
    }
    context.rows.voorziening.push({
      id,
      code: seed.code,
      abbreviation: seed.abbreviation ?? null,
      name: seed.name,
      name_en: seed.nameEn,
      kind: seed.kind,
      domain_id: domainId ?? 0,
      section_id: section?.row.id ?? 0,
      parent_id: parentId ?? null,
      description: description?.text.trim() ?? null,
      description_en: description?.en?.trim() ?? null,
      description_section_id: descriptionSectionId,
      description_url: description && 'url' in description ? description.url : null,
      description_url_title: description && 'url' in description ? (description.title ?? null) : null,
      responsible: seed.responsible ?? null,
      law: seed.law ?? null,
      position,
      search_text: foldText(`${seed.code} ${seed.abbreviation ?? ''} ${seed.name} ${seed.nameEn}`, 'search'),
    });

    const notes = new Map<string, { id: number; text: string }>();
    seed.notes.forEach((note, at) => {
      const path = `notes.${at}`;
      if (notes.has(note.key)) context.fail(file, `${path}.key`, `duplicate note key "${note.key}"`);
      const noteSection = context.section(
        note.section ?? seed.section,
        file,
        note.section ? `${path}.section` : 'section',
      );
      if (noteSection && !noteSection.located.text.includes(foldText(note.text, 'source'))) {
        context.fail(file, `${path}.text`, `does not occur in section ${noteSection.row.code}`);
      }
      const noteId = context.nextId('note');
      notes.set(note.key, { id: noteId, text: note.text });
      context.rows.note.push({
        id: noteId,
        voorziening_id: id,
        key: note.key,
        heading: note.heading ?? null,
        text: note.text.trim(),
        text_en: note.en?.trim() ?? null,
        section_id: noteSection?.row.id ?? 0,
        position: at,
      });
    });

    buildIndicators(context, { file, seed }, id, notes, index);
    const indicatorId = (key: string, path: string) => {
      const found = index.get(`${seed.code}/${key}`);
      if (!found) context.fail(file, path, `unknown indicator "${key}" in ${seed.code}`);
      return found?.id;
    };

    seed.notes.forEach((note, at) => {
      const noteId = notes.get(note.key)!.id;
      new Set(note.indicators).forEach((key) => {
        const indicator = indicatorId(key, `notes.${at}.indicators`);
        if (indicator !== undefined)
          context.rows.note_indicator.push({ note_id: noteId, indicator_id: indicator });
      });
      note.mentions.forEach((mention, m) => {
        const path = `notes.${at}.mentions.${m}`;
        const indicator = indicatorId(mention.indicator, `${path}.indicator`);
        if (!context.checkYear(mention.year, file, `${path}.year`) || indicator === undefined) return;
        if (!foldText(note.text, 'source').includes(foldText(mention.raw, 'source')))
          context.fail(file, `${path}.raw`, `"${mention.raw}" does not occur in the note`);
        claims.push({
          file,
          noteId,
          indicatorId: indicator,
          year: mention.year,
          subject: mention.subject ?? null,
          raw: mention.raw,
          kind: 'MENTION',
          rounded: mention.rounded ?? false,
        });
      });
    });

    seed.corrections.forEach((correction, at) => {
      const path = `corrections.${at}`;
      const indicator = indicatorId(correction.indicator, `${path}.indicator`);
      const note = notes.get(correction.note);
      if (!note) context.fail(file, `${path}.note`, `unknown note "${correction.note}"`);
      if (!context.checkYear(correction.year, file, `${path}.year`) || indicator === undefined || !note)
        return;
      for (const field of ['previous', 'value'] as const) {
        const raw = correction[field];
        if (raw !== undefined && !foldText(note.text, 'source').includes(raw))
          context.fail(file, `${path}.${field}`, `"${raw}" does not occur in note ${correction.note}`);
      }
      const previous = correction.previous === undefined ? null : parseCell(correction.previous);
      const value = correction.value === undefined ? null : parseCell(correction.value);
      context.rows.correction.push({
        id: context.nextId('correction'),
        indicator_id: indicator,
        year: correction.year,
        previous_raw: previous?.raw ?? null,
        previous_value: previous?.value ?? null,
        raw: value?.raw ?? null,
        value: value?.value ?? null,
        note_id: note.id,
      });
      if (correction.value !== undefined) {
        claims.push({
          file,
          noteId: note.id,
          indicatorId: indicator,
          year: correction.year,
          subject: null,
          raw: correction.value,
          kind: 'CORRECTION',
          rounded: false,
        });
      }
    });
  });
  return claims;
}
