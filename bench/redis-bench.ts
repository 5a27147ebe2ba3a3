import type { Catalog } from '../src/domain/catalog.ts';
import { createRedisStore } from '../src/store/redis-store.ts';
import { BenchUser, ROUND_TRIP_SCRIPT, stepLabel } from './conversation.ts';
import { CostTable, openCountingStore, type RoundTripStat } from './counting-store.ts';
import { benchEngine, warmThenPlay } from './engine-bench.ts';
import type { BenchOptions } from './options.ts';
import { acquireRedis, type RedisTarget } from './redis-target.ts';
import { countRoleRoundTrips } from './round-trips-roles.ts';
import type { SectionResult } from './stats.ts';

/** Issue 3: one chat turn costs at most two round trips to Redis. */
export const MAX_ROUND_TRIPS = 2;

/**
 * Plays the script for a few users one turn at a time through a counting relay, so each count
 * belongs to exactly one turn. Dialog-state keys are per user, so every user's turns are comparable.
 */
async function countRoundTrips(
  target: RedisTarget,
  catalog: Catalog,
  prefix: string,
  users: number,
): Promise<RoundTripStat[]> {
  const counting = await openCountingStore(target, prefix);
  try {
    const engine = benchEngine(counting.store, catalog, `${prefix}rt-`);
    const table = new CostTable();
    for (let u = 0; u < users; u++) {
      const user = new BenchUser(engine, `rt${u}`);
      for (const [i, step] of ROUND_TRIP_SCRIPT.steps.entries()) {
        const event = user.next(step);
        table.add(stepLabel(step, i), await counting.measure(() => user.send(event)));
      }
      user.assertFinished(ROUND_TRIP_SCRIPT);
    }
    return table.stats();
  } finally {
    await counting.close();
  }
}

export function roundTripNotes(stats: readonly RoundTripStat[], heading: string): string[] {
  const turns = stats.reduce((a, s) => a + s.turns, 0);
  const max = Math.max(...stats.map((s) => s.max));
  const mean = stats.reduce((a, s) => a + s.mean * s.turns, 0) / Math.max(1, turns);
  const width = Math.max(...stats.map((s) => s.step.length));
  const lines = [
    '',
    `${heading}: max ${max}, mean ${mean.toFixed(2)} (limit ${MAX_ROUND_TRIPS}; ${turns} measured)`,
    ...stats.map(
      (s) =>
        `  ${s.step.padEnd(width)}  max ${s.max}  mean ${s.mean.toFixed(2)}  Store: ${s.patterns.join(' | ')}`,
    ),
  ];
  for (const s of stats) {
    if (s.max > MAX_ROUND_TRIPS) {
      lines.push(
        `WARNING: ${s.step.trim()} took ${s.max} Redis round trips (limit ${MAX_ROUND_TRIPS}); Store calls: ${s.patterns.join(' | ')}`,
      );
    }
  }
  return lines;
}

/** Engine turns on RedisStore: throughput with many users at once, and round trips per turn. */
export async function redisRows(catalog: Catalog, options: BenchOptions): Promise<SectionResult> {
  const target = await acquireRedis();
  const prefix = `bench-${process.pid}-${Date.now()}:`;
  try {
    const store = createRedisStore({ url: target.url, prefix });
    let rows: SectionResult['rows'];
    try {
      await store.ping();
      rows = await warmThenPlay('engine/redis', store, catalog, options, 'u-');
    } finally {
      await store.close();
    }
    const stats = await countRoundTrips(target, catalog, prefix, options.quick ? 2 : 5);
    const roles = await countRoleRoundTrips(target, catalog, prefix, options.quick ? 1 : 3);
    return {
      rows,
      notes: [
        `(Redis: ${target.describe})`,
        ...roundTripNotes(stats, 'Redis round trips per engine turn'),
        ...roundTripNotes(roles, "Redis round trips of leaders', quality chiefs' and channels' turns"),
      ],
    };
  } finally {
    await target.release(prefix);
  }
}
