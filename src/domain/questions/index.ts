import type { Catalog } from '../catalog.ts';
import { buildTopicSearch, type TopicSearch } from './search.ts';

const built = new WeakMap<Catalog, TopicSearch>();

/** The question index of a catalog, built once (loadCatalog builds it at load time). */
export function questionsOf(catalog: Catalog): TopicSearch {
  let index = built.get(catalog);
  if (!index) {
    index = buildTopicSearch(catalog.calls, catalog.knowledge);
    built.set(catalog, index);
  }
  return index;
}
