import type { ConnectionName } from '../domain/cursor';

/** How many rows a page of a connection holds: when neither `first` nor `last` is given, and at most. */
export interface PageSize {
  default: number;
  max: number;
}

/**
 * The page sizes of the connections, by Query field: what the resolvers apply and the static query cost
 * assumes when a query gives neither `first` nor `last`.
 */
export const PAGE_SIZES: Record<ConnectionName, PageSize> = {
  voorzieningen: { default: 50, max: 100 },
  indicators: { default: 50, max: 100 },
  observations: { default: 100, max: 500 },
  relations: { default: 50, max: 100 },
};
