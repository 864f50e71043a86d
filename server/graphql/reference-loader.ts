import type { ReferenceRows } from './reference-rows';

/**
 * A request's loader over the reference rows of its dataset version: what `pick` finds there for a key. Once
 * the rows are read (as they are from the server's start-up on) it answers at once, a value and not a promise,
 * so a resolver that returns it costs the execution no promise and no tick; before, it answers once they are
 * read. Nothing is batched or kept per key: a pick is a look in a map.
 */
export class ReferenceLoader<K, V> {
  #rows: ReferenceRows | undefined;
  readonly #reference: () => Promise<ReferenceRows>;
  readonly #pick: (rows: ReferenceRows, key: K) => V;

  /**
   * @param rows the rows when they are already read, else undefined
   * @param reference reads them (the request's version)
   * @param pick finds what one key asks for
   */
  constructor(
    rows: ReferenceRows | undefined,
    reference: () => Promise<ReferenceRows>,
    pick: (rows: ReferenceRows, key: K) => V,
  ) {
    this.#rows = rows;
    this.#reference = reference;
    this.#pick = pick;
  }

  /** What `key` asks for: at once when the rows are read, else a promise of it. */
  load(key: K): V | Promise<V> {
    const rows = this.#rows;
    if (rows) return this.#pick(rows, key);
    return this.#reference().then((read) => {
      this.#rows = read;
      return this.#pick(read, key);
    });
  }

  /** What each of `keys` asks for, in their order. */
  async loadMany(keys: readonly K[]): Promise<V[]> {
    const rows = this.#rows ?? (this.#rows = await this.#reference());
    return keys.map((key) => this.#pick(rows, key));
  }
}
