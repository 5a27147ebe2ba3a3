import type { Store } from '../../src/store/store.ts';

/** `store` with its dialog reads and writes counted: tests hold the engine to one load and one save a turn. */
export function countingDialogs(store: Store): { store: Store; counts: { get: number; put: number } } {
  const counts = { get: 0, put: 0 };
  const wrapped: Store = Object.create(store);
  wrapped.getDialog = (k) => {
    counts.get++;
    return store.getDialog(k);
  };
  wrapped.putDialog = (...args) => {
    counts.put++;
    return store.putDialog(...args);
  };
  return { store: wrapped, counts };
}
