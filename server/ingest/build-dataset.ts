import type { DatasetRows } from '../db/database';
import { BuildContext } from './build-context';
import type { IndicatorIndex } from './build-indicators';
import { buildMeasures } from './build-measures';
import { buildProse } from './build-prose';
import { buildRelations } from './build-relations';
import { buildClaims } from './claims/build-claims';
import { DiscrepancyRecorder } from './discrepancies/discrepancy-recorder';
import { findSummaryMismatches } from './discrepancies/find-summary-mismatches';
import { mergeSameContradictions } from './discrepancies/merge-same-contradictions';
import { SourceLines } from './source-lines';
import { buildVoorzieningen } from './build-voorzieningen';
import { findDiscrepancies } from './discrepancies/find-discrepancies';
import type { SeedSet } from './load-seeds';
import { SeedError, SeedErrors } from './seed-error';
import { monitorOrder } from './monitor-order';
import { locateSections } from './source-text';

/**
 * Turns validated seed files into the rows of every table, cross-checking them against each other and against
 * the source text, and computing the discrepancies. Throws {@link SeedErrors} listing every problem found.
 */
export function buildDataset(seeds: SeedSet): DatasetRows {
  const context = new BuildContext(seeds.edition.years);
  const sectionsFile = seeds.nameOf('sections.yaml');
  const located = locateSections(seeds.sourceText, seeds.sections);
  if ('missing' in located) {
    const heading = seeds.sections[located.missing]!.heading;
    throw new SeedErrors([
      new SeedError(
        sectionsFile,
        `${located.missing}.heading`,
        `heading "${heading}" not found in the source after the previous section`,
      ),
    ]);
  }
  context.rows.edition.push({
    id: 1,
    year: seeds.edition.year,
    title: seeds.edition.title,
    title_en: seeds.edition.titleEn,
    reference_date: seeds.edition.referenceDate,
    years: seeds.edition.years.join(','),
    source: seeds.edition.source,
  });

  const codes = new Map(seeds.sections.map((section, index) => [section.code, index + 1]));
  seeds.sections.forEach((section, index) => {
    if (codes.get(section.code) !== index + 1)
      context.fail(sectionsFile, `${index}.code`, `duplicate section "${section.code}"`);
    const parentId = section.parent === undefined ? null : codes.get(section.parent);
    if (parentId === undefined)
      context.fail(sectionsFile, `${index}.parent`, `unknown section "${section.parent}"`);
    const parent = parentId ? context.rows.section[parentId - 1] : undefined;
    const row = {
      id: index + 1,
      code: section.code,
      heading: section.heading,
      title: section.title ?? section.heading,
      number: section.number ?? null,
      appendix: section.appendix ?? parent?.appendix ?? null,
      parent_id: parentId ?? null,
      position: index,
      start_line: 0,
      end_line: 0,
    };
    const text = located.sections.get(section.code)!;
    row.start_line = text.startLine;
    row.end_line = text.endLine;
    context.rows.section.push(row);
    context.sections.set(section.code, { row, located: text });
  });

  seeds.domains.forEach((domain, position) => {
    const section = context.section(domain.section, seeds.nameOf('domains.yaml'), `${position}.section`);
    context.rows.domain.push({
      id: context.nextId('domain'),
      code: domain.code,
      name: domain.name,
      name_en: domain.nameEn,
      appendix: domain.appendix,
      section_id: section?.row.id ?? 0,
      position,
    });
  });

  const index: IndicatorIndex = new Map();
  const claims = buildVoorzieningen(context, monitorOrder(context, seeds.voorzieningen), index);
  buildRelations(context, seeds.relations, index, seeds.nameOf('relations.yaml'), seeds.sourceText);
  const source = new SourceLines(seeds.sourceText);
  buildProse(context, seeds.prose, index, source, seeds.nameOf('prose.yaml'));
  buildMeasures(context, seeds.measures, seeds.totals, index, seeds.nameOf('measures.yaml'));
  const summaryClaims = buildClaims(context, seeds.claims, index, source, seeds.nameOf('claims.yaml'));
  if (context.problems.length === 0) {
    findDiscrepancies(context, {
      claims,
      totals: seeds.totals,
      index,
      totalsFile: seeds.nameOf('totals.yaml'),
      certainty: seeds.certainty,
      certaintyFile: seeds.nameOf('certainty.yaml'),
    });
    findSummaryMismatches(new DiscrepancyRecorder(context), summaryClaims);
    // a note and a claim of the same sentence about the same cell: one contradiction, not two
    mergeSameContradictions(context.rows);
  }
  if (context.problems.length > 0) throw new SeedErrors(context.problems);
  return context.rows;
}
