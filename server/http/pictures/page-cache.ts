/** A file derived from the dataset alone: a page, a picture or an export. */
export interface DerivedFile {
  contentType: string;
  body: Buffer;
}

/**
 * A request for a derived file, resolved from its URL: `key` is its canonical form (the path and only the
 * parameters that change the file, in a fixed order), which the file is kept under and its ETag derives
 * from; `build` makes the file.
 */
export interface DerivedRequest {
  key: string;
  build: () => Promise<DerivedFile>;
}

/** The most bytes of derived files kept by default: every page and export is about 2 MB together. */
export const DEFAULT_KEPT_BYTES = 32 * 1024 * 1024;

/**
 * Derived files kept per dataset version, so that each is built once: by the first request that asks for it
 * (requests asking meanwhile wait for that build rather than start their own), then answered from memory
 * while the dataset version lasts, within `maxBytes` (the least recently used go first). When the version
 * changes (a PostgreSQL rebuild under the running server), everything kept is dropped, and a build that
 * started under the old version is not kept. A failed build is not kept either: the next request tries again.
 */
export class DerivedCache {
  private version: string | undefined;
  private readonly kept = new Map<string, DerivedFile>();
  private readonly building = new Map<string, Promise<DerivedFile>>();
  private bytes = 0;

  constructor(private readonly maxBytes = DEFAULT_KEPT_BYTES) {}

  /** The file at `key` of dataset `version`, and whether it was kept (`hit`) or built for this request. */
  async get(version: string, { key, build }: DerivedRequest): Promise<{ file: DerivedFile; hit: boolean }> {
    if (version !== this.version) this.clear(version);
    const kept = this.kept.get(key);
    if (kept) {
      // most recently used: to the end of the map's order
      this.kept.delete(key);
      this.kept.set(key, kept);
      return { file: kept, hit: true };
    }
    let pending = this.building.get(key);
    if (!pending) {
      const started = build();
      pending = started;
      this.building.set(key, started);
      started.then(
        (file) => {
          if (this.building.get(key) === started) this.building.delete(key);
          if (this.version === version) this.keep(key, file);
        },
        () => {
          if (this.building.get(key) === started) this.building.delete(key);
        },
      );
    }
    return { file: await pending, hit: false };
  }

  /** How many files and bytes are kept now. */
  get size(): { files: number; bytes: number } {
    return { files: this.kept.size, bytes: this.bytes };
  }

  private clear(version: string): void {
    this.version = version;
    this.kept.clear();
    this.building.clear();
    this.bytes = 0;
  }

  private keep(key: string, file: DerivedFile): void {
    const size = (file: DerivedFile, key: string) => file.body.length + key.length;
    if (this.kept.has(key) || size(file, key) > this.maxBytes) return;
    this.kept.set(key, file);
    this.bytes += size(file, key);
    for (const [oldKey, old] of this.kept) {
      if (this.bytes <= this.maxBytes) break;
      this.kept.delete(oldKey);
      this.bytes -= size(old, oldKey);
    }
  }
}

/**
 * A value computed once per dataset version (by the first caller; a failure is not kept), e.g. the set of
 * voorziening codes that paths and filters are checked against without a statement each.
 */
export function perVersion<T>(load: () => Promise<T>): (version: string) => Promise<T> {
  let current: { version: string; value: Promise<T> } | undefined;
  return (version) => {
    if (current?.version !== version) {
      const value = load();
      const entry = { version, value };
      current = entry;
      value.catch(() => {
        if (current === entry) current = undefined;
      });
    }
    return current.value;
  };
}
