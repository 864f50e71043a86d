import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/** Per-request options. */
export interface RequestOptions {
  /** Aborts this request (in addition to the client's own `signal`). */
  signal?: AbortSignal;
  /** Extra headers for this request. */
  headers?: Record<string, string>;
}

/** A GraphQL document typed with its result and variables: the SDK's operations, or a consumer's own. */
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & {
  toString(): string;
};

/** Sends a typed document with its variables and resolves with its typed data. */
export type Request = <TResult, TVariables>(
  document: TypedDocument<TResult, TVariables>,
  variables: TVariables,
  options?: RequestOptions,
) => Promise<TResult>;
