import { parse, print } from 'graphql';
import { DEFAULT_QUERY_LIMITS } from '../graphql/limits/query-limits';
import { hashText } from '../lib/hash-text';
import { LRUCache } from 'lru-cache';
import { RawRequestKeys } from './raw-request-keys';

/** The fields of a GraphQL request, as Apollo reads them from a GET's query string or a POST's JSON body. */
export interface GraphQLRequestFields {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether Apollo Server reads a GET with this `Content-Type`: none, or `application/json` with any parameters
 * (its `runHttpQuery` parses the header as a MIME type and compares the essence; any other is a 415). Only
 * HTTP whitespace (space, tab, CR, LF) is trimmed, as the MIME parser trims it.
 */
export function getContentTypeAccepted(contentType: string | undefined): boolean {
  return contentType === undefined || /^[\t\n\r ]*application\/json[\t\n\r ]*(;|$)/i.test(contentType);
}

/**
 * The request's fields when Apollo Server would take the request as it is (mirroring its `runHttpQuery`:
 * a POST body a non-empty JSON object whose `query` is a string, `variables` and `extensions` objects or
 * null, `operationName` a string or null; a GET without a content type or with `application/json`, its
 * parameters each given at most once, `variables` and `extensions` JSON objects); undefined when Apollo would
 * refuse it. `body` is the POST body as parsed (a string when its content type was not JSON: Apollo refuses
 * it); `contentType` the request's `Content-Type` header. The answer store is asked only for requests whose
 * fields are given here, so a kept answer never goes to a request Apollo would refuse.
 */
export function requestFields(
  method: string,
  search: string,
  body: unknown,
  contentType: string | undefined,
): GraphQLRequestFields | undefined {
  if (method === 'POST') {
    if (!isRecord(body) || Object.keys(body).length === 0) return undefined;
    const { query, operationName, variables, extensions } = body;
    if (query !== undefined && query !== null && typeof query !== 'string') return undefined;
    if (variables !== undefined && variables !== null && !isRecord(variables)) return undefined;
    if (extensions !== undefined && extensions !== null && !isRecord(extensions)) return undefined;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
      return undefined;
    return {
      query: typeof query === 'string' ? query : undefined,
      operationName: typeof operationName === 'string' ? operationName : undefined,
      variables: isRecord(variables) ? variables : undefined,
      extensions: isRecord(extensions) ? extensions : undefined,
    };
  }
  if (method !== 'GET' || !getContentTypeAccepted(contentType)) return undefined;
  const params = new URLSearchParams(search);
  const once = (name: string): string | undefined | null => {
    const values = params.getAll(name);
    return values.length > 1 ? null : values[0];
  };
  const json = (name: string): Record<string, unknown> | undefined | null => {
    const value = once(name);
    if (value === undefined || value === null) return value;
    try {
      const parsed: unknown = JSON.parse(value);
      return isRecord(parsed) ? parsed : null;
    } catch {
      return null;
    }
  };
  const [query, operationName, variables, extensions] = [
    once('query'),
    once('operationName'),
    json('variables'),
    json('extensions'),
  ];
  if (query === null || operationName === null || variables === null || extensions === null) return undefined;
  return { query, operationName, variables, extensions };
}

/**
 * JSON with object keys in order, so that `{"a":1,"b":2}` and `{ "b": 2, "a": 1 }` read the same. Written
 * out directly (no objects are built, so a `__proto__` key is only a key).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A document as parsed once: printed without ignored characters, and its query operations' variables. */
interface ParsedDocument {
  printed: string;
  /** Query operations by name ('' for an anonymous one), with the names of the variables they declare. */
  queries: Map<string, string[]>;
  /** How many operations the document has (of any kind). */
  operationCount: number;
}

/** How many bytes of documents (as sent, and printed) the parse memo keeps, and the largest it keeps. */
const MEMO_MAX_BYTES = 8 * 1024 * 1024;
const MEMO_MAX_ENTRY_BYTES = 64 * 1024;
/** How many requests (headers, dataset versions) with the same body the memo of keys tells apart. */
const MEMO_MAX_REQUESTS_PER_TEXT = 8;

/** A request as its answer depends on it, or undefined when it is not to be kept or served from the store. */
export interface AnswerKeyOf {
  (
    datasetVersion: string,
    method: string,
    fields: GraphQLRequestFields,
    accept: string | undefined,
  ): string | undefined;
  /**
   * The keys already made, by the request as it came: a repeated request finds its key here without its body
   * being parsed. At most {@link MEMO_MAX_BYTES} of requests, each text (a body, or a GET's query string) with
   * its requests at most {@link MEMO_MAX_ENTRY_BYTES}, and {@link MEMO_MAX_REQUESTS_PER_TEXT} requests a text.
   */
  readonly byRawRequest: RawRequestKeys;
}

/**
 * Makes the function that keys answers. The key holds the dataset version, the method, the accepted media
 * type (the `Accept` header as sent: it decides the content type and status Apollo answers with) and the
 * request as its answer depends on it, so that requests differing in nothing else share one key:
 *
 * - the document parsed (with the parser's token limit `maxTokens`, as Apollo parses it; default: the query
 *   limits' default) and printed again:
 *   whitespace, commas and comments do not multiply keys. A document that does not parse, or names no
 *   single query operation (an unknown `operationName`, several operations without one, a mutation) is never
 *   keyed: Apollo refuses it;
 * - the operation run (named, or the only one: naming it or not is the same request), and the variables it
 *   declares (others are ignored by execution, and would otherwise multiply keys), as canonical JSON;
 * - of the extensions, only an automatic persisted query, by its hash, when the request has no document.
 *   A request that carries both the document and its hash registers the document with Apollo: it is never
 *   served from the store (that would skip the registration), nor keyed.
 *
 * Parsing is linear in the document (bounded by the body limit, or the URL's), and a memo of at most
 * {@link MEMO_MAX_BYTES} keeps the parsed documents most recently used, so a repeated request parses
 * nothing. The keys made are kept by the request as it came (`byRawRequest`, as much again), so that the HTTP
 * layer finds a repeated request's key without parsing its body.
 */
export function answerKeys(options: { maxTokens?: number } = {}): AnswerKeyOf {
  const maxTokens = options.maxTokens ?? DEFAULT_QUERY_LIMITS.maxTokens;
  const memo = new LRUCache<string, ParsedDocument | false>({
    maxSize: MEMO_MAX_BYTES,
    maxEntrySize: MEMO_MAX_ENTRY_BYTES,
    sizeCalculation: (parsed, query) => query.length + (parsed ? parsed.printed.length : 0) + 64,
  });
  const parsedDocument = (query: string): ParsedDocument | undefined => {
    const known = memo.get(query);
    if (known !== undefined) return known || undefined;
    let parsed: ParsedDocument | false = false;
    try {
      const document = parse(query, { maxTokens, noLocation: true });
      const queries = new Map<string, string[]>();
      let operationCount = 0;
      for (const definition of document.definitions) {
        if (definition.kind !== 'OperationDefinition') continue;
        operationCount += 1;
        if (definition.operation !== 'query') continue;
        const variables = (definition.variableDefinitions ?? []).map((v) => v.variable.name.value);
        queries.set(definition.name?.value ?? '', variables);
      }
      parsed = { printed: print(document), queries, operationCount };
    } catch {
      parsed = false;
    }
    memo.set(query, parsed);
    return parsed || undefined;
  };

  const keyOf = (
    datasetVersion: string,
    method: string,
    fields: GraphQLRequestFields,
    accept: string | undefined,
  ): string | undefined => {
    const persisted = fields.extensions?.persistedQuery;
    let request: unknown[];
    if (persisted) {
      if (fields.query !== undefined) return undefined; // a registration: Apollo must see it
      if (!isRecord(persisted) || persisted.version !== 1 || typeof persisted.sha256Hash !== 'string')
        return undefined;
      request = ['persisted', persisted.sha256Hash, fields.operationName ?? null, fields.variables ?? {}];
    } else {
      if (!fields.query) return undefined;
      const document = parsedDocument(fields.query);
      if (!document) return undefined;
      // The operation graphql-js runs: the one named, or the only one; the key names it either way. An empty
      // name names none (anonymous operations are listed under '' here).
      if (fields.operationName === '') return undefined;
      const name =
        fields.operationName ?? (document.operationCount === 1 ? [...document.queries.keys()][0] : undefined);
      const declared = name === undefined ? undefined : document.queries.get(name);
      if (!declared) return undefined;
      const given = fields.variables ?? {};
      const variables = Object.fromEntries(
        declared.filter((v) => Object.hasOwn(given, v)).map((v) => [v, given[v]]),
      );
      request = ['document', document.printed, name, variables];
    }
    let text: string;
    try {
      text = canonicalJson([method, accept ?? '', ...request]);
    } catch {
      return undefined; // variables nested too deeply to write out: not kept
    }
    const hash = hashText(text);
    return `stelselgraph:answer:${datasetVersion}:${hash}`;
  };
  const byRawRequest = new RawRequestKeys({
    maxBytes: MEMO_MAX_BYTES,
    maxEntryBytes: MEMO_MAX_ENTRY_BYTES,
    maxRequestsPerText: MEMO_MAX_REQUESTS_PER_TEXT,
  });
  return Object.assign(keyOf, { byRawRequest });
}
