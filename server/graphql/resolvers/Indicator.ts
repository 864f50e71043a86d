import { changeAgrees, changeNotComputedBecause, computeChange } from '../../domain/compute-change';
import type { IndicatorResolvers } from '../generated/resolvers-types';
import { toGlobalId } from '../../domain/global-id';
import { required } from './required';
import { mapLoaded } from './map-loaded';

/** `Indicator`: a table row, its cells, printed and computed changes, notes and links. */
export const Indicator: IndicatorResolvers = {
  id: (indicator) => toGlobalId('Indicator', indicator.id),
  sourceLabel: (indicator) => indicator.source_label,
  nameEn: (indicator) => indicator.name_en,
  unit: (indicator) => indicator.unit,
  voorziening: (indicator, _, { loaders }) =>
    mapLoaded(loaders.voorziening.load(indicator.voorziening_id), (row) => required(row, 'voorziening')),
  section: (indicator, _, { loaders }) =>
    mapLoaded(loaders.section.load(indicator.section_id), (row) => required(row, 'section')),
  table: (indicator) => indicator.table_caption,
  subjects: (indicator, _, { loaders }) =>
    mapLoaded(loaders.observationsByIndicator.load(indicator.id), (cells) => [
      ...new Set(cells.flatMap((o) => (o.subject === null ? [] : [o.subject]))),
    ]),
  observations: (indicator, args, { loaders }) =>
    mapLoaded(loaders.observationsByIndicator.load(indicator.id), (cells) =>
      cells.filter(
        (o) =>
          (args.subject === undefined || o.subject === args.subject) &&
          (args.year == null || o.year === args.year),
      ),
    ),
  value: (indicator, { year, subject }, { loaders }) =>
    mapLoaded(
      loaders.observationsByIndicator.load(indicator.id),
      (cells) => cells.find((o) => o.year === year && o.subject === (subject ?? null))?.value ?? null,
    ),
  reportedChange: (indicator, _, { loaders }) =>
    mapLoaded(
      loaders.reportedChangesByIndicator.load(indicator.id),
      (changes) => changes.find((c) => c.subject === null) ?? null,
    ),
  reportedChanges: (indicator, _, { loaders }) => loaders.reportedChangesByIndicator.load(indicator.id),
  change: async (indicator, args, { loaders }) => {
    const from = args.from ?? indicator.change_from;
    const to = args.to ?? indicator.change_to;
    const subject = args.subject ?? null;
    const cells = await loaders.observationsByIndicator.load(indicator.id);
    const cell = (year: number) => cells.find((o) => o.year === year && o.subject === subject);
    const [fromCell, toCell] = [cell(from), cell(to)];
    const [fromValue, toValue] = [fromCell?.value ?? null, toCell?.value ?? null];
    if (fromValue === null || toValue === null) return null;
    const printed =
      (await loaders.reportedChangesByIndicator.load(indicator.id)).find(
        (c) => c.subject === subject && c.from_year === from && c.to_year === to,
      ) ?? null;
    const notComputedBecause = changeNotComputedBecause(fromCell!, toCell!);
    const approximate = [fromCell!, toCell!].some((o) => o.qualifier === 'APPROXIMATE');
    if (notComputedBecause !== null)
      return {
        from,
        to,
        fromValue,
        toValue,
        absolute: null,
        relative: null,
        notComputedBecause,
        approximate,
        printed,
        agrees: null,
      };
    return {
      from,
      to,
      fromValue,
      toValue,
      ...computeChange(fromValue, toValue),
      notComputedBecause: null,
      approximate,
      printed,
      agrees: printed ? changeAgrees(printed, fromValue, toValue, printed.kind) : null,
    };
  },
  notes: (indicator, _, { loaders }) => loaders.notesByIndicator.load(indicator.id),
  corrections: (indicator, _, { loaders }) => loaders.correctionsByIndicator.load(indicator.id),
  sameAs: async (indicator, _, { loaders }) => {
    const links = await loaders.sameAsByIndicator.load(indicator.id);
    const others = await loaders.indicator.loadMany(links.map((link) => link.other));
    return others.map((other) => required(other, 'sameAs indicator'));
  },
  relations: (indicator, _, { loaders }) => loaders.relationsByIndicator.load(indicator.id),
  discrepancies: (indicator, _, { loaders }) => loaders.discrepanciesByIndicator.load(indicator.id),
};
