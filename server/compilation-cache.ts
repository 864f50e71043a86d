import { setFlagsFromString } from 'node:v8';

/**
 * Turns off V8's compilation cache for the process. The server compiles code of its own for the operations
 * clients send (graphql-jit's query, the answers' writers, each through `new Function`), and V8 (11, Node 20)
 * keeps every source so compiled, with its code, in that cache after the server let it go: measured, 300
 * distinct sources of 378 KB, each run once, kept 214 MB of heap through 20 full collections (4 MB without
 * the cache), and a server sent 450 distinct operations of 208 selections (each twice) held 625 MB of heap
 * where its own stores, bounded, kept about 80 MB (tests/flood-of-operations.test.ts). Nothing the server
 * runs compiles the same source twice (compiled operations are kept by the server itself), so the cache
 * saved nothing. Set once, when a server starts.
 */
export function dropCompilationCache(): void {
  setFlagsFromString('--no-compilation-cache');
}
