import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createEngine } from '../src/bot/engine.ts';
import type { Inbound } from '../src/bot/messages.ts';
import type { Catalog } from '../src/domain/catalog.ts';
import { createMemoryStore } from '../src/store/memory-store.ts';
import { BENCH_AT } from './conversation.ts';
import type { BenchOptions } from './options.ts';
import type { SectionResult } from './stats.ts';

/** A full collection before each reading, so the figure is what is held, not what is garbage. */
function collect(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/**
 * The embedded store under many one-off conversations: RSS and heap after N distinct people said
 * "hjelp" once each, 10 minutes later (their dialogs are still within the 30-day TTL, once-markers
 * too), and after the dialog TTL has passed, when the store must have let them go.
 */
export async function memoryRows(catalog: Catalog, options: BenchOptions): Promise<SectionResult> {
  const people = options.quick ? 500 : 10_000;
  let now = BENCH_AT.getTime();
  const clock = () => new Date(now);
  const store = createMemoryStore({ clock });
  const engine = createEngine({ store, catalog, clock });
  const readings: string[] = [];
  const read = (when: string) => {
    collect();
    const m = process.memoryUsage();
    readings.push(
      `  ${when.padEnd(40)} rss ${mb(m.rss).padStart(9)}  heap ${mb(m.heapUsed).padStart(9)}  store entries ${store.entryCount()}`,
    );
  };
  read('before');
  for (let i = 0; i < people; i++) {
    // As an adapter hands it over: a delivery to de-duplicate and a profile to keep.
    const event: Inbound = {
      platform: 'teams',
      user: { id: `mem-user-${i}`, name: `Person ${i}`, locale: 'nb' },
      conversation: { id: `mem-conversation-${i}`, kind: 'personal' },
      // Starts the eligibility check: a dialog state (30-day TTL) besides the delivery mark.
      text: 'kan jeg søke?',
      at: clock(),
      bookkeeping: { once: { key: `teams:mem-activity-${i}`, ttlSeconds: 24 * 3600 }, keepProfile: true },
    };
    await engine.handle(event);
  }
  read(`after ${people} distinct conversations`);
  now += 10 * 60_000;
  await store.getDialog('sweep');
  read('10 minutes later');
  now += 31 * 24 * 3600_000;
  await store.getDialog('sweep');
  read('after the 30-day dialog TTL');
  await store.close();
  return { rows: [], notes: ['Memory of the embedded store (MemoryStore), one engine:', ...readings] };
}
