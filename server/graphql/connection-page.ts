import { toCursor, type ConnectionName } from '../domain/cursor';
import type { ConnectionModel, EdgeModel } from './models';

/** Which connection and filter a page is of: what its cursors carry. */
export interface PageOf {
  connection: ConnectionName;
  /** The filter's key (`filterKey`). */
  filter: string;
}

/**
 * A page's `pageInfo`: whether more lie either way, and the cursors of its ends, made only when asked for.
 * A class (not an object literal with getters, which V8 builds slowly, about 3 µs each, and keeps in
 * dictionary mode): a page is made on every request that pages.
 */
class PageInfo<T extends { id: number }> {
  readonly #page: readonly T[];
  readonly #of: PageOf;
  constructor(
    page: readonly T[],
    of: PageOf,
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {
    this.#page = page;
    this.#of = of;
  }
  get startCursor(): string | null {
    return this.#page.length > 0 ? toCursor({ ...this.#of, id: this.#page[0]!.id }) : null;
  }
  get endCursor(): string | null {
    return this.#page.length > 0 ? toCursor({ ...this.#of, id: this.#page.at(-1)!.id }) : null;
  }
}

/** One page of a connection: its nodes, its total when asked for, and its edges (with cursors) made only when asked for. */
export class ConnectionPage<T extends { id: number }> implements ConnectionModel<T> {
  readonly pageInfo: PageInfo<T>;
  #edges: EdgeModel<T>[] | undefined;
  readonly #of: PageOf;
  constructor(
    readonly nodes: T[],
    of: PageOf,
    flags: { hasNextPage: boolean; hasPreviousPage: boolean },
    readonly totalCount: () => Promise<number>,
  ) {
    this.#of = of;
    this.pageInfo = new PageInfo(nodes, of, flags.hasNextPage, flags.hasPreviousPage);
  }
  get edges(): EdgeModel<T>[] {
    return (this.#edges ??= this.nodes.map((node) => ({
      cursor: toCursor({ ...this.#of, id: node.id }),
      node,
    })));
  }
}
