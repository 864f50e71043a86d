import type { NodeType } from '../../domain/global-id';

/** A row tagged with its GraphQL type, for `Node` and `SearchResult`, whose members are all rows. */
export type Tagged<T> = T & { __typename: NodeType };

/** Tags a row with its GraphQL type. */
export function tag<T extends object>(row: T, type: NodeType): Tagged<T> {
  return Object.assign(Object.create(null) as object, row, { __typename: type }) as Tagged<T>;
}

/** Resolves the concrete type of a tagged row; `N` narrows it to the members of a union (`SearchResult`). */
export function resolveTaggedType<N extends NodeType = NodeType>(parent: unknown): N {
  return (parent as { __typename: N }).__typename;
}
