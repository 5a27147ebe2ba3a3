import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/calls/load.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { type App, createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { type BotConnectorCapture, startBotConnectorCapture } from '../support/bot-connector-capture.ts';
import {
  BOT_ID,
  cardOf,
  cardSubmit,
  PERSONAL_CONVERSATION,
  personalMessage,
  postActivity,
  TENANT_ID,
  USER,
} from '../support/teams-fixtures.ts';

/** The Action.Submit fallback of older clients, and group chats, over HTTP with the real engine. */
let app: App;
let capture: BotConnectorCapture;
let port = 0;

beforeAll(async () => {
  capture = await startBotConnectorCapture();
  const clock = fixedClock('2023-09-04T08:00:00Z');
  app = createApp({
    config: { port: 0, nodeEnv: 'test', teams: {} },
    store: createMemoryStore({ clock }),
    catalog: loadCatalog('calls'),
    clock,
    log: createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
  });
  port = await app.listen(0);
});
afterAll(async () => {
  await app.close();
  await capture.close();
});
beforeEach(() => capture.reset());

type Action = { type: string; data?: Record<string, unknown>; fallback?: { data?: Record<string, unknown> } };

/** The id the local Bot Connector gave a posted activity (what Teams puts in replyToId later). */
const idOf = (c: { seq: number } | undefined) => `1:${c?.seq ?? -1}`;

describe('Action.Submit fallback (message with value and replyToId)', () => {
  it('updates the clicked card in place at every step instead of posting new cards', async () => {
    expect((await postActivity(port, personalMessage(capture.serviceUrl, 'hjelp'))).status).toBe(200);
    const helpCard = capture.posted()[0];
    const cardId = idOf(helpCard);
    capture.reset();

    const start = cardSubmit(
      capture.serviceUrl,
      { midlerbot: { action: 'amount.start', data: {} } },
      {},
      cardId,
    );
    expect((await postActivity(port, start)).status).toBe(200);
    expect(capture.posted()).toEqual([]);
    const [first] = capture.updated();
    expect(first?.activityId).toBe(cardId);
    expect(first?.conversationId).toBe(PERSONAL_CONVERSATION);
    // The PUT carries the whole activity with the id of the message it replaces.
    expect(first?.body.id).toBe(cardId);
    const card = cardOf(first?.body ?? {});
    expect(card?.type).toBe('AdaptiveCard');

    // The next step is clicked on the updated card: same message, updated again.
    const choice = ((card?.actions ?? []) as Action[]).find((a) => a.type === 'Action.Execute');
    expect(choice?.fallback?.data ?? choice?.data).toBeTruthy();
    const next = cardSubmit(capture.serviceUrl, choice?.fallback?.data ?? choice?.data ?? {}, {}, cardId);
    expect((await postActivity(port, next)).status).toBe(200);
    expect(capture.posted()).toEqual([]);
    expect(capture.updated().map((u) => u.activityId)).toEqual([cardId, cardId]);
    const dialog = await app.store.getDialog(`teams:${PERSONAL_CONVERSATION}:${USER.aadObjectId}`);
    expect(dialog?.dialog).toBe('amount');
  });

  it('posts the next step as a new message when the clicked card can no longer be edited', async () => {
    capture.failNext(1, 404);
    const submit = cardSubmit(
      capture.serviceUrl,
      { midlerbot: { action: 'eligibility.start', data: {} } },
      {},
      '1:9999',
    );
    expect((await postActivity(port, submit)).status).toBe(200);
    const [reply] = capture.posted();
    expect(reply?.activityId).toBe(submit.id);
    expect(cardOf(reply?.body ?? {})?.type).toBe('AdaptiveCard');
  });
});

const GROUP_CHAT = '19:2f1c0a6e8b7d4c3fa9e0b1c2d3e4f5a6@thread.v2';

/** A message in a group chat as Teams posts it: conversationType groupChat, isGroup, a v2 thread id. */
function groupChatMessage(text: string, mention: boolean) {
  const base = personalMessage(capture.serviceUrl, text);
  return {
    ...base,
    text: mention ? `<at>Midlerbot</at> ${text}` : text,
    conversation: { isGroup: true, conversationType: 'groupChat', tenantId: TENANT_ID, id: GROUP_CHAT },
    entities: [
      ...base.entities,
      ...(mention
        ? [{ type: 'mention', text: '<at>Midlerbot</at>', mentioned: { id: BOT_ID, name: 'Midlerbot' } }]
        : []),
    ],
  };
}

describe('group chat (conversationType groupChat)', () => {
  it('ignores messages that do not mention the bot', async () => {
    const res = await postActivity(port, groupChatMessage('hjelp', false));
    expect(res.status).toBe(200);
    expect(capture.requests).toEqual([]);
    expect(await app.store.getDialog(`teams:${GROUP_CHAT}:${USER.aadObjectId}`)).toBeNull();
  });

  it('answers when mentioned, in the group chat, without the mention text', async () => {
    const message = groupChatMessage('hjelp', true);
    expect((await postActivity(port, message)).status).toBe(200);
    const [reply] = capture.posted();
    expect(reply?.conversationId).toBe(GROUP_CHAT);
    expect(reply?.activityId).toBe(message.id);
    expect(cardOf(reply?.body ?? {})?.type).toBe('AdaptiveCard');
  });

  const inGroup = (action: string, data: Record<string, unknown>, replyToId: string) => ({
    ...cardSubmit(capture.serviceUrl, { midlerbot: { action, data } }, {}, replyToId),
    conversation: { isGroup: true, conversationType: 'groupChat', tenantId: TENANT_ID, id: GROUP_CHAT },
  });

  it('takes a card click in the group chat without a mention; a dialog step updates its own card', async () => {
    expect(
      (await postActivity(port, inGroup('amount.call', { callId: 'innovasjon-2023' }, '1:77'))).status,
    ).toBe(200);
    const [update] = capture.updated();
    expect(update?.conversationId).toBe(GROUP_CHAT);
    expect(update?.activityId).toBe('1:77');
  });

  it('a start button on a card everyone sees (a reminder) is answered as a new message, the card kept', async () => {
    expect((await postActivity(port, inGroup('amount.start', {}, '1:78'))).status).toBe(200);
    expect(capture.updated()).toEqual([]);
    expect(capture.posted().length).toBeGreaterThan(0);
  });
});
