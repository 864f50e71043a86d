import type { IndicatorTable, ObservationTable, ReportedChangeTable } from '../../server/db/database';
import type { Unit } from '../../server/domain/vocabulary';
import { BuildContext } from '../../server/ingest/build-context';
import type { NoteClaim } from '../../server/ingest/build-voorzieningen';
import { parseCell } from '../../server/ingest/parse-cell';

/**
 * A small dataset in the making, for the discrepancy finders: voorzieningen, indicators, printed cells and
 * changes added one by one (ids as the ingest gives them), in a {@link BuildContext} over 2017–2019.
 */
export class DiscrepancyFixture {
  readonly context = new BuildContext([2017, 2018, 2019]);

  /** Adds a voorziening; `abbreviation` null names it by its name. */
  voorziening(name: string, abbreviation: string | null = null): number {
    const id = this.context.nextId('voorziening');
    this.context.rows.voorziening.push({
      id,
      code: name.toLowerCase().replace(/\W+/g, '-'),
      abbreviation,
      name,
      name_en: name,
      kind: 'REGISTRATIE',
      domain_id: 1,
      section_id: 1,
      parent_id: null,
      description: null,
      description_en: null,
      description_section_id: null,
      description_url: null,
      description_url_title: null,
      responsible: null,
      law: null,
      position: id,
      search_text: name.toLowerCase(),
    });
    return id;
  }

  /** Adds an indicator (a table row) of a voorziening. */
  indicator(voorzieningId: number, name: string, unit: Unit = 'COUNT'): IndicatorTable {
    const id = this.context.nextId('indicator');
    const row: IndicatorTable = {
      id,
      voorziening_id: voorzieningId,
      key: `indicator-${id}`,
      name,
      name_en: name,
      source_label: name,
      unit,
      section_id: 1,
      table_caption: null,
      change_kind: 'RELATIVE',
      change_from: 2018,
      change_to: 2019,
      position: id,
      search_text: name.toLowerCase(),
    };
    this.context.rows.indicator.push(row);
    return row;
  }

  /** Adds a printed cell of an indicator for a year (a breakdown member when `subject` is given). */
  cell(
    indicator: IndicatorTable,
    year: number,
    raw: string,
    options: { subject?: string; total?: boolean; noteId?: number; yearInferred?: boolean } = {},
  ): ObservationTable {
    const parsed = parseCell(raw);
    const row: ObservationTable = {
      id: this.context.nextId('observation'),
      indicator_id: indicator.id,
      year,
      subject: options.subject ?? null,
      subject_en: options.subject ?? null,
      subject_position: 0,
      is_total: options.total ? 1 : 0,
      value: parsed.value,
      raw: parsed.raw,
      qualifier: parsed.qualifier,
      note_id: options.noteId ?? null,
      year_inferred: options.yearInferred ? 1 : 0,
      parts_incomplete: 0,
      caveat: null,
    };
    this.context.rows.observation.push(row);
    return row;
  }

  /** Adds the cells of an indicator for 2017, 2018 and 2019 (null: no cell that year). */
  cells(indicator: IndicatorTable, raws: (string | null)[], subject?: string): void {
    raws.forEach((raw, at) => {
      if (raw !== null) this.cell(indicator, 2017 + at, raw, { subject });
    });
  }

  /** Adds a printed change of an indicator (from 2018 to 2019 unless told). */
  change(
    indicator: IndicatorTable,
    raw: string,
    options: { kind?: 'RELATIVE' | 'DIFFERENCE'; from?: number; to?: number; subject?: string } = {},
  ): ReportedChangeTable {
    const parsed = parseCell(raw);
    const row: ReportedChangeTable = {
      id: this.context.nextId('reported_change'),
      indicator_id: indicator.id,
      subject: options.subject ?? null,
      raw: parsed.raw,
      value: parsed.value,
      qualifier: parsed.qualifier === 'NOT_AVAILABLE' ? 'UNCHANGED' : parsed.qualifier,
      decimals: parsed.decimals,
      kind: options.kind ?? 'RELATIVE',
      from_year: options.from ?? 2018,
      to_year: options.to ?? 2019,
    };
    this.context.rows.reported_change.push(row);
    return row;
  }

  /** Links two indicators (or subjects of them) as counting the same. */
  sameAs(a: IndicatorTable, b: IndicatorTable, subjects: { a?: string; b?: string } = {}): number {
    const id = this.context.nextId('same_as');
    this.context.rows.same_as.push({
      id,
      indicator_id: a.id,
      subject: subjects.a ?? null,
      other_indicator_id: b.id,
      other_subject: subjects.b ?? null,
      note: 'counts the same',
    });
    return id;
  }

  /** A note's claim about an indicator's figure. */
  claim(
    indicator: IndicatorTable,
    year: number,
    raw: string,
    options: Partial<Pick<NoteClaim, 'kind' | 'rounded' | 'subject' | 'noteId'>> = {},
  ): NoteClaim {
    return {
      file: 'voorzieningen/test.yaml',
      noteId: options.noteId ?? 1,
      indicatorId: indicator.id,
      year,
      subject: options.subject ?? null,
      raw,
      kind: options.kind ?? 'MENTION',
      rounded: options.rounded ?? false,
    };
  }

  /** The discrepancies recorded so far, each with its observations' raw cells and roles. */
  found(): {
    kind: string;
    year: number | null;
    indicator: number;
    description: string;
    figures: string[];
    confidence: string;
  }[] {
    const { rows } = this.context;
    const raw = new Map(rows.observation.map((o) => [o.id, o.raw]));
    return rows.discrepancy.map((d) => ({
      kind: d.kind,
      year: d.year,
      indicator: d.indicator_id,
      description: d.description,
      confidence: d.confidence,
      figures: rows.discrepancy_observation
        .filter((link) => link.discrepancy_id === d.id)
        .sort((x, y) => x.position - y.position)
        .map((link) => `${link.role} ${raw.get(link.observation_id)}`),
    }));
  }
}
