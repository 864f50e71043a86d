import type { IndicatorTable } from '../db/database';
import { foldText } from '../domain/fold-text';
import type { BuildContext } from './build-context';
import type { IndicatorIndex } from './build-indicators';
import type { ProseFactSeed } from './claim-seed-schema';
import { parseCell } from './parse-cell';
import { parseLines, type SourceLines } from './source-lines';

/**
 * Builds the quantities the monitor states only in prose (`seeds/prose.yaml`): each an indicator of its
 * voorziening, after its table rows, whose observations are linked to the lines that state them
 * (`prose_figure`), so they are never taken for table cells. Checks that the voorziening exists, the key is new,
 * the label occurs in the section, and each figure's words occur at its lines within it.
 */
export function buildProse(
  context: BuildContext,
  facts: ProseFactSeed[],
  index: IndicatorIndex,
  source: SourceLines,
  file: string,
): void {
  const voorzieningen = new Map(context.rows.voorziening.map((row) => [row.code, row.id]));
  facts.forEach((fact, at) => {
    const path = `facts.${at}`;
    const voorzieningId = voorzieningen.get(fact.voorziening);
    if (voorzieningId === undefined) {
      context.fail(file, `${path}.voorziening`, `unknown voorziening "${fact.voorziening}"`);
      return;
    }
    if (index.has(`${fact.voorziening}/${fact.key}`)) {
      context.fail(file, `${path}.key`, `${fact.voorziening} already has an indicator "${fact.key}"`);
      return;
    }
    const section = context.section(fact.section, file, `${path}.section`);
    if (!section) return;
    if (!section.located.text.includes(foldText(fact.label, 'source')))
      context.fail(file, `${path}.label`, `"${fact.label}" does not occur in section ${fact.section}`);
    const [from, to] = context.years.slice(-2) as [number, number];
    const position =
      1 +
      Math.max(
        -1,
        ...context.rows.indicator.filter((i) => i.voorziening_id === voorzieningId).map((i) => i.position),
      );
    const row: IndicatorTable = {
      id: context.nextId('indicator'),
      voorziening_id: voorzieningId,
      key: fact.key,
      name: fact.label,
      name_en: fact.nameEn,
      source_label: fact.label,
      unit: fact.unit,
      section_id: section.row.id,
      table_caption: null,
      change_kind: 'RELATIVE',
      change_from: from,
      change_to: to,
      position,
      search_text: foldText(`${fact.label} ${fact.nameEn}`, 'search'),
    };
    context.rows.indicator.push(row);
    index.set(`${fact.voorziening}/${fact.key}`, row);
    const subjects = [...new Set(fact.figures.map((figure) => figure.subject ?? null))];
    fact.figures.forEach((figure, figureAt) => {
      const figurePath = `${path}.figures.${figureAt}`;
      context.checkYear(figure.year, file, `${figurePath}.year`);
      const range = parseLines(figure.lines);
      if (!range) {
        context.fail(file, `${figurePath}.lines`, `"${figure.lines}" runs backwards`);
        return;
      }
      const problem = source.problem(figure.raw, range, section);
      if (problem) context.fail(file, `${figurePath}.raw`, problem);
      const cell = parseCell(figure.raw);
      if (cell.value === null && figure.value === undefined)
        context.fail(file, `${figurePath}.value`, `"${figure.raw}" holds no figure: give its value`);
      const observationId = context.nextId('observation');
      context.rows.observation.push({
        id: observationId,
        indicator_id: row.id,
        year: figure.year,
        subject: figure.subject ?? null,
        subject_en: figure.subjectEn ?? figure.subject ?? null,
        subject_position: figure.subject ? subjects.indexOf(figure.subject) + 1 : 0,
        is_total: 0,
        value: cell.value ?? figure.value ?? null,
        raw: cell.raw,
        qualifier: cell.value === null ? 'EXACT' : cell.qualifier,
        note_id: null,
        year_inferred: figure.yearPrinted === false ? 1 : 0,
        parts_incomplete: 0,
        caveat: null,
      });
      context.rows.prose_figure.push({
        observation_id: observationId,
        section_id: section.row.id,
        from_line: range.from,
        to_line: range.to,
        text: source.text(range),
      });
    });
  });
}
