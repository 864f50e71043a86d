import type { IndicatorTable } from '../db/database';
import type { BuildContext, SectionEntry } from './build-context';
import { rowOccurs } from './check-row';
import type { VoorzieningFile } from './load-seeds';
import { parseCell, type ParsedCell } from './parse-cell';
import type { IndicatorSeed } from './seed-schema';
import { changeNotComputedBecause } from '../domain/compute-change';
import { foldText } from '../domain/fold-text';
import { findToken } from './source-text';

/** Where an indicator's rows were built: the ids later steps look up by `voorziening/key`. */
export type IndicatorIndex = Map<string, IndicatorTable>;

/** Cells by year, in the edition's year order. */
function cellsByYear(values: Record<string, string> | undefined, years: number[]): [number, string][] {
  return years.filter((year) => values?.[year] !== undefined).map((year) => [year, values![year]!]);
}

/**
 * Builds the indicator, observation and reported-change rows of one voorziening file, checking every cell
 * against the source: the row label followed by its cells and printed change, in order, in its section.
 */
export function buildIndicators(
  context: BuildContext,
  { file, seed }: VoorzieningFile,
  voorzieningId: number,
  noteIds: Map<string, { id: number; text: string }>,
  index: IndicatorIndex,
): void {
  const seen = new Map<string, number>();
  seed.indicators.forEach((indicator, position) => {
    const path = `indicators.${position}`;
    const earlier = seen.get(indicator.key);
    if (earlier !== undefined) {
      context.fail(
        file,
        `${path}.key`,
        `duplicate indicator key "${indicator.key}" (also indicators.${earlier})`,
      );
      return;
    }
    seen.set(indicator.key, position);
    const section = context.section(
      indicator.section ?? seed.section,
      file,
      indicator.section ? `${path}.section` : 'section',
    );
    if (!section) return;
    const [from, to] = context.years.slice(-2) as [number, number];
    const row: IndicatorTable = {
      id: context.nextId('indicator'),
      voorziening_id: voorzieningId,
      key: indicator.key,
      name: indicator.name ?? indicator.label,
      name_en: indicator.nameEn,
      source_label: indicator.label,
      unit: indicator.unit,
      section_id: section.row.id,
      table_caption: indicator.table ?? null,
      change_kind: indicator.changeKind ?? 'RELATIVE',
      change_from: from,
      change_to: to,
      position,
      search_text: foldText(`${indicator.label} ${indicator.name ?? ''} ${indicator.nameEn}`, 'search'),
    };
    context.rows.indicator.push(row);
    index.set(`${seed.code}/${indicator.key}`, row);
    buildCells(context, file, path, indicator, row, section, noteIds);
  });
}

function parseChecked(
  context: BuildContext,
  file: string,
  path: string,
  raw: string,
  unit: string,
): ParsedCell {
  const cell = parseCell(raw);
  if (cell.qualifier === 'TEXT' && !cell.parts) context.fail(file, path, `cannot read "${raw}" as a figure`);
  const numeric = cell.value !== null;
  if (numeric && cell.percent !== (unit === 'PERCENT')) {
    context.fail(
      file,
      path,
      `"${raw}" is ${cell.percent ? 'a percentage' : 'not a percentage'} but the unit is ${unit}`,
    );
  }
  return cell;
}

function buildCells(
  context: BuildContext,
  file: string,
  path: string,
  indicator: IndicatorSeed,
  row: IndicatorTable,
  section: SectionEntry,
  noteIds: Map<string, { id: number; text: string }>,
): void {
  const text = section.located.text;
  let start = 0;
  if (indicator.table) {
    start = text.indexOf(foldText(indicator.table, 'source'));
    if (start === -1)
      context.fail(
        file,
        `${path}.table`,
        `caption "${indicator.table}" does not occur in section ${section.row.code}`,
      );
  }
  const label = foldText(indicator.label, 'source');
  if (findToken(text, label, Math.max(start, 0)) === -1) {
    context.fail(
      file,
      `${path}.label`,
      `label "${indicator.label}" does not occur in section ${section.row.code}`,
    );
    return;
  }
  const changes =
    indicator.change === undefined
      ? []
      : Array.isArray(indicator.change)
        ? indicator.change
        : [indicator.change];
  if (indicator.values) {
    const cells = cellsByYear(indicator.values, context.years);
    checkYears(context, file, `${path}.values`, indicator.values);
    checkRow(
      context,
      file,
      path,
      text,
      label,
      [...cells.map(([, raw]) => raw), ...changes],
      Math.max(start, 0),
      section.row.code,
    );
    let partLabels: string[] = [];
    for (const year of Object.keys(indicator.qualifiers ?? {})) {
      if (indicator.values[year] === undefined)
        context.fail(file, `${path}.qualifiers.${year}`, `the row has no cell for ${year} to qualify`);
    }
    for (const [year, raw] of cells) {
      const cell = parseChecked(context, file, `${path}.values.${year}`, raw, indicator.unit);
      if (cell.parts) {
        partLabels = cell.parts.map((part) => part.label);
        context.compoundIndicators.add(row.id);
        cell.parts.forEach((part, at) =>
          addObservation(
            context,
            row.id,
            year,
            { subject: part.label, position: at + 1 },
            { ...cell, value: part.value, qualifier: 'EXACT' },
          ),
        );
      } else {
        const qualifier = indicator.qualifiers?.[String(year)]?.qualifier ?? cell.qualifier;
        addObservation(context, row.id, year, { subject: null, position: 0 }, { ...cell, qualifier });
      }
    }
    if (Array.isArray(indicator.change)) {
      if (indicator.change.length !== partLabels.length) {
        context.fail(
          file,
          `${path}.change`,
          `a list of changes needs one per part of the cells (${partLabels.length})`,
        );
      }
      indicator.change.forEach((raw, at) =>
        addChange(context, file, `${path}.change.${at}`, row, partLabels[at] ?? null, raw),
      );
    } else if (indicator.change !== undefined)
      addChange(context, file, `${path}.change`, row, null, indicator.change);
  }
  indicator.subjects?.forEach((subject, position) => {
    const subjectPath = `${path}.subjects.${position}`;
    checkYears(context, file, `${subjectPath}.values`, subject.values);
    const cells = cellsByYear(subject.values, context.years);
    let noteId: number | null = null;
    if (subject.fromNote) {
      const note = noteIds.get(subject.fromNote);
      if (!note) {
        context.fail(file, `${subjectPath}.fromNote`, `unknown note "${subject.fromNote}"`);
        return;
      }
      noteId = note.id;
      const noteText = foldText(note.text, 'source');
      for (const needle of [subject.subject, ...cells.map(([, raw]) => raw)]) {
        if (findToken(noteText, foldText(needle, 'source')) === -1) {
          context.fail(file, subjectPath, `"${needle}" does not occur in note ${subject.fromNote}`);
        }
      }
    } else {
      const items = [...cells.map(([, raw]) => raw), ...(subject.change ? [subject.change] : [])];
      checkRow(
        context,
        file,
        subjectPath,
        text,
        foldText(subject.subject, 'source'),
        items,
        Math.max(start, 0),
        section.row.code,
      );
    }
    for (const [year, raw] of cells) {
      const cell = parseChecked(context, file, `${subjectPath}.values.${year}`, raw, indicator.unit);
      addObservation(
        context,
        row.id,
        year,
        {
          subject: subject.subject,
          subjectEn: subject.subjectEn,
          position: position + 1,
          total: subject.total,
          noteId,
          yearInferred: subject.yearPrinted === false,
        },
        cell,
      );
    }
    if (subject.change)
      addChange(context, file, `${subjectPath}.change`, row, subject.subject, subject.change);
  });
}

function checkYears(context: BuildContext, file: string, path: string, values: Record<string, string>): void {
  for (const year of Object.keys(values)) context.checkYear(Number(year), file, `${path}.${year}`);
}

function checkRow(
  context: BuildContext,
  file: string,
  path: string,
  text: string,
  label: string,
  items: string[],
  from: number,
  sectionCode: string,
): void {
  const folded = items.map((item) => foldText(item, 'source'));
  const missing = folded.find((item) => findToken(text, item, from) === -1);
  if (missing !== undefined) {
    context.fail(file, path, `raw "${missing}" does not occur in section ${sectionCode}`);
  } else if (!rowOccurs(text, label, folded, from)) {
    context.fail(
      file,
      path,
      `section ${sectionCode} has no row "${label}" followed by ${folded.map((i) => `"${i}"`).join(' ')}`,
    );
  }
}

interface SubjectPlace {
  subject: string | null;
  subjectEn?: string;
  position: number;
  total?: boolean;
  noteId?: number | null;
  yearInferred?: boolean;
}

function addObservation(
  context: BuildContext,
  indicatorId: number,
  year: number,
  place: SubjectPlace,
  cell: ParsedCell,
): void {
  context.rows.observation.push({
    id: context.nextId('observation'),
    indicator_id: indicatorId,
    year,
    subject: place.subject,
    subject_en: place.subjectEn ?? place.subject,
    subject_position: place.position,
    is_total: place.total ? 1 : 0,
    value: cell.value,
    raw: cell.raw,
    qualifier: cell.qualifier,
    note_id: place.noteId ?? null,
    year_inferred: place.yearInferred ? 1 : 0,
    parts_incomplete: 0,
    caveat: null,
  });
}

function addChange(
  context: BuildContext,
  file: string,
  path: string,
  row: IndicatorTable,
  subject: string | null,
  raw: string,
): void {
  const parsed = parseCell(raw);
  // In a change column '-' means the figure did not change (the ingest checks that it did not); beside a
  // figure that is a bound (`> 5.000`) no change is known, so there '-' means none is printed.
  const end = (year: number) =>
    context.rows.observation.find(
      (o) => o.indicator_id === row.id && o.subject === subject && o.year === year,
    );
  const [from, to] = [end(row.change_from), end(row.change_to)];
  const bounded = from !== undefined && to !== undefined && changeNotComputedBecause(from, to) !== null;
  const cell =
    parsed.qualifier === 'NOT_AVAILABLE' && !bounded
      ? { ...parsed, qualifier: 'UNCHANGED' as const }
      : parsed;
  if (cell.qualifier === 'TEXT') context.fail(file, path, `cannot read "${raw}" as a change`);
  else if (cell.value !== null && row.change_kind === 'RELATIVE' && !cell.percent) {
    context.fail(file, path, `the change "${raw}" is not a percentage`);
  }
  context.rows.reported_change.push({
    id: context.nextId('reported_change'),
    indicator_id: row.id,
    subject,
    raw: cell.raw,
    value: cell.value,
    qualifier: cell.qualifier,
    decimals: cell.decimals,
    kind: row.change_kind,
    from_year: row.change_from,
    to_year: row.change_to,
  });
}
