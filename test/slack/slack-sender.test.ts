import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createSlackSender } from '../../adapters/slack/sender.ts';
import type { Sender } from '../../src/bot/ports.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createRedisStore, type RedisStore } from '../../src/store/redis-store.ts';
import { type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';
import { CHANNEL, USER } from '../support/slack-fixtures.ts';
import { NOW } from './harness.ts';

/** A clock that only moves when the sender sleeps: rate windows and Retry-After without wall-clock waits. */
let virtualMs = NOW.getTime();
const slept: number[] = [];
const clock = () => new Date(virtualMs);
const sleep = async (ms: number) => {
  slept.push(ms);
  virtualMs += ms;
};

let capture: SlackCapture;
let stores: RedisStore[] = [];

function sender(prefix: string, options: { maxRetryAfterMs?: number } = {}): Sender {
  const store = createRedisStore({ url: inject('redisUrl'), prefix });
  stores.push(store);
  const client = new webApi.WebClient('xoxb-test-token', {
    slackApiUrl: capture.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  return createSlackSender({
    client,
    store,
    clock,
    sleep,
    log: createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
    ...options,
  });
}

const message = { kind: 'text' as const, text: 'Påminnelse: **frist** om 7 dager' };

beforeAll(async () => {
  capture = await startSlackCapture({ now: () => virtualMs });
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  stores = [];
  await capture.close();
});
beforeEach(() => {
  capture.reset();
  slept.length = 0;
  // Each test starts at the beginning of a fresh second.
  virtualMs = Math.ceil((virtualMs + 60_000) / 1000) * 1000;
});

describe('proactive Slack sends', () => {
  it('posts to a channel with mrkdwn and returns a ref chat.update can use', async () => {
    const s = sender(`test-slack-send-${randomUUID()}:`);
    const sent = await s.sendToConversation(`slack:${CHANNEL}`, message);
    const [post] = capture.of('chat.postMessage');
    expect(sent).toEqual({
      ok: true,
      messageRef: expect.stringMatching(new RegExp(`^${CHANNEL}/\\d+\\.\\d+$`)),
    });
    expect(post?.args.text).toBe('Påminnelse: frist om 7 dager');
    expect(JSON.stringify(post?.args.blocks)).toContain('Påminnelse: *frist* om 7 dager');
    if (!sent.ok) return;
    expect(
      await s.update(`slack:${CHANNEL}`, sent.messageRef, { kind: 'text', text: 'Oppdatert' }),
    ).toMatchObject({ ok: true });
    expect(capture.of('chat.update')[0]?.args).toMatchObject({
      channel: CHANNEL,
      ts: sent.messageRef.split('/')[1],
    });
  });

  it('opens the user DM (conversations.open) for sendToUser', async () => {
    const s = sender(`test-slack-send-${randomUUID()}:`);
    expect(await s.sendToUser(USER, message)).toMatchObject({ ok: true });
    expect(capture.of('conversations.open')[0]?.args.users).toBe(USER);
    expect(capture.of('chat.postMessage')[0]?.args.channel).toBe(`D${USER.slice(1)}`);
  });

  it('keeps to one message per second per channel, across two replicas sharing Redis', async () => {
    const prefix = `test-slack-send-${randomUUID()}:`;
    const [a, b] = [sender(prefix), sender(prefix)];
    for (const s of [a, b, a, b])
      expect((await s.sendToConversation(`slack:${CHANNEL}`, message)).ok).toBe(true);
    await a.sendToConversation('slack:C0OTHER01', message);
    const seconds = capture
      .of('chat.postMessage')
      .filter((c) => c.args.channel === CHANNEL)
      .map((c) => Math.floor(c.at / 1000));
    expect(new Set(seconds).size).toBe(4);
    // Another channel has its own window: it did not wait.
    const other = capture.of('chat.postMessage').find((c) => c.args.channel === 'C0OTHER01');
    expect(Math.floor((other?.at ?? 0) / 1000)).toBe(seconds.at(-1));
  });

  it('with noWait, a full window is answered at once with when it reopens, and nothing is posted', async () => {
    const s = sender(`test-slack-send-${randomUUID()}:`);
    virtualMs += 250;
    expect((await s.sendToConversation(`slack:${CHANNEL}`, message, { noWait: true })).ok).toBe(true);
    const second = await s.sendToConversation(`slack:${CHANNEL}`, message, { noWait: true });
    expect(second).toEqual({ ok: false, reason: 'rate-limited', retryAfterMs: 750, gated: true });
    expect(slept).toEqual([]);
    expect(capture.of('chat.postMessage')).toHaveLength(1);
    // Without noWait the same send waits for the window instead.
    expect((await s.sendToConversation(`slack:${CHANNEL}`, message)).ok).toBe(true);
    expect(slept.length).toBeGreaterThan(0);
  });

  it('retries after a 429, waiting what Retry-After asks', async () => {
    const s = sender(`test-slack-send-${randomUUID()}:`);
    capture.failNext('chat.postMessage', { status: 429, retryAfter: 3 });
    expect(await s.sendToConversation(`slack:${CHANNEL}`, message)).toMatchObject({ ok: true });
    expect(capture.of('chat.postMessage')).toHaveLength(2);
    expect(slept).toContain(3000);
  });

  it('hands a long Retry-After back to the caller instead of blocking', async () => {
    const s = sender(`test-slack-send-${randomUUID()}:`, { maxRetryAfterMs: 30_000 });
    capture.failNext('chat.postMessage', { status: 429, retryAfter: 120 });
    expect(await s.sendToConversation(`slack:${CHANNEL}`, message)).toEqual({
      ok: false,
      reason: 'rate-limited',
      retryAfterMs: 120_000,
    });
    expect(capture.of('chat.postMessage')).toHaveLength(1);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived'])('reports %s as gone', async (error) => {
    const s = sender(`test-slack-send-${randomUUID()}:`);
    capture.failNext('chat.postMessage', { error });
    expect(await s.sendToConversation(`slack:${CHANNEL}`, message)).toEqual({ ok: false, reason: 'gone' });
  });

  it('never posts twice for one idempotency key, even from another replica', async () => {
    const prefix = `test-slack-send-${randomUUID()}:`;
    const [a, b] = [sender(prefix), sender(prefix)];
    const key = `reminder:innovasjon-2023:deadline:7:${CHANNEL}`;
    expect((await a.sendToConversation(`slack:${CHANNEL}`, message, { idempotencyKey: key })).ok).toBe(true);
    expect((await b.sendToConversation(`slack:${CHANNEL}`, message, { idempotencyKey: key })).ok).toBe(true);
    expect((await a.sendToConversation(`slack:${CHANNEL}`, message, { idempotencyKey: key })).ok).toBe(true);
    expect(capture.of('chat.postMessage')).toHaveLength(1);
    // A different key posts.
    await b.sendToConversation(`slack:${CHANNEL}`, message, { idempotencyKey: `${key}:2` });
    expect(capture.of('chat.postMessage')).toHaveLength(2);
  });

  it('gives the idempotency claim back when Slack says nothing was posted, so a retry posts once', async () => {
    const s = sender(`test-slack-send-${randomUUID()}:`, { maxRetryAfterMs: 30_000 });
    const key = `reminder:retry:${CHANNEL}`;
    capture.failNext('chat.postMessage', { status: 429, retryAfter: 120 });
    expect((await s.sendToConversation(`slack:${CHANNEL}`, message, { idempotencyKey: key })).ok).toBe(false);
    expect((await s.sendToConversation(`slack:${CHANNEL}`, message, { idempotencyKey: key })).ok).toBe(true);
    expect((await s.sendToConversation(`slack:${CHANNEL}`, message, { idempotencyKey: key })).ok).toBe(true);
    // The refused attempt and exactly one real post; the third call found the claim taken.
    expect(capture.of('chat.postMessage')).toHaveLength(2);
  });
});

describe('in-place updates (sender.update)', () => {
  const card = {
    kind: 'card' as const,
    title: 'Anbefaling',
    blocks: [],
    buttons: [{ action: 'x', label: 'Se søknaden' }],
  };

  it('keeps to the channel window like posts: two updates in one channel are a second apart', async () => {
    const s = sender(`test-slack-send-${randomUUID()}:`);
    const ref = `${CHANNEL}/1693814400.000100`;
    expect(await s.update(`slack:${CHANNEL}`, ref, message)).toEqual({ ok: true, messageRef: ref });
    expect(await s.update(`slack:${CHANNEL}`, ref, message)).toEqual({ ok: true, messageRef: ref });
    const seconds = capture.of('chat.update').map((c) => Math.floor(c.at / 1000));
    expect(new Set(seconds).size).toBe(2);
  });

  it('retries a 429 on chat.update after Retry-After, and hands a long one back', async () => {
    const s = sender(`test-slack-send-${randomUUID()}:`, { maxRetryAfterMs: 30_000 });
    const ref = `${CHANNEL}/1693814400.000200`;
    capture.failNext('chat.update', { status: 429, retryAfter: 2 });
    expect(await s.update(`slack:${CHANNEL}`, ref, message)).toMatchObject({ ok: true });
    expect(capture.of('chat.update')).toHaveLength(2);
    expect(slept).toContain(2000);
    capture.failNext('chat.update', { status: 429, retryAfter: 90 });
    expect(await s.update(`slack:${CHANNEL}`, ref, message)).toEqual({
      ok: false,
      reason: 'rate-limited',
      retryAfterMs: 90_000,
    });
  });

  it('renders in the language of the person whose conversation it is', async () => {
    const s = sender(`test-slack-send-${randomUUID()}:`);
    const store = stores.at(-1);
    const dm = `D${USER.slice(1)}`;
    await store?.putUser({ platform: 'slack', userId: USER, locale: 'en', nudges: true });
    await store?.putConversationRef({
      platform: 'slack',
      key: `slack:${dm}`,
      conversationId: dm,
      kind: 'personal',
      userId: USER,
      data: { channel: dm },
      updatedAt: NOW.toISOString(),
    });
    // Longer than one message: the rest follows the updated message, marked in the reader's language.
    const blocks = Array.from({ length: 60 }, (_, i) => ({ kind: 'text' as const, text: `Linje ${i}` }));
    const ref = `${dm}/1693814400.000300`;
    expect(await s.update(`slack:${dm}`, ref, { ...card, blocks })).toEqual({ ok: true, messageRef: ref });
    expect(capture.of('chat.update')[0]?.args).toMatchObject({ channel: dm, text: 'Anbefaling' });
    expect(capture.of('chat.postMessage').map((p) => [p.args.channel, p.args.text])).toEqual([
      [dm, 'Anbefaling (continued)'],
    ]);
  });
});
