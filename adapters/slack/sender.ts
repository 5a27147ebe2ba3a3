import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Outbound } from '../../src/bot/messages.ts';
import type { Sender, SendOptions, SendResult } from '../../src/bot/ports.ts';
import type { Locale } from '../../src/domain/call.ts';
import type { Clock } from '../../src/domain/clock.ts';
import type { Store } from '../../src/store/store.ts';
import type { SlackMessage } from './block-kit.ts';
import { channelGate } from './rate-gate.ts';
import { renderMessages } from './render-blocks.ts';
import {
  GONE_ERRORS,
  messageRefOf,
  parseMessageRef,
  platformErrorOf,
  readSlackFailure,
  retryAfterOf,
} from './web-errors.ts';

export interface SlackSenderOptions {
  /** A client built with `rejectRateLimitedCalls` and no retries: this sender owns both decisions. */
  client: webApi.WebClient;
  store: Store;
  clock: Clock;
  log: Logger;
  /** Messages per channel per window, shared by every replica through the Store. Default 1 per 1000 ms. */
  perChannel?: number;
  windowMs?: number;
  /** How long a send waits for its channel's turn before answering `rate-limited`. Default 10 s. */
  maxQueueMs?: number;
  /** A 429 asking for a longer pause than this is handed back to the caller. Default 30 s. */
  maxRetryAfterMs?: number;
  /** 429 retries within one send. Default 3. */
  max429Retries?: number;
  /** How long an idempotency key is remembered. Default 14 days (a reminder's lifetime). */
  idempotencyTtlSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Failed Web API calls are counted here (platform, call, reason). */
  onFailure?: (call: string, reason: string) => void;
}

const NOT_INSTALLED = new Set([
  'not_authed',
  'invalid_auth',
  'token_revoked',
  'account_inactive',
  'missing_scope',
]);

type Failure = Extract<SendResult, { ok: false }>;

function failureOf(e: unknown): Failure {
  const retryAfter = retryAfterOf(e);
  if (retryAfter !== undefined) return { ok: false, reason: 'rate-limited', retryAfterMs: retryAfter * 1000 };
  const error = platformErrorOf(e);
  if (error && GONE_ERRORS.has(error)) return { ok: false, reason: 'gone' };
  if (error && NOT_INSTALLED.has(error)) return { ok: false, reason: 'not-installed' };
  // Unclear (no answer, a 5xx, a transient error) is retried by the caller; a refused message is not.
  return { ok: false, reason: readSlackFailure(e).verdict === 'unknown' ? 'error' : 'refused' };
}

/**
 * Proactive sends (endorsement requests, reminders). About one message per second per channel across
 * replicas (Store.tryRate), each call under OUTBOUND_TIMEOUT_SECONDS, 429s retried after Retry-After
 * within bounds; anything else unclear (a timeout, a reset, a 5xx) is handed back to the caller, whose
 * queue backs off (src/server/retry-policy.ts). A keyed send records its key only after Slack's `ok`,
 * so a retry after an unclear failure posts: a rare duplicate is accepted over a lost reminder.
 */
export function createSlackSender(options: SlackSenderOptions): Sender {
  const { client, store, clock, log } = options;
  const perChannel = options.perChannel ?? 1;
  const windowMs = options.windowMs ?? 1000;
  const maxQueueMs = options.maxQueueMs ?? 10_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  const max429 = options.max429Retries ?? 3;
  const idemTtl = options.idempotencyTtlSeconds ?? 14 * 24 * 3600;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  /** Waits for a slot in the channel's window; false when none came within maxQueueMs. */
  const slot = channelGate({ store, clock, perChannel, windowMs, maxQueueMs, sleep, whenStoreDown: 'fail' });
  /** The same window without waiting, for callers with a queue of their own (`noWait`). */
  const slotNow = channelGate({
    store,
    clock,
    perChannel,
    windowMs,
    maxQueueMs: 0,
    sleep,
    whenStoreDown: 'fail',
  });
  const untilNextWindow = () => windowMs - (clock().getTime() % windowMs);

  /** One Web API call, retried after Retry-After on a 429 within the bounds. */
  async function retrying<T>(channel: string, call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (e) {
        options.onFailure?.('proactive', readSlackFailure(e).reason);
        const seconds = retryAfterOf(e);
        if (seconds === undefined || attempt >= max429 || seconds * 1000 > maxRetryAfterMs) throw e;
        log.info({ channel, retryAfterSeconds: seconds }, 'slack 429; retrying after Retry-After');
        await sleep(seconds * 1000);
      }
    }
  }

  async function post(channel: string, page: SlackMessage): Promise<string> {
    const res = await retrying(channel, () =>
      client.chat.postMessage({ channel, text: page.text, blocks: page.blocks }),
    );
    return messageRefOf(res.channel ?? channel, res.ts ?? '');
  }

  async function send(
    channel: string,
    message: Outbound,
    locale: Locale,
    opts?: SendOptions,
  ): Promise<SendResult> {
    const pages = renderMessages(message, { locale });
    const marker = opts?.idempotencyKey === undefined ? undefined : `slack:send:${opts.idempotencyKey}`;
    if (marker && (await store.isClaimed(marker))) {
      log.info({ key: opts?.idempotencyKey }, 'keyed send already delivered; not posting again');
      return { ok: true, messageRef: '' };
    }
    if (opts?.noWait) {
      if (!(await slotNow(channel)))
        return { ok: false, reason: 'rate-limited', retryAfterMs: untilNextWindow(), gated: true };
    } else if (!(await slot(channel))) return { ok: false, reason: 'rate-limited', retryAfterMs: windowMs };
    let ref = '';
    try {
      for (const [i, page] of pages.entries()) {
        if (i > 0 && !(await slot(channel)))
          return { ok: false, reason: 'rate-limited', retryAfterMs: windowMs };
        ref = await post(channel, page);
      }
    } catch (e) {
      const failure = failureOf(e);
      log.warn({ err: e, channel, reason: failure.reason }, 'slack proactive send failed');
      return failure;
    }
    // Recorded only now, after Slack's `ok`: nothing unclear is ever taken for delivered.
    if (marker)
      await store
        .claimOnce(marker, idemTtl)
        .catch((e: unknown) =>
          log.warn({ err: e, key: opts?.idempotencyKey }, 'sent, but the record of it failed'),
        );
    return { ok: true, messageRef: ref };
  }

  async function localeOf(userId: string | undefined): Promise<Locale> {
    if (!userId) return 'nb';
    return (await store.getUser('slack', userId))?.locale ?? 'nb';
  }

  async function channelOf(conversationKey: string): Promise<{ channel: string; userId?: string } | null> {
    const ref = await store.getConversationRef(conversationKey);
    if (ref) return { channel: ref.conversationId, ...(ref.userId ? { userId: ref.userId } : {}) };
    const m = /^slack:([A-Z0-9]+)$/.exec(conversationKey);
    return m?.[1] ? { channel: m[1] } : null;
  }

  /** The user's DM with the bot, or why it cannot be opened. */
  async function openBotDm(userId: string): Promise<string | Failure> {
    try {
      const res = await retrying(userId, () => client.conversations.open({ users: userId }));
      return res.channel?.id ?? { ok: false, reason: 'not-installed' };
    } catch (e) {
      log.warn({ err: e, userId }, 'cannot open a DM with the user');
      const failure = failureOf(e);
      return failure.reason === 'rate-limited' ? failure : { ok: false, reason: 'not-installed' };
    }
  }

  return {
    platform: 'slack',
    async sendToConversation(conversationKey, message, opts) {
      const target = await channelOf(conversationKey);
      if (!target) return { ok: false, reason: 'gone' };
      return send(target.channel, message, await localeOf(target.userId), opts);
    },
    async sendToUser(userId, message, opts) {
      const locale = await localeOf(userId);
      const personal = await store.getPersonalRef('slack', userId);
      if (personal) {
        const result = await send(personal.conversationId, message, locale, opts);
        if (result.ok || result.reason !== 'gone') return result;
        // A stored reference that is not (or no longer) the bot's DM: the DM from conversations.open.
        log.info({ userId, channel: personal.conversationId }, 'personal reference gone; opening the bot DM');
      }
      const opened = await openBotDm(userId);
      if (typeof opened !== 'string') return opened;
      if (opened === personal?.conversationId) return { ok: false, reason: 'gone' };
      return send(opened, message, locale, opts);
    },
    async update(conversationKey, messageRef, message) {
      const target = parseMessageRef(messageRef);
      if (!target) {
        log.warn({ conversationKey, messageRef }, 'not a Slack message ref; cannot update');
        return { ok: false, reason: 'error' };
      }
      // The same per-channel window and 429 handling as posts, in the reader's language.
      const owner = await channelOf(conversationKey);
      const [first, ...rest] = renderMessages(message, { locale: await localeOf(owner?.userId) });
      if (!(await slot(target.channel))) return { ok: false, reason: 'rate-limited', retryAfterMs: windowMs };
      try {
        await retrying(target.channel, () =>
          client.chat.update({
            channel: target.channel,
            ts: target.ts,
            text: first?.text ?? '',
            blocks: first?.blocks ?? [],
          }),
        );
        // What does not fit in the one message follows it, as deliver's in-place updates do.
        for (const page of rest) {
          if (!(await slot(target.channel)))
            return { ok: false, reason: 'rate-limited', retryAfterMs: windowMs };
          await post(target.channel, page);
        }
        return { ok: true, messageRef };
      } catch (e) {
        const failure = failureOf(e);
        log.warn({ err: e, channel: target.channel, reason: failure.reason }, 'slack update failed');
        return failure;
      }
    },
  };
}
