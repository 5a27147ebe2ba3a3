import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { withBookkeeping } from '../bot/bookkeeping.ts';
import { deliverNotifications } from '../bot/deliver.ts';
import type { Engine, TurnReplies, TurnRunner } from '../bot/engine-port.ts';
import type { Inbound } from '../bot/messages.ts';
import type { Sender } from '../bot/ports.ts';
import type { Platform } from '../domain/application.ts';
import { isMidlerError } from '../domain/errors.ts';
import { t } from '../i18n/t.ts';
import type { Store } from '../store/store.ts';
import { lazyChild } from './lazy-log.ts';
import type { Metrics } from './metrics.ts';
import { openTurnLease, TURN_LEASE, type TurnLeaseOptions } from './turn-lease.ts';

export interface TurnRunnerDeps {
  engine: Engine;
  /** The proactive senders of the enabled platforms; looked up per notification. */
  senders: () => ReadonlyMap<Platform, Sender>;
  store: Store;
  log: Logger;
  metrics: Metrics;
  /** Longest typed text read (MAX_TEXT_CHARS); longer is answered "too long" and changes nothing. */
  maxTextChars?: number;
  /** The de-duplication lease of a turn (tests shorten it). */
  lease?: TurnLeaseOptions;
  /** Host commands answered before the engine (the development clock's `/at`); undefined: not one. */
  intercept?: (event: Inbound) => Promise<TurnReplies | undefined>;
}

export const DEFAULT_MAX_TEXT_CHARS = 4000;
/**
 * Typed text longer than this is read in the long lane: one such turn at a time per process, started
 * only when no short turn is in flight (or after LONG_TURN_YIELD_MS). Reading pasted text is
 * synchronous work on the shared event loop; this way people pasting at once delay each other, while
 * everyone else waits for at most the one long turn under way.
 */
export const LONG_TEXT_CHARS = 1000;
const LONG_TURN_YIELD_MS = 2_000;
/**
 * Long turns waiting in the lane at most; one more is answered "try again in a moment" unread (a few
 * hundred ms each: more would wait past the platforms' answer deadlines anyway).
 */
export const LONG_LANE_MAX_WAITING = 8;

/**
 * The per-turn error boundary: one failing turn is logged and answered politely, and the process
 * lives on. Notifications go out after the engine has committed its state, each on its own, so a
 * leader who has not installed the app does not cost the applicant their reply. The turn's
 * de-duplication lease is claimed with the engine's first round trip and settled by the adapter.
 */
export function createTurnRunner(deps: TurnRunnerDeps): TurnRunner {
  const engine = withBookkeeping(deps.store, deps.engine);
  const maxText = deps.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
  let longTail: Promise<unknown> = Promise.resolve();
  let longWaiting = 0;
  let shortInFlight = 0;
  const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const shortTurnsDone = async () => {
    // First a moment for requests that arrived during the last long turn to reach the runner.
    await pause(10);
    const until = performance.now() + LONG_TURN_YIELD_MS;
    while (shortInFlight > 0 && performance.now() < until) await pause(2);
  };
  const inLongLane = <T>(work: () => Promise<T>): Promise<T> => {
    longWaiting += 1;
    const run = longTail.then(shortTurnsDone).then(() => {
      longWaiting -= 1;
      return work();
    });
    longTail = run.catch(() => undefined);
    return run;
  };
  return async (event: Inbound): Promise<TurnReplies> => {
    const own = await deps.intercept?.(event);
    if (own) return own;
    const chars = event.text?.length ?? 0;
    // Text over the limit is not read at all (answered at once); long text under it takes the lane.
    if (chars > LONG_TEXT_CHARS && chars <= maxText) {
      if (longWaiting >= LONG_LANE_MAX_WAITING) {
        deps.metrics.inputRefused.inc({ platform: event.platform, reason: 'long-queue-full' });
        deps.log.warn(
          { platform: event.platform, conversation: event.conversation.id, waiting: longWaiting },
          'long text not read: the long lane is full',
        );
        const locale = event.user.locale ?? 'nb';
        return { replies: [{ kind: 'text', text: t(locale, 'engine.long-queue-full') }], locale };
      }
      return inLongLane(() => runTurn(event));
    }
    shortInFlight += 1;
    try {
      return await runTurn(event);
    } finally {
      shortInFlight -= 1;
    }
  };

  async function runTurn(event: Inbound): Promise<TurnReplies> {
    const labels = { platform: event.platform };
    const started = performance.now();
    const log = lazyChild(deps.log, { platform: event.platform, conversation: event.conversation.id });
    deps.metrics.turns.inc(labels);
    const locale = event.user.locale ?? 'nb';
    if ((event.text?.length ?? 0) > maxText) {
      // Read nothing, change nothing: the matcher and the dialogs never see text this long.
      deps.metrics.inputRefused.inc({ ...labels, reason: 'too-long' });
      log.info({ chars: event.text?.length, max: maxText }, 'text too long; answered without a turn');
      return { replies: [{ kind: 'text', text: t(locale, 'engine.too-long', { max: maxText }) }], locale };
    }
    const lease = openTurnLease(deps.store, event, log, deps.lease ?? TURN_LEASE);
    try {
      const result = await lease.run(engine);
      if (result.duplicate) {
        lease.drop();
        log.info(
          { once: event.bookkeeping?.once?.key, inProgress: result.pending === true },
          'duplicate delivery ignored',
        );
        return { replies: [], duplicate: true };
      }
      if (result.replayed)
        log.info({ once: event.bookkeeping?.once?.key }, 'redelivery answered from the kept replay');
      if (result.error !== undefined) {
        // The engine already answered politely; the failure still counts and is logged here.
        deps.metrics.turnErrors.inc(labels);
        if (isMidlerError(result.error, 'store.unavailable')) deps.metrics.redisErrors.inc();
        log.error({ err: result.error }, 'turn failed inside the engine');
      }
      const unreachable = await deliverNotifications(event, result, {
        senders: deps.senders,
        store: deps.store,
        log,
        onResult: (platform, sent) =>
          deps.metrics.proactiveSends.inc({ platform, result: sent.ok ? 'ok' : sent.reason }),
      });
      return {
        replies: [...result.replies, ...unreachable],
        ...(result.locale ? { locale: result.locale } : {}),
        settle: lease.settle,
      };
    } catch (e) {
      deps.metrics.turnErrors.inc(labels);
      if (isMidlerError(e, 'store.unavailable')) deps.metrics.redisErrors.inc();
      log.error({ err: e }, 'turn failed');
      const text = isMidlerError(e, 'store.unavailable')
        ? t(locale, 'engine.error.store-unavailable')
        : t(locale, 'engine.error.generic');
      return { replies: [{ kind: 'text', text }], locale, settle: lease.settle };
    } finally {
      deps.metrics.turnSeconds.observe((performance.now() - started) / 1000, labels);
    }
  }
}
