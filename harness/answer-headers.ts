/** The headers Node's HTTP server writes itself, which the floor's server writes as it does. */
const WRITTEN_BY_NODE = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/**
 * The headers of an answer the bench's floor repeats: all the service sent but those Node's server writes
 * itself (`Date`, `Connection`, `Keep-Alive`, `Content-Length`, `Transfer-Encoding`: the floor's server adds
 * its own), as [name, value] pairs in the order `Headers` gives them (lower-case names).
 */
export function answerHeaders(headers: Headers): [string, string][] {
  return [...headers].filter(([name]) => !WRITTEN_BY_NODE.has(name));
}
