import { readEdition } from '../../../db/queries/edition-queries';
import type { QueryResolvers, QueryVoorzieningenArgs } from '../../generated/resolvers-types';
import type { DomainTable, VoorzieningTable } from '../../../db/database';
import type { GraphQLContext } from '../../context';
import { mapLoaded } from '../map-loaded';
import type { VoorzieningConnectionModel } from '../../models';
import { fromGlobalId } from '../../../domain/global-id';
import { checkRange, userInputError } from '../../user-input-error';
import { pageOf, pageOfRows } from '../../connection';
import { filterKey } from '../../filter-key';
import { pageRequest } from '../../page-arguments';
import { tag } from '../typed-node';
import { domainByCode, voorzieningByCode } from '../../code-arguments';
import { searchRows, voorzieningenWhere } from '../../../db/queries/filtered-rows';
import { searchKey } from '../../search-key';

/** `voorzieningen`'s page, once its domain (when it names one) is looked up. */
function voorzieningenPage(
  context: GraphQLContext,
  filter: QueryVoorzieningenArgs['filter'],
  page: Omit<QueryVoorzieningenArgs, 'filter'>,
  domain: DomainTable | undefined,
): VoorzieningConnectionModel | Promise<VoorzieningConnectionModel> {
  const of = {
    connection: 'voorzieningen',
    filter: filterKey({ kind: filter?.kind, domain: domain?.code, search: searchKey(filter?.search) }),
  } as const;
  const request = pageRequest(page, of.connection, of.filter);
  if (filter?.search) {
    const query = voorzieningenWhere(context.db, {
      kind: filter.kind,
      domainId: domain?.id,
      search: filter.search,
    });
    return pageOf<VoorzieningTable>(query, request, of, context.counts);
  }
  // without a search, from the voorzieningen of the request's dataset version: no statement
  return mapLoaded(context.loaders.allVoorzieningen.load('all'), (all) =>
    pageOfRows(
      all.filter(
        (row) =>
          (!filter?.kind || row.kind === filter.kind) &&
          (domain === undefined || row.domain_id === domain.id),
      ),
      request,
      of,
    ),
  );
}

/** Query fields that look things up: nodes, the edition, domains, voorzieningen, search. */
export const lookupQueries: QueryResolvers = {
  node: async (_, { id }, { loaders }) => {
    const decoded = fromGlobalId(id);
    if (!decoded) return null;
    const loader = {
      Domain: loaders.domain,
      Voorziening: loaders.voorziening,
      Indicator: loaders.indicator,
      Observation: loaders.observation,
      Note: loaders.note,
      Relation: loaders.relation,
      Discrepancy: loaders.discrepancy,
      Claim: loaders.claim,
    }[decoded.type];
    const row = await loader.load(decoded.id);
    return row ? tag(row, decoded.type) : null;
  },
  edition: async (_, __, { db, dataset }) => {
    const edition = await readEdition(db);
    return {
      year: edition.year,
      title: edition.title,
      titleEn: edition.title_en,
      referenceDate: edition.reference_date,
      years: edition.years.split(',').map(Number),
      source: edition.source,
      datasetVersion: dataset.contentHash,
    };
  },
  domains: (_, __, { loaders }) => loaders.allDomains.load('all'),
  domain: (_, { code }, context) => domainByCode(context, code, 'code', 'NOT_FOUND'),
  voorziening: (_, { code }, context) => voorzieningByCode(context, code, 'code', 'NOT_FOUND'),
  basisregistraties: async (_, __, { loaders }) =>
    (await loaders.allVoorzieningen.load('all')).filter((row) => row.kind === 'BASISREGISTRATIE'),
  voorzieningen: (_, { filter, ...page }, context) =>
    filter?.domain
      ? domainByCode(context, filter.domain, 'filter.domain', 'BAD_USER_INPUT').then((domain) =>
          voorzieningenPage(context, filter, page, domain),
        )
      : // no domain to look up: a page cut from the rows in memory is answered at once, without a promise
        voorzieningenPage(context, filter, page, undefined),
  search: async (_, { text, limit }, { db }) => {
    if (text.trim().length < 2) throw userInputError('`text` must have at least 2 characters.', 'text');
    checkRange('limit', limit, 1, 100);
    const { voorzieningen, indicators } = await searchRows(db, text.trim(), limit);
    return [
      ...voorzieningen.map((v) => tag(v, 'Voorziening')),
      ...indicators.map((i) => tag(i, 'Indicator')),
    ];
  },
};
