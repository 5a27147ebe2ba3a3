import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { Outbound } from '../../src/bot/messages.ts';
import type { Sender, SendResult } from '../../src/bot/ports.ts';
import type { Clock } from '../../src/domain/clock.ts';
import type { Metrics } from '../../src/server/metrics.ts';
import { fits, RETRY, waitBefore } from '../../src/server/retry-policy.ts';
import type { ConversationRef, Store } from '../../src/store/store.ts';
import { renderOutbound } from './adaptive-card.ts';
import { readConnectorFailure } from './connector-errors.ts';
import { referenceOf, tenantOf } from './conversation-ref.ts';
import type { RateGate, Sleep } from './rate-limit.ts';

const IDEMPOTENCY_TTL_SECONDS = 14 * 24 * 3600;

export interface TeamsSenderDeps {
  cloud: CloudAdapter;
  appId: string;
  store: Store;
  gate: RateGate;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  metrics?: Metrics;
  /** Jitter of the back-off (tests pin it). */
  random?: () => number;
}

/** Posts one message into a stored conversation; resolves with the first activity id. */
type Attempt = (ref: ConversationRef) => Promise<string>;

/**
 * Proactive delivery from stored conversation references: rate-limited through the shared gate, each
 * connector call under its deadline (connector-guard.ts), and retried by the one retry policy
 * (src/server/retry-policy.ts, `inSend`): 429 after Retry-After, 5xx, 408, 412, timeouts and resets
 * with jittered back-off, a few times within seconds. What does not fit is handed back to the caller
 * (the reminder queue backs off for hours); only a 2xx is reported as sent.
 */
export function createTeamsSender(deps: TeamsSenderDeps): Sender {
  async function deliver(
    ref: ConversationRef,
    attempt: Attempt,
    missing: 'not-installed' | 'gone',
    noWait = false,
  ): Promise<SendResult> {
    const started = deps.clock().getTime();
    for (let n = 1; ; n++) {
      const gate = await deps.gate.acquire(ref.key, tenantOf(ref), noWait ? 0 : undefined);
      if (!gate.ok)
        return { ok: false, reason: 'rate-limited', retryAfterMs: gate.retryAfterMs, gated: true };
      try {
        return { ok: true, messageRef: await attempt(ref) };
      } catch (e) {
        const failure = readConnectorFailure(e, deps.clock().getTime());
        const { status, retryAfterMs } = failure;
        deps.metrics?.outboundFailures.inc({ platform: 'teams', call: 'proactive', reason: failure.reason });
        if (status === 403 || status === 404) {
          deps.log.info(
            { conversation: ref.key, status },
            'teams: conversation unreachable (app removed or user blocked it)',
          );
          return { ok: false, reason: missing };
        }
        if (failure.verdict === 'refused') {
          deps.log.error({ err: e, conversation: ref.key, status }, 'teams: proactive send refused');
          return { ok: false, reason: 'refused' };
        }
        const wait = waitBefore(RETRY.inSend, n, retryAfterMs, deps.random);
        if (!fits(RETRY.inSend, deps.clock().getTime() - started, wait, n)) {
          // The caller (the reminder queue) waits longer than a send may: Retry-After, or its back-off.
          deps.log.warn(
            { conversation: ref.key, reason: failure.reason, attempts: n, retryAfterMs },
            'teams: send not delivered; handing the retry back',
          );
          return {
            ok: false,
            reason: status === 429 ? 'rate-limited' : 'error',
            ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          };
        }
        deps.log.info(
          { conversation: ref.key, reason: failure.reason, waitMs: wait, attempt: n },
          'teams: retrying send',
        );
        await deps.sleep(wait);
      }
    }
  }

  /** Posts (or, with `update`, replaces then continues) in the stored conversation; returns the first id. */
  const post =
    (message: Outbound, update?: string): Attempt =>
    async (ref) => {
      let first = '';
      await deps.cloud.continueConversationAsync(deps.appId, referenceOf(ref), async (context) => {
        for (const [i, activity] of renderOutbound(message).entries()) {
          if (i === 0 && update) {
            await context.updateActivity({ ...activity, id: update });
            first = update;
            continue;
          }
          const res = await context.sendActivity(activity);
          if (!first) first = res?.id ?? '';
        }
      });
      return first;
    };

  /**
   * A keyed send (a reminder) posts nothing when its key was already delivered, and its key is
   * recorded only after the connector's 2xx. An unclear failure records nothing, so the retry posts:
   * a rare duplicate (a replica dying between the 2xx and the record) is accepted over a lost reminder.
   */
  async function keyed(key: string | undefined, send: () => Promise<SendResult>): Promise<SendResult> {
    if (key === undefined) return send();
    const marker = `teams:sent:${key}`;
    if (await deps.store.isClaimed(marker)) {
      deps.log.info({ key }, 'teams: keyed send already delivered; not posting again');
      return { ok: true, messageRef: '' };
    }
    const result = await send();
    if (result.ok)
      await deps.store
        .claimOnce(marker, IDEMPOTENCY_TTL_SECONDS)
        .catch((e: unknown) => deps.log.warn({ err: e, key }, 'teams: sent, but the record of it failed'));
    return result;
  }

  return {
    platform: 'teams',
    async sendToConversation(conversationKey, message, options) {
      const ref = await deps.store.getConversationRef(conversationKey);
      if (!ref) return { ok: false, reason: 'gone' };
      return keyed(options?.idempotencyKey, () => deliver(ref, post(message), 'gone', options?.noWait));
    },
    async sendToUser(userId, message, options) {
      const ref = await deps.store.getPersonalRef('teams', userId);
      if (!ref) return { ok: false, reason: 'not-installed' };
      return keyed(options?.idempotencyKey, () =>
        deliver(ref, post(message), 'not-installed', options?.noWait),
      );
    },
    async update(conversationKey, messageRef, message) {
      const ref = await deps.store.getConversationRef(conversationKey);
      if (!ref) return { ok: false, reason: 'gone' };
      return deliver(ref, post(message, messageRef), 'gone');
    },
  };
}
