import type { VoorzieningResolvers } from '../generated/resolvers-types';
import { toGlobalId } from '../../domain/global-id';
import { impactAnswer } from './impact-answer';
import { required } from './required';
import { mapLoaded } from './map-loaded';
import { distinctProvenances } from '../../db/queries/graph/traversable-edges';
import { provenanceKey } from '../loaders';

const ofKinds = <R extends { kind: string }>(
  rows: readonly R[],
  kinds: readonly string[] | null | undefined,
) => (kinds && kinds.length > 0 ? rows.filter((row) => kinds.includes(row.kind)) : rows);

/** `Voorziening`: a node of the stelsel with its table rows, notes and relations. */
export const Voorziening: VoorzieningResolvers = {
  id: (v) => toGlobalId('Voorziening', v.id),
  nameEn: (v) => v.name_en,
  kind: (v) => v.kind,
  domain: (v, _, { loaders }) =>
    mapLoaded(loaders.domain.load(v.domain_id), (row) => required(row, 'domain')),
  descriptionEn: (v) => v.description_en,
  descriptionSource: async (v, _, { loaders }) => {
    if (v.description === null) return null;
    const section =
      v.description_section_id === null
        ? null
        : ((await loaders.section.load(v.description_section_id)) ?? null);
    return { section, url: v.description_url, title: v.description_url_title };
  },
  source: (v, _, { loaders }) =>
    mapLoaded(loaders.section.load(v.section_id), (row) => required(row, 'section')),
  parent: (v, _, { loaders }) =>
    v.parent_id === null ? null : mapLoaded(loaders.voorziening.load(v.parent_id), (row) => row ?? null),
  parts: (v, _, { loaders }) => loaders.partsByParent.load(v.id),
  indicators: (v, _, { loaders }) => loaders.indicatorsByVoorziening.load(v.id),
  indicator: (v, { key }, { loaders }) =>
    mapLoaded(
      loaders.indicatorsByVoorziening.load(v.id),
      (indicators) => indicators.find((indicator) => indicator.key === key) ?? null,
    ),
  notes: (v, _, { loaders }) => loaders.notesByVoorziening.load(v.id),
  // from the reference rows, with the provenances asked for (MONITOR alone by default)
  outgoing: (v, { kinds, provenance }, { loaders }) =>
    mapLoaded(loaders.relationsFrom.load(provenanceKey(v.id, distinctProvenances(provenance))), (rows) =>
      ofKinds(rows, kinds),
    ),
  incoming: (v, { kinds, provenance }, { loaders }) =>
    mapLoaded(loaders.relationsTo.load(provenanceKey(v.id, distinctProvenances(provenance))), (rows) =>
      ofKinds(rows, kinds),
    ),
  impact: (v, args, context) => impactAnswer(context, v, args),
  discrepancies: async (v, _, { loaders }) => {
    const indicators = await loaders.indicatorsByVoorziening.load(v.id);
    const lists = await loaders.discrepanciesByIndicator.loadMany(indicators.map((i) => i.id));
    const seen = new Map<number, (typeof lists)[number] extends (infer L)[] | Error ? L : never>();
    for (const list of lists) {
      if (list instanceof Error) throw list;
      for (const d of list) seen.set(d.id, d);
    }
    return [...seen.values()].sort((a, b) => a.position - b.position);
  },
};
