import { afterEach, beforeEach } from 'vitest';
import type { Store } from '../../src/store/store.ts';

/** What a contract run needs from each implementation. */
export interface StoreHarness {
  store: Store;
  /** Lets TTLs run out: moves an injected clock, or waits for real (Redis keeps its own time). */
  advance(ms: number): Promise<void>;
  /** Closes the store and removes everything it wrote. */
  dispose(): Promise<void>;
}

export type StoreFactory = () => Promise<StoreHarness>;

/** A fresh, empty store per test. */
export function useHarness(make: StoreFactory): () => StoreHarness {
  let current: StoreHarness | undefined;
  beforeEach(async () => {
    current = await make();
  });
  afterEach(async () => {
    await current?.dispose();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('no store harness (used outside a test?)');
    return current;
  };
}
