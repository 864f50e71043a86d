import { sql, type Kysely } from 'kysely';

/** The tables, their keys and the indexes the API's lookups use. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = (t: string) => db.schema.createTable(t).addColumn('id', 'integer', (c) => c.primaryKey());
  await id('edition')
    .addColumn('year', 'integer', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('reference_date', 'text', (c) => c.notNull())
    .addColumn('years', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await id('section')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('heading', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('appendix', 'text')
    .addColumn('parent_id', 'integer', (c) => c.references('section.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('start_line', 'integer', (c) => c.notNull())
    .addColumn('end_line', 'integer', (c) => c.notNull())
    .execute();
  await id('domain')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('appendix', 'text', (c) => c.notNull())
    .addColumn('section_id', 'integer', (c) => c.notNull().references('section.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await id('voorziening')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('abbreviation', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('domain_id', 'integer', (c) => c.notNull().references('domain.id'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('section.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('voorziening.id'))
    .addColumn('description', 'text')
    .addColumn('description_en', 'text')
    .addColumn('description_section_id', 'integer', (c) => c.references('section.id'))
    .addColumn('description_url', 'text')
    .addColumn('description_url_title', 'text')
    .addColumn('responsible', 'text')
    .addColumn('law', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .execute();
  await id('indicator')
    .addColumn('voorziening_id', 'integer', (c) => c.notNull().references('voorziening.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('source_label', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('section_id', 'integer', (c) => c.notNull().references('section.id'))
    .addColumn('table_caption', 'text')
    .addColumn('change_kind', 'text', (c) => c.notNull())
    .addColumn('change_from', 'integer', (c) => c.notNull())
    .addColumn('change_to', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicator_voorziening_key', ['voorziening_id', 'key'])
    .execute();
  await id('note')
    .addColumn('voorziening_id', 'integer', (c) => c.notNull().references('voorziening.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('heading', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text')
    .addColumn('section_id', 'integer', (c) => c.notNull().references('section.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('note_voorziening_key', ['voorziening_id', 'key'])
    .execute();
  await id('observation')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('subject_en', 'text')
    .addColumn('subject_position', 'integer', (c) => c.notNull())
    .addColumn('is_total', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('qualifier', 'text', (c) => c.notNull())
    .addColumn('note_id', 'integer', (c) => c.references('note.id'))
    .addColumn('year_inferred', 'integer', (c) => c.notNull())
    .addColumn('parts_incomplete', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('caveat', 'text')
    .execute();
  await id('reported_change')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('subject', 'text')
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('qualifier', 'text', (c) => c.notNull())
    .addColumn('decimals', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_year', 'integer', (c) => c.notNull())
    .addColumn('to_year', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('note_indicator')
    .addColumn('note_id', 'integer', (c) => c.notNull().references('note.id'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addPrimaryKeyConstraint('note_indicator_pk', ['note_id', 'indicator_id'])
    .execute();
  await id('correction')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('previous_raw', 'text')
    .addColumn('previous_value', 'double precision')
    .addColumn('raw', 'text')
    .addColumn('value', 'double precision')
    .addColumn('note_id', 'integer', (c) => c.notNull().references('note.id'))
    .execute();
  await id('relation')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_id', 'integer', (c) => c.notNull().references('voorziening.id'))
    .addColumn('to_id', 'integer', (c) => c.notNull().references('voorziening.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text')
    .addColumn('source_section_id', 'integer', (c) => c.references('section.id'))
    .addColumn('source_url', 'text')
    .addColumn('source_title', 'text')
    .addColumn('provenance', 'text', (c) => c.notNull())
    .addColumn('source_lines', 'text')
    .addColumn('source_quote', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('relation_indicator')
    .addColumn('relation_id', 'integer', (c) => c.notNull().references('relation.id'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('shared', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('relation_indicator_pk', ['relation_id', 'indicator_id'])
    .execute();
  await id('same_as')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('subject', 'text')
    .addColumn('other_indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('other_subject', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();
  await id('measure')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await id('measure_indicator')
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('measure.id'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().unique().references('indicator.id'))
    .addColumn('counted', 'integer', (c) => c.notNull())
    .addColumn('excluded_because', 'text')
    .addColumn('repeats_indicator_id', 'integer', (c) => c.references('indicator.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await id('discrepancy')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('printed_change', 'double precision')
    .addColumn('printed_change_raw', 'text')
    .addColumn('computed_change', 'double precision')
    .addColumn('note_id', 'integer', (c) => c.references('note.id'))
    .addColumn('same_as_id', 'integer', (c) => c.references('same_as.id'))
    .addColumn('claim_id', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text')
    .execute();
  await db.schema
    .createTable('discrepancy_observation')
    .addColumn('discrepancy_id', 'integer', (c) => c.notNull().references('discrepancy.id'))
    .addColumn('observation_id', 'integer', (c) => c.notNull().references('observation.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('prose_figure')
    .addColumn('observation_id', 'integer', (c) => c.primaryKey().references('observation.id'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('section.id'))
    .addColumn('from_line', 'integer', (c) => c.notNull())
    .addColumn('to_line', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await id('claim')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('section_id', 'integer', (c) => c.notNull().references('section.id'))
    .addColumn('from_line', 'integer', (c) => c.notNull())
    .addColumn('to_line', 'integer', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('printed', 'text', (c) => c.notNull())
    .addColumn('printed_value', 'double precision')
    .addColumn('printed_upper', 'double precision')
    .addColumn('precision', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('direction', 'text')
    .addColumn('years', 'text', (c) => c.notNull())
    .addColumn('computed_value', 'double precision')
    .addColumn('computed_is_lower_bound', 'integer', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('claim_indicator')
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('claim.id'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('claim_indicator_pk', ['claim_id', 'indicator_id'])
    .execute();
  await db.schema
    .createTable('claim_observation')
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('claim.id'))
    .addColumn('observation_id', 'integer', (c) => c.notNull().references('observation.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('claim_observation_pk', ['claim_id', 'observation_id'])
    .execute();
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  const index = (name: string, table: string, columns: string[]) =>
    db.schema.createIndex(name).on(table).columns(columns).execute();
  await index('voorziening_domain', 'voorziening', ['domain_id']);
  await index('voorziening_kind', 'voorziening', ['kind', 'position']);
  await index('voorziening_parent', 'voorziening', ['parent_id']);
  await index('indicator_voorziening', 'indicator', ['voorziening_id', 'position']);
  await index('observation_indicator', 'observation', ['indicator_id', 'subject_position', 'year']);
  await index('observation_year', 'observation', ['year']);
  await sql`create unique index observation_cell on observation (indicator_id, coalesce(subject, ''), year)`.execute(
    db,
  );
  await index('reported_change_indicator', 'reported_change', ['indicator_id']);
  await index('note_voorziening', 'note', ['voorziening_id', 'position']);
  await index('note_indicator_indicator', 'note_indicator', ['indicator_id']);
  await index('correction_indicator', 'correction', ['indicator_id']);
  await index('relation_from', 'relation', ['from_id', 'kind']);
  await index('relation_to', 'relation', ['to_id', 'kind']);
  await index('relation_indicator_indicator', 'relation_indicator', ['indicator_id']);
  await index('same_as_indicator', 'same_as', ['indicator_id']);
  await index('same_as_other', 'same_as', ['other_indicator_id']);
  await index('measure_indicator_measure', 'measure_indicator', ['measure_id', 'position']);
  await index('discrepancy_indicator', 'discrepancy', ['indicator_id']);
  await index('discrepancy_kind', 'discrepancy', ['kind']);
  await index('discrepancy_observation_discrepancy', 'discrepancy_observation', [
    'discrepancy_id',
    'position',
  ]);
  await index('claim_section', 'claim', ['section_id', 'position']);
  await index('claim_verdict', 'claim', ['verdict', 'position']);
  await index('claim_indicator_indicator', 'claim_indicator', ['indicator_id']);
  await index('claim_observation_observation', 'claim_observation', ['observation_id']);
  await index('discrepancy_claim', 'discrepancy', ['claim_id']);
  await index('discrepancy_observation_observation', 'discrepancy_observation', ['observation_id']);
}
