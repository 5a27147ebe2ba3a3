import type { Call } from '../call.ts';
import type { Catalog } from '../catalog.ts';
import { buildTopicSearch, type TopicSearch } from './search.ts';

/** By the calls array, not the catalog: a live catalog keeps its identity when its calls are replaced. */
const built = new WeakMap<readonly Call[], TopicSearch>();

/** The question index of a catalog, built once (loadCatalog builds it at load time). */
export function questionsOf(catalog: Catalog): TopicSearch {
  let index = built.get(catalog.calls);
  if (!index) {
    index = buildTopicSearch(catalog.calls, catalog.knowledge);
    built.set(catalog.calls, index);
  }
  return index;
}
