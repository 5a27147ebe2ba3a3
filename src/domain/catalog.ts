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
