import { z } from 'zod';
import { CLAIM_DIRECTIONS, CLAIM_MEASURES, CLAIM_PRECISIONS, UNITS } from '../domain/vocabulary';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, -)');
/** Source lines: one line (`'11'`) or a range where the words wrap (`'11-13'`). */
const lines = z.string().regex(/^\d+(?:-\d+)?$/, "must be a line ('11') or a range of lines ('11-13')");
/**
 * One series a claim refers to: an indicator `<voorziening>/<key>`, a breakdown subject of it
 * (`<voorziening>/<key>@Totaal`), each subject of it on its own (`<voorziening>/<key>@*`), or a sum of such
 * terms (`brp/terugmeldingen-digimelding + brp/terugmeldingen-rechtstreeks`).
 */
const series = z
  .string()
  .regex(
    /^[a-z0-9-]+\/[a-z0-9-]+(?:@[^+]+)?(?: \+ [a-z0-9-]+\/[a-z0-9-]+(?:@[^+]+)?)*$/,
    'must be `<voorziening>/<key>`, optionally `@<subject>`, or a sum of those joined by ` + `',
  );

/** One numeric claim of the summarising text (`seeds/claims.yaml`). */
export const claimSeed = z
  .object({
    id: z.string().regex(/^[a-z]-\d{2}(?:\.\d)?$/, 'must be `<section letter>-<nn>` (`a-01`, `c-07.2`)'),
    section: slug,
    lines,
    /** The words as printed, line breaks folded (checked to occur at `lines`). */
    quote: z.string().min(1),
    /** The figure as printed (checked to occur in `quote`). */
    printed: z.string().min(1),
    /** The figure the printed words mean when they hold no digits (`acht`: 8, `verdrievoudigd`: 3). */
    value: z.number().optional(),
    precision: z.enum(CLAIM_PRECISIONS),
    measure: z.enum(CLAIM_MEASURES),
    /** Which way the quote says the figure went (a change, a difference, a direction). */
    direction: z.enum(CLAIM_DIRECTIONS).optional(),
    /** The series it refers to (see `series`); none when the tables hold nothing to check it against. */
    indicators: z.array(series).default([]),
    /** For a RANKING: the series the claimed ones are said to exceed. */
    others: z.array(series).default([]),
    /** For a RANKING: whether the claimed series are named in order. */
    ordered: z.boolean().optional(),
    years: z.array(z.number().int()).default([]),
    /** What is known about it (why a reading differs, where the figure comes from). */
    note: z.string().min(1).optional(),
    /** Why it cannot be checked, for a claim without `indicators`. */
    reason: z.string().min(1).optional(),
  })
  .strict();

/** `seeds/claims.yaml`. */
export const claimsSeed = z.object({ claims: z.array(claimSeed) }).strict();

/** One figure of a prose fact, for a year (and a subject). */
const proseFigureSeed = z
  .object({
    year: z.number().int(),
    /** The words as printed (checked to occur at `lines`). */
    raw: z.string().min(1),
    lines,
    subject: z.string().min(1).optional(),
    subjectEn: z.string().min(1).optional(),
    /** The figure, when the printed words hold none (`de Belastingdienst`: 1). */
    value: z.number().optional(),
    /** False when the text gives no year and `year` is inferred. */
    yearPrinted: z.boolean().optional(),
  })
  .strict();

/** A quantity the monitor states only in prose (`seeds/prose.yaml`): an indicator of its voorziening. */
export const proseFactSeed = z
  .object({
    voorziening: slug,
    key: slug,
    label: z.string().min(1),
    nameEn: z.string().min(1),
    unit: z.enum(UNITS),
    section: slug,
    figures: z.array(proseFigureSeed).min(1),
  })
  .strict();

/** `seeds/prose.yaml`. */
export const proseSeed = z.object({ facts: z.array(proseFactSeed) }).strict();

export type ClaimSeed = z.infer<typeof claimSeed>;
export type ProseFactSeed = z.infer<typeof proseFactSeed>;
