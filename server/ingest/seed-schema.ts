import { z } from 'zod';
import {
  CHANGE_KINDS,
  DISCREPANCY_CONFIDENCES,
  DISCREPANCY_KINDS,
  RELATION_MEASURE_ROLES,
  RELATION_KINDS,
  UNITS,
  VOORZIENING_KINDS,
} from '../domain/vocabulary';

/** A printed cell, as a YAML string (numbers are refused so that `1.023` is never read as 1.023). */
const cell = z.string().min(1, 'a cell is a non-empty string as printed');
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, -)');
const yearKey = z.string().regex(/^\d{4}$/, 'must be a year');
/** Cells by year, e.g. `{ 2017: '623', 2018: '647' }`. */
const values = z.record(yearKey, cell);
/** Line numbers of the monitor's text (`seeds/source/…`) that a statement rests on: `'286'`, `'1681-1703'`. */
const sourceLines = z
  .string()
  .regex(/^\d+(?:-\d+)?(?:, ?\d+(?:-\d+)?)*$/, 'must be line numbers: `12`, `12-14, 20`');
const indicatorRef = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must be `<voorziening>/<indicator key>`');

/** Where a text comes from: a section of the monitor, or an outside source with its URL. */
const sourceRef = z.union([
  z.object({ section: slug }).strict(),
  z.object({ url: z.url(), title: z.string().optional() }).strict(),
]);

const subjectSeed = z
  .object({
    subject: z.string().min(1),
    subjectEn: z.string().min(1),
    total: z.boolean().optional(),
    fromNote: slug.optional(),
    /** False when the source prints the figures without their year (it is then inferred). */
    yearPrinted: z.boolean().optional(),
    values,
    change: cell.optional(),
  })
  .strict();

const indicatorSeed = z
  .object({
    key: slug,
    label: z.string().min(1),
    name: z.string().min(1).optional(),
    nameEn: z.string().min(1),
    unit: z.enum(UNITS),
    section: slug.optional(),
    table: z.string().min(1).optional(),
    changeKind: z.enum(CHANGE_KINDS).optional(),
    values: values.optional(),
    change: z.union([cell, z.array(cell).min(2)]).optional(),
    subjects: z.array(subjectSeed).min(1).optional(),
    /**
     * A qualifier the text gives a cell that the cell itself does not show, by year, with the lines that give
     * it: `2019: { qualifier: APPROXIMATE, lines: '229-231' }` where the summary calls the cell's `900.000`
     * "ruim 900.000".
     */
    qualifiers: z
      .record(yearKey, z.object({ qualifier: z.enum(['APPROXIMATE']), lines: sourceLines }).strict())
      .optional(),
  })
  .strict()
  .refine((row) => row.values !== undefined || row.subjects !== undefined, {
    message: 'an indicator needs `values` or `subjects`',
  });

const noteSeed = z
  .object({
    key: slug,
    heading: z.string().min(1).optional(),
    text: z.string().min(1),
    en: z.string().min(1).optional(),
    section: slug.optional(),
    indicators: z.array(slug).default([]),
    mentions: z
      .array(
        z
          .object({
            indicator: slug,
            year: z.number().int(),
            raw: cell,
            subject: z.string().optional(),
            /** The text rounds the figure without saying so (`6400` for 6.395). */
            rounded: z.boolean().optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

const correctionSeed = z
  .object({
    indicator: slug,
    year: z.number().int(),
    previous: cell.optional(),
    value: cell.optional(),
    note: slug,
  })
  .strict();

/** One `seeds/voorzieningen/<code>.yaml` file. */
export const voorzieningSeed = z
  .object({
    code: slug,
    abbreviation: z.string().min(1).optional(),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    kind: z.enum(VOORZIENING_KINDS),
    domain: slug,
    section: slug,
    parent: slug.optional(),
    responsible: z.string().min(1).optional(),
    law: z.string().min(1).optional(),
    description: z
      .object({ text: z.string().min(1), en: z.string().min(1).optional() })
      .and(sourceRef)
      .optional(),
    indicators: z.array(indicatorSeed).default([]),
    notes: z.array(noteSeed).default([]),
    corrections: z.array(correctionSeed).default([]),
  })
  .strict();

/** `seeds/sections.yaml`. */
export const sectionsSeed = z.array(
  z
    .object({
      code: slug,
      heading: z.string().min(1),
      title: z.string().min(1).optional(),
      number: z.string().optional(),
      appendix: z.enum(['A', 'B', 'C', 'D']).optional(),
      parent: slug.optional(),
    })
    .strict(),
);

/** `seeds/editions.yaml`. */
export const editionsSeed = z
  .array(
    z
      .object({
        year: z.number().int(),
        title: z.string().min(1),
        titleEn: z.string().min(1),
        referenceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
        years: z.array(z.number().int()).min(1),
        source: z.string().min(1),
      })
      .strict(),
  )
  .length(1, 'the dataset holds exactly one edition');

/** `seeds/domains.yaml`. */
export const domainsSeed = z.array(
  z
    .object({
      code: slug,
      name: z.string().min(1),
      nameEn: z.string().min(1),
      appendix: z.enum(['A', 'B', 'C', 'D']),
      section: slug,
    })
    .strict(),
);

/**
 * Where a relation is stated: the monitor (its section, the lines `1627` or `1627-1629`, and the words in
 * them that state it), or an outside source with its URL.
 */
const relationSource = z.union([
  z
    .object({
      section: slug,
      lines: z.string().regex(/^\d+(?:-\d+)?$/, 'must be a line (`1665`) or a range of lines (`1627-1629`)'),
      quote: z.string().min(1),
    })
    .strict(),
  z.object({ url: z.url(), title: z.string().optional() }).strict(),
]);

/**
 * A figure attached to a relation: its indicator alone (this edge's own channel) or with its role and
 * whether other edges share it.
 */
const relationMeasure = z.union([
  indicatorRef,
  z
    .object({
      indicator: indicatorRef,
      role: z.enum(RELATION_MEASURE_ROLES).default('OWN'),
      shared: z.boolean().optional(),
    })
    .strict(),
]);

/** `seeds/relations.yaml`. */
export const relationsSeed = z
  .object({
    relations: z.array(
      z
        .object({
          kind: z.enum(RELATION_KINDS),
          from: slug,
          to: slug,
          description: z.string().min(1),
          descriptionEn: z.string().min(1).optional(),
          indicators: z.array(relationMeasure).default([]),
          source: relationSource,
        })
        .strict(),
    ),
    sameAs: z
      .array(
        z
          .object({
            indicators: z.tuple([indicatorRef, indicatorRef]),
            /** The breakdown subject of each side (null: the row itself). */
            subjects: z.tuple([z.string().nullable(), z.string().nullable()]).optional(),
            note: z.string().min(1),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

/** `seeds/totals.yaml`. */
export const totalsSeed = z.array(
  z
    .object({
      total: indicatorRef,
      parts: z.array(indicatorRef).min(2),
      note: z.string().min(1),
      /** How sure it is that the total is the sum of the parts; BY_LABEL when omitted. */
      confidence: z.enum(DISCREPANCY_CONFIDENCES).optional(),
      /** Why a mismatch of this total arises, where known (shown on its discrepancies). */
      explanation: z.string().min(1).optional(),
      /**
       * Parts whose blank cells mean 0 because the text says the channel did not exist yet (otherwise a blank or
       * `-` part is not reported and the sum is not checked), with the lines that say so.
       */
      blankIsZero: z
        .object({ parts: z.array(indicatorRef).min(1), lines: sourceLines })
        .strict()
        .optional(),
    })
    .strict(),
);

/**
 * `seeds/certainty.yaml`: how sure the dataset is of what the monitor does not state itself: the confidence of
 * each `sameAs` link, and the explanations of discrepancies that the seeds know, each with its source lines.
 */
export const certaintySeed = z
  .object({
    sameAs: z
      .array(
        z
          .object({
            indicators: z.tuple([indicatorRef, indicatorRef]),
            confidence: z.enum(DISCREPANCY_CONFIDENCES),
            lines: sourceLines,
          })
          .strict(),
      )
      .default([]),
    explanations: z
      .array(
        z
          .object({
            kind: z.enum(DISCREPANCY_KINDS),
            indicator: indicatorRef,
            /** The years it explains; every year when omitted. */
            years: z.array(z.number().int()).min(1).optional(),
            text: z.string().min(1),
            lines: sourceLines,
          })
          .strict(),
      )
      .default([]),
    /** What a row's figures include that their label does not say, as a caveat on its cells. */
    caveats: z
      .array(
        z
          .object({
            indicator: indicatorRef,
            /** The years it concerns; every year when omitted. */
            years: z.array(z.number().int()).min(1).optional(),
            text: z.string().min(1),
            lines: sourceLines,
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

/**
 * `seeds/measures.yaml`: indicators grouped by what they measure, in priority order (see the file's header for
 * the de-duplication rules).
 */
export const measuresSeed = z.array(
  z
    .object({
      code: z.string().regex(/^[a-z0-9-]+$/, 'must be a lowercase slug'),
      name: z.string().min(1),
      nameEn: z.string().min(1),
      description: z.string().min(1),
      descriptionEn: z.string().min(1),
      indicators: z.array(indicatorRef).min(1),
    })
    .strict(),
);

export type VoorzieningSeed = z.infer<typeof voorzieningSeed>;
export type IndicatorSeed = z.infer<typeof indicatorSeed>;
export type SubjectSeed = z.infer<typeof subjectSeed>;
export type NoteSeed = z.infer<typeof noteSeed>;
export type SectionSeed = z.infer<typeof sectionsSeed>[number];
export type EditionSeed = z.infer<typeof editionsSeed>[number];
export type DomainSeed = z.infer<typeof domainsSeed>[number];
export type RelationsSeed = z.infer<typeof relationsSeed>;
export type TotalSeed = z.infer<typeof totalsSeed>[number];
export type CertaintySeed = z.infer<typeof certaintySeed>;
export type MeasureSeed = z.infer<typeof measuresSeed>[number];
