import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Outbound } from '../../src/bot/messages.ts';
import type { Sender, SendResult } from '../../src/bot/ports.ts';
import type { Clock } from '../../src/domain/clock.ts';
import type { ConversationRef, Store } from '../../src/store/store.ts';
import { renderOutbound } from './adaptive-card.ts';
import { referenceOf, tenantOf } from './conversation-ref.ts';
import type { RateGate, Sleep } from './rate-limit.ts';

const RETRYABLE = new Set([412, 429, 502, 503, 504]);
const MAX_ATTEMPTS = 4;
const MAX_RETRY_AFTER_MS = 60_000;
const IDEMPOTENCY_TTL_SECONDS = 14 * 24 * 3600;

export interface ConnectorFailure {
  status: number | undefined;
  retryAfterMs: number | undefined;
}

/** Reads the HTTP status and Retry-After out of whatever the connector client threw. */
export function connectorFailure(e: unknown, nowMs: number): ConnectorFailure {
  const err = e as { statusCode?: unknown; response?: { status?: unknown; headers?: unknown } } | undefined;
  const status =
    typeof err?.statusCode === 'number'
      ? err.statusCode
      : typeof err?.response?.status === 'number'
        ? err.response.status
        : undefined;
  const headers = err?.response?.headers as
    | { get?: (name: string) => string | undefined }
    | Record<string, string>
    | undefined;
  const raw =
    typeof headers?.get === 'function'
      ? headers.get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  let retryAfterMs: number | undefined;
  if (raw !== undefined && raw !== null && raw !== '') {
    const seconds = Number(raw);
    retryAfterMs = Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(String(raw)) - nowMs);
    if (Number.isNaN(retryAfterMs)) retryAfterMs = undefined;
  }
  return { status, retryAfterMs };
}

/**
 * The connector client's HTTP pipeline retries 429/5xx on its own, with real timers and without
 * our shared rate gate. Proactive sends retry here instead (bounded, Retry-After honoured, the gate
 * re-checked), so the SDK's retry policy is taken out of this turn's client.
 */
function withoutSdkRetries(context: TurnContext): void {
  const connector = context.turnState.get(context.adapter.ConnectorClientKey) as
    | { client?: { pipeline?: { removePolicy(options: { name: string }): unknown } } }
    | undefined;
  connector?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}

export interface TeamsSenderDeps {
  cloud: CloudAdapter;
  appId: string;
  store: Store;
  gate: RateGate;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
}

/** Counts the activities an attempt got posted, so a failure can tell "nothing went out". */
type Attempt = (ref: ConversationRef, progress: { posted: number }) => Promise<string>;

/** An error answer from the connector before anything was posted: a retry may post it. */
type Failed = SendResult & { nothingPosted?: boolean };

/**
 * Proactive delivery from stored conversation references: rate-limited through the shared gate,
 * retrying throttling and gateway errors with Retry-After or bounded exponential backoff.
 */
export function createTeamsSender(deps: TeamsSenderDeps): Sender {
  async function deliver(
    ref: ConversationRef,
    attempt: Attempt,
    missing: 'not-installed' | 'gone',
  ): Promise<Failed> {
    for (let n = 1; ; n++) {
      const gate = await deps.gate.acquire(ref.key, tenantOf(ref));
      if (!gate.ok) return { ok: false, reason: 'rate-limited', retryAfterMs: gate.retryAfterMs };
      const progress = { posted: 0 };
      try {
        return { ok: true, messageRef: await attempt(ref, progress) };
      } catch (e) {
        const { status, retryAfterMs } = connectorFailure(e, deps.clock().getTime());
        // The connector answered with an error status and no activity went out in this attempt.
        const nothingPosted = status !== undefined && progress.posted === 0;
        if (status === 403 || status === 404) {
          deps.log.info(
            { conversation: ref.key, status },
            'teams: conversation unreachable (app removed or user blocked it)',
          );
          return { ok: false, reason: missing };
        }
        if (status !== undefined && RETRYABLE.has(status)) {
          // A long Retry-After goes back to the caller (the reminder queue) instead of holding this send.
          if (retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS) {
            deps.log.info(
              { conversation: ref.key, status, retryAfterMs },
              'teams: long Retry-After; handing back',
            );
            return { ok: false, reason: 'rate-limited', retryAfterMs };
          }
          const wait = retryAfterMs ?? 500 * 2 ** (n - 1);
          if (n >= MAX_ATTEMPTS) {
            deps.log.warn({ conversation: ref.key, status, attempts: n }, 'teams: giving up after retries');
            return {
              ok: false,
              reason: status === 429 ? 'rate-limited' : 'error',
              retryAfterMs: wait,
              nothingPosted,
            };
          }
          deps.log.info({ conversation: ref.key, status, waitMs: wait, attempt: n }, 'teams: retrying send');
          await deps.sleep(wait);
          continue;
        }
        deps.log.error({ err: e, conversation: ref.key, status }, 'teams: proactive send failed');
        return { ok: false, reason: 'error', nothingPosted };
      }
    }
  }

  /** Posts (or, with `update`, replaces then continues) in the stored conversation; returns the first id. */
  const post =
    (message: Outbound, update?: string): Attempt =>
    async (ref, progress) => {
      let first = '';
      await deps.cloud.continueConversationAsync(deps.appId, referenceOf(ref), async (context) => {
        withoutSdkRetries(context);
        for (const [i, activity] of renderOutbound(message).entries()) {
          if (i === 0 && update) {
            await context.updateActivity({ ...activity, id: update });
            first = update;
            progress.posted++;
            continue;
          }
          const res = await context.sendActivity(activity);
          progress.posted++;
          if (!first) first = res?.id ?? '';
        }
      });
      return first;
    };

  /**
   * A keyed send posts at most once across retries and replicas. When the connector answered that
   * nothing was posted (throttled, unreachable, an error status such as a 500) the claim is given back
   * so a retry can post; after an unclear failure (no answer, or part of the message went out) it is
   * kept, because a duplicate reminder is worse than a late one.
   */
  async function once(key: string | undefined, send: () => Promise<Failed>): Promise<SendResult> {
    if (key === undefined) return strip(await send());
    const marker = `teams:send:${key}`;
    if (!(await deps.store.claimOnce(marker, IDEMPOTENCY_TTL_SECONDS))) {
      deps.log.info({ key }, 'teams: idempotent send already done; not posting again');
      return { ok: true, messageRef: '' };
    }
    const result = await send();
    if (!result.ok && (result.reason !== 'error' || result.nothingPosted === true))
      await deps.store.releaseOnce(marker).catch(() => undefined);
    return strip(result);
  }

  function strip(result: Failed): SendResult {
    if (result.ok) return result;
    const { nothingPosted: _, ...rest } = result;
    return rest;
  }

  return {
    platform: 'teams',
    async sendToConversation(conversationKey, message, options) {
      const ref = await deps.store.getConversationRef(conversationKey);
      if (!ref) return { ok: false, reason: 'gone' };
      return once(options?.idempotencyKey, () => deliver(ref, post(message), 'gone'));
    },
    async sendToUser(userId, message, options) {
      const ref = await deps.store.getPersonalRef('teams', userId);
      if (!ref) return { ok: false, reason: 'not-installed' };
      return once(options?.idempotencyKey, () => deliver(ref, post(message), 'not-installed'));
    },
    async update(conversationKey, messageRef, message) {
      const ref = await deps.store.getConversationRef(conversationKey);
      if (!ref) return { ok: false, reason: 'gone' };
      return strip(await deliver(ref, post(message, messageRef), 'gone'));
    },
  };
}
