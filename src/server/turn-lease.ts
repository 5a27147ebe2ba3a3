import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Engine, TurnReplies } from '../bot/engine-port.ts';
import type { Inbound, TurnResult } from '../bot/messages.ts';
import type { Store } from '../store/store.ts';

/**
 * The turn's side of de-duplication (docs/reliability.md, "Turns"). A delivery claims its key with a
 * short in-progress lease, renewed while the turn runs, so a replica that dies mid-turn frees it within
 * one lease; the adapter settles it once the answer went out (done) or did not (given back, so the
 * platform's redelivery is answered). A delivery that finds another's live lease waits a little for it
 * to end: when the other replica died or gave up, this one answers; when it finished, this one is
 * the duplicate it looked like.
 */
export interface TurnLeaseOptions {
  /** The in-progress lease; renewed every third of it while the turn runs. */
  leaseMs: number;
  /** Renewal stops after this (a turn is answered within 15 s), so a stuck turn's lease still ends. */
  maxTurnMs: number;
  /** How long a delivery that found a live lease waits for it to end, polling every `pollMs`. */
  pendingWaitMs: number;
  pollMs: number;
}

export const TURN_LEASE: TurnLeaseOptions = {
  leaseMs: 5_000,
  maxTurnMs: 20_000,
  pendingWaitMs: 6_000,
  pollMs: 250,
};

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface TurnLease {
  /** The event to run: its dedup key carries this delivery's token and lease. */
  readonly event: Inbound;
  /** Runs the engine; while another delivery holds a live lease, waits for it within the bound. */
  run(engine: Engine): Promise<TurnResult>;
  /** For the adapter: ends the lease as answered or not (renewal stops either way). Idempotent. */
  settle: NonNullable<TurnReplies['settle']>;
  /** Stops renewal without settling (a duplicate, which holds no lease). */
  drop(): void;
}

export function openTurnLease(
  store: Store,
  event: Inbound,
  log: Logger,
  options: TurnLeaseOptions = TURN_LEASE,
): TurnLease {
  const once = event.bookkeeping?.once;
  if (!once) {
    return { event, run: (engine) => engine.handle(event), settle: async () => {}, drop() {} };
  }
  const token = randomUUID();
  const withToken: Inbound = {
    ...event,
    bookkeeping: { ...event.bookkeeping, once: { ...once, token, leaseMs: options.leaseMs } },
  };
  let timer: NodeJS.Timeout | undefined;
  let stopAt = 0;
  let settled = false;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  const renew = () => {
    if (Date.now() > stopAt) {
      stop();
      return;
    }
    store.renewTurn(once.key, token, options.leaseMs).catch((e: unknown) => {
      log.warn({ err: e, key: once.key }, 'turn lease could not be renewed');
    });
  };
  return {
    event: withToken,
    async run(engine) {
      const started = Date.now();
      for (;;) {
        const result = await engine.handle(withToken);
        if (!result.pending || Date.now() - started >= options.pendingWaitMs) {
          if (!result.duplicate) {
            stopAt = Date.now() + options.maxTurnMs;
            timer = setInterval(renew, Math.max(50, Math.floor(options.leaseMs / 3)));
            timer.unref();
          }
          return result;
        }
        await wait(options.pollMs);
      }
    },
    async settle(outcome) {
      if (settled) return;
      settled = true;
      stop();
      await store
        .finishTurn(once.key, token, outcome === 'answered' ? 'done' : 'retry', once.ttlSeconds)
        .catch((e: unknown) => log.warn({ err: e, key: once.key, outcome }, 'turn could not be settled'));
    },
    drop: stop,
  };
}
