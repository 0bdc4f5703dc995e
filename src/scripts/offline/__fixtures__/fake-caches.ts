/**
 * The Cache API as the save island uses it (caches.open, cache.keys, cache.add), for its unit
 * tests: each cache holds the addresses added to it. `download` decides how each add goes (by
 * default at once and successfully); a test makes it fail, or hold it until the test lets it go.
 */
export interface FakeCache {
  /** Absolute addresses stored, in the order they were added. */
  urls: string[];
  keys(): Promise<{ url: string }[]>;
  add(url: string): Promise<void>;
}

export function fakeCaches(origin: string) {
  const stores = new Map<string, FakeCache>();
  const api = {
    stores,
    /** How one download goes: resolve to store it, reject to fail it. */
    download: (_url: string): Promise<void> => Promise.resolve(),
    /** Site paths stored in the cache of that name (none if it was never opened). */
    paths(name: string): string[] {
      return (stores.get(name)?.urls ?? []).map((url) => new URL(url).pathname);
    },
    /** Stores site paths in a cache, as a visit or an earlier save would have. */
    put(name: string, ...paths: string[]): void {
      api.named(name).urls.push(...paths.map((path) => new URL(path, origin).href));
    },
    open(name: string): Promise<FakeCache> {
      return Promise.resolve(api.named(name));
    },
    named(name: string): FakeCache {
      let cache = stores.get(name);
      if (!cache) {
        const urls: string[] = [];
        cache = {
          urls,
          keys: () => Promise.resolve(urls.map((url) => ({ url }))),
          add: async (url: string) => {
            await api.download(url);
            urls.push(new URL(url, origin).href);
          },
        };
        stores.set(name, cache);
      }
      return cache;
    },
  };
  return api;
}

/** A promise the test settles when it chooses. */
export function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}
