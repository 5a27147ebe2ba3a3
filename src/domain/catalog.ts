import type { Call } from './call.ts';

/** The loaded calls, by id. Built once at start-up from every valid file, or not at all. */
export interface Catalog {
  readonly calls: readonly Call[];
  get(id: string): Call | undefined;
}

export function createCatalog(calls: readonly Call[]): Catalog {
  const byId = new Map(calls.map((c) => [c.id, c]));
  return { calls, get: (id) => byId.get(id) };
}
