import type { Store } from '../src/store/store.ts';

/**
 * Records which Store methods a turn calls and which of them overlap. A call that starts while
 * another is in flight joins its wave (they can share a round trip); a call that starts when none
 * is in flight waited for the previous one and opens a new wave. The result reads like
 * `getUser + getDialog → putDialog`, the order that explains a round-trip count.
 */
export interface StoreTrace {
  readonly store: Store;
  reset(): void;
  /** The waves since the last reset, e.g. `getUser + getDialog → putDialog`. */
  pattern(): string;
}

export function traceStore(inner: Store): StoreTrace {
  let waves: string[][] = [];
  let inFlight = 0;

  const store = new Proxy(inner, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || typeof name !== 'string') return value;
      return (...args: unknown[]) => {
        if (inFlight === 0) waves.push([]);
        waves.at(-1)?.push(name);
        inFlight++;
        const settle = () => {
          inFlight--;
        };
        const result: unknown = Reflect.apply(value, target, args);
        if (result instanceof Promise) return result.finally(settle);
        settle();
        return result;
      };
    },
  });

  return {
    store,
    reset() {
      waves = [];
    },
    pattern: () => (waves.length === 0 ? '(no Store call)' : waves.map((w) => w.join(' + ')).join(' → ')),
  };
}
