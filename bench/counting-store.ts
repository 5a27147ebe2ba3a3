import { createRedisStore } from '../src/store/redis-store.ts';
import type { Store } from '../src/store/store.ts';
import type { RedisTarget } from './redis-target.ts';
import { type RoundTripProxy, startRoundTripProxy } from './round-trip-proxy.ts';
import { type StoreTrace, traceStore } from './store-trace.ts';

/** What one measured piece of work cost in Redis. */
export interface Cost {
  /** Round trips on the wire (see round-trip-proxy.ts). */
  trips: number;
  /** The Store calls in waves, e.g. `getUser + getDialog → putDialog`. */
  pattern: string;
}

/** A RedisStore whose connection runs through a counting relay and whose calls are traced. */
export interface CountingStore {
  readonly store: Store;
  /** Runs `work` alone (nothing else may use the store meanwhile) and reports what it cost. */
  measure(work: () => Promise<unknown>): Promise<Cost>;
  close(): Promise<void>;
}

/**
 * Runs `work` alone on a store traced by `trace` behind `proxy`, and reports what it cost. The done-mark
 * written after the answer went out (`finishTurn`, docs/reliability.md) is outside the round-trip
 * budget (issue 3); the pattern still shows it.
 */
async function costOf(proxy: RoundTripProxy, trace: StoreTrace, work: () => Promise<unknown>): Promise<Cost> {
  proxy.reset();
  trace.reset();
  await work();
  const pattern = trace.pattern();
  const doneMarks = pattern.split(' → ').filter((wave) => wave === 'finishTurn').length;
  return { trips: proxy.roundTrips - doneMarks, pattern };
}

/** Only where the relay forwards to and how to reach it are needed: the round-trip test passes its own. */
export async function openCountingStore(
  target: Pick<RedisTarget, 'direct' | 'via'>,
  prefix: string,
): Promise<CountingStore> {
  if (!target.direct)
    throw new Error('round trips are counted through a TCP relay: needs a plain redis:// URL');
  const proxy = await startRoundTripProxy(target.direct);
  const inner = createRedisStore({ url: target.via(proxy.port), prefix });
  const trace = traceStore(inner);
  // Connect (and the client's ready check) before anything is counted.
  await inner.ping();
  return {
    store: trace.store,
    measure: (work) => costOf(proxy, trace, work),
    async close() {
      await inner.close();
      await proxy.close();
    },
  };
}

/** Round trips of one kind of request or turn, over several repetitions. */
export interface RoundTripStat {
  step: string;
  turns: number;
  max: number;
  mean: number;
  /** Distinct Store call patterns seen. */
  patterns: string[];
}

/** Collects costs by step label, keeping the order steps were first seen in. */
export class CostTable {
  private readonly byStep = new Map<string, { trips: number[]; patterns: Set<string> }>();

  add(step: string, cost: Cost): void {
    const entry = this.byStep.get(step) ?? { trips: [], patterns: new Set<string>() };
    entry.trips.push(cost.trips);
    entry.patterns.add(cost.pattern);
    this.byStep.set(step, entry);
  }

  stats(): RoundTripStat[] {
    return [...this.byStep].map(([step, { trips, patterns }]) => ({
      step,
      turns: trips.length,
      max: Math.max(...trips),
      mean: trips.reduce((a, b) => a + b, 0) / Math.max(1, trips.length),
      patterns: [...patterns],
    }));
  }
}
