import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/bot/engine.ts';
import type { Catalog } from '../src/domain/catalog.ts';
import { createMemoryStore } from '../src/store/memory-store.ts';
import type { Store } from '../src/store/store.ts';
import { BENCH_AT, BenchUser, ELIGIBILITY_SCRIPT } from './conversation.ts';
import type { BenchOptions } from './options.ts';
import { type Row, summarise } from './stats.ts';

export function benchEngine(store: Store, catalog: Catalog, idPrefix: string) {
  let n = 0;
  return createEngine({
    store,
    catalog,
    clock: () => new Date(BENCH_AT.getTime()),
    config: { newId: () => `${idPrefix}app-${++n}` },
  });
}

/**
 * `users` people each play the eligibility script once, `concurrency` of them at a time, so their
 * turns interleave on the one engine and store as they would on a busy replica. Rows: one turn
 * (typed text / button), and a whole conversation.
 */
export async function playConcurrently(
  section: string,
  store: Store,
  catalog: Catalog,
  options: BenchOptions,
  idPrefix: string,
): Promise<Row[]> {
  const engine = benchEngine(store, catalog, idPrefix);
  const texts: number[] = [];
  const clicks: number[] = [];
  const conversations: number[] = [];
  let nextUser = 0;
  const start = performance.now();
  const worker = async () => {
    while (nextUser < options.users && performance.now() - start < options.budgetMs) {
      const user = new BenchUser(engine, `${idPrefix}u${nextUser++}`);
      const c0 = performance.now();
      for (const step of ELIGIBILITY_SCRIPT.steps) {
        const event = user.next(step);
        const t0 = performance.now();
        await user.send(event);
        ('say' in step ? texts : clicks).push(performance.now() - t0);
      }
      user.assertFinished(ELIGIBILITY_SCRIPT);
      conversations.push(performance.now() - c0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const wall = performance.now() - start;
  const c = options.concurrency;
  return [
    summarise(section, `turn: typed text (${c} users at once)`, texts, wall),
    summarise(section, `turn: button click (${c} users at once)`, clicks, wall),
    summarise(section, `turn: any (${c} users at once)`, [...texts, ...clicks], wall),
    summarise(section, `whole ${ELIGIBILITY_SCRIPT.steps.length}-turn conversation`, conversations, wall),
  ];
}

/** Three users first, untimed (JIT and lazy catalog work), then the timed `playConcurrently`. */
export async function warmThenPlay(
  ...[section, store, catalog, options, idPrefix]: Parameters<typeof playConcurrently>
): Promise<Row[]> {
  await playConcurrently(section, store, catalog, { ...options, users: 3, concurrency: 1 }, 'warm-');
  return playConcurrently(section, store, catalog, options, idPrefix);
}

/** Engine turns on the embedded MemoryStore: the engine and dialogs with (almost) no storage cost. */
export async function engineRows(catalog: Catalog, options: BenchOptions): Promise<Row[]> {
  const store = createMemoryStore({ clock: () => new Date(BENCH_AT.getTime()) });
  try {
    return await warmThenPlay('engine/memory', store, catalog, options, 'mem-');
  } finally {
    await store.close();
  }
}
