import type { Call } from './call.ts';
import { EMPTY_KNOWLEDGE, type Knowledge } from './questions/knowledge.ts';

/** The loaded calls, by id. Built once at start-up from every valid file, or not at all. */
export interface Catalog {
  readonly calls: readonly Call[];
  get(id: string): Call | undefined;
  /** The call texts and synonyms the question search reads (empty for a catalog built in memory). */
  readonly knowledge: Knowledge;
}

export function createCatalog(calls: readonly Call[], knowledge: Knowledge = EMPTY_KNOWLEDGE): Catalog {
  const byId = new Map(calls.map((c) => [c.id, c]));
  return { calls, get: (id) => byId.get(id), knowledge };
}

/** A catalog whose calls can be replaced while the host runs (a call file added or changed). */
export interface LiveCatalog extends Catalog {
  replace(next: Catalog): void;
}

/**
 * Everything built at start-up (engine, adapters, loops) keeps this one object; a reload swaps what
 * it reads, so no part needs a restart or its own reload path. A turn that reads the calls twice may
 * straddle a reload: both sets are complete and valid, which is what matters.
 */
export function createLiveCatalog(initial: Catalog): LiveCatalog {
  let current = initial;
  return {
    get calls() {
      return current.calls;
    },
    get knowledge() {
      return current.knowledge;
    },
    get: (id) => current.get(id),
    replace(next) {
      current = next;
    },
  };
}
