import type { Clock } from '../../src/domain/clock.ts';
import type { Store } from '../../src/store/store.ts';

/**
 * Teams' published limits, as sliding windows: per conversation 7/1 s, 8/2 s, 60/30 s; per app and
 * tenant about 50/s. Store.tryRate counts fixed windows (shared by every replica through Redis). A
 * sliding window overlaps at most two fixed windows of its size, so giving each fixed window half
 * the budget guarantees the sliding limit.
 */
export const CONVERSATION_LIMITS = [
  { name: '1s', limit: 7, windowMs: 1_000 },
  { name: '2s', limit: 8, windowMs: 2_000 },
  { name: '30s', limit: 60, windowMs: 30_000 },
] as const;
export const TENANT_LIMIT = { name: 'app', limit: 50, windowMs: 1_000 } as const;

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RateGate {
  /** Waits until a send to this conversation fits every window; false when that exceeds `maxWaitMs`. */
  acquire(
    conversationKey: string,
    tenant: string,
    maxWaitMs?: number,
  ): Promise<{ ok: true } | { ok: false; retryAfterMs: number }>;
}

export function createRateGate(deps: {
  store: Store;
  clock: Clock;
  sleep: Sleep;
  appId: string;
  maxWaitMs: number;
}): RateGate {
  // The tenant's window first: a denial there (the usual one in a burst to many conversations) then
  // costs no slot in the conversation's windows, which would otherwise be used up by sends that never
  // happened (its 30 s window most of all). Narrow conversation windows before wide ones for the same
  // reason. A conversation denial costs one tenant slot; the reminder loop's own per-channel pacing
  // keeps those rare.
  const windows = (conversationKey: string, tenant: string) => [
    {
      key: `teams:rate:app:${deps.appId || 'local'}:${tenant}`,
      limit: Math.floor(TENANT_LIMIT.limit / 2),
      windowMs: TENANT_LIMIT.windowMs,
    },
    ...CONVERSATION_LIMITS.map((w) => ({
      key: `teams:rate:conv:${conversationKey}:${w.name}`,
      limit: Math.floor(w.limit / 2),
      windowMs: w.windowMs,
    })),
  ];
  return {
    async acquire(conversationKey, tenant, maxWaitMs = deps.maxWaitMs) {
      const started = deps.clock().getTime();
      for (;;) {
        const now = deps.clock();
        let blocked: { windowMs: number } | undefined;
        for (const w of windows(conversationKey, tenant)) {
          if (!(await deps.store.tryRate(w.key, w.limit, w.windowMs, now))) {
            blocked = w;
            break;
          }
        }
        if (!blocked) return { ok: true };
        const wait = blocked.windowMs - (now.getTime() % blocked.windowMs) + 1;
        if (now.getTime() + wait - started > maxWaitMs) return { ok: false, retryAfterMs: wait };
        await deps.sleep(wait);
      }
    },
  };
}
