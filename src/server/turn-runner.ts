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
import type { Metrics } from './metrics.ts';

export interface TurnRunnerDeps {
  engine: Engine;
  /** The proactive senders of the enabled platforms; looked up per notification. */
  senders: () => ReadonlyMap<Platform, Sender>;
  store: Store;
  log: Logger;
  metrics: Metrics;
}

/**
 * The per-turn error boundary: one failing turn is logged and answered politely, and the process
 * lives on. Notifications go out after the engine has committed its state, each on its own, so a
 * leader who has not installed the app does not cost the applicant their reply.
 */
export function createTurnRunner(deps: TurnRunnerDeps): TurnRunner {
  const engine = withBookkeeping(deps.store, deps.engine);
  return async (event: Inbound): Promise<TurnReplies> => {
    const labels = { platform: event.platform };
    const started = performance.now();
    const log = deps.log.child({ platform: event.platform, conversation: event.conversation.id });
    deps.metrics.turns.inc(labels);
    try {
      const result = await engine.handle(event);
      if (result.duplicate) {
        log.info({ once: event.bookkeeping?.once?.key }, 'duplicate delivery ignored');
        return { replies: [], duplicate: true };
      }
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
      };
    } catch (e) {
      deps.metrics.turnErrors.inc(labels);
      if (isMidlerError(e, 'store.unavailable')) deps.metrics.redisErrors.inc();
      log.error({ err: e }, 'turn failed');
      const locale = event.user.locale ?? 'nb';
      const text = isMidlerError(e, 'store.unavailable')
        ? t(locale, 'engine.error.store-unavailable')
        : t(locale, 'engine.error.generic');
      return { replies: [{ kind: 'text', text }], locale };
    } finally {
      deps.metrics.turnSeconds.observe((performance.now() - started) / 1000, labels);
    }
  };
}
