import { describe, expect, it } from 'vitest';
import { useTeamsHost } from '../kit/index.ts';
import {
  BOT_ID,
  cardOf,
  cardSubmit,
  PERSONAL_CONVERSATION,
  personalMessage,
  postActivity,
  startCheckSubmit,
  TENANT_ID,
  USER,
} from '../support/teams-fixtures.ts';

/** The Action.Submit fallback of older clients, and group chats, over HTTP with the real engine. */
const host = useTeamsHost(() => ({ at: '2023-09-04T08:00:00Z' }));

type Action = { type: string; data?: Record<string, unknown>; fallback?: { data?: Record<string, unknown> } };

/** The id the local Bot Connector gave a posted activity (what Teams puts in replyToId later). */
const idOf = (c: { seq: number } | undefined) => `1:${c?.seq ?? -1}`;

describe('Action.Submit fallback (message with value and replyToId)', () => {
  it('updates the clicked card in place at every step instead of posting new cards', async () => {
    expect((await postActivity(host.port, personalMessage(host.capture.serviceUrl, 'hjelp'))).status).toBe(
      200,
    );
    const helpCard = host.capture.posted()[0];
    const cardId = idOf(helpCard);
    host.capture.reset();

    const start = cardSubmit(
      host.capture.serviceUrl,
      { midlerbot: { action: 'amount.start', data: {} } },
      {},
      cardId,
    );
    expect((await postActivity(host.port, start)).status).toBe(200);
    expect(host.capture.posted()).toEqual([]);
    const [first] = host.capture.updated();
    expect(first?.activityId).toBe(cardId);
    expect(first?.conversationId).toBe(PERSONAL_CONVERSATION);
    // The PUT carries the whole activity with the id of the message it replaces.
    expect(first?.body.id).toBe(cardId);
    const card = cardOf(first?.body ?? {});
    expect(card?.type).toBe('AdaptiveCard');

    // The next step is clicked on the updated card: same message, updated again.
    const choice = ((card?.actions ?? []) as Action[]).find((a) => a.type === 'Action.Execute');
    expect(choice?.fallback?.data ?? choice?.data).toBeTruthy();
    const next = cardSubmit(
      host.capture.serviceUrl,
      choice?.fallback?.data ?? choice?.data ?? {},
      {},
      cardId,
    );
    expect((await postActivity(host.port, next)).status).toBe(200);
    expect(host.capture.posted()).toEqual([]);
    expect(host.capture.updated().map((u) => u.activityId)).toEqual([cardId, cardId]);
    const dialog = await host.app.store.getDialog(`teams:${PERSONAL_CONVERSATION}:${USER.aadObjectId}`);
    expect(dialog?.dialog).toBe('amount');
  });

  it('posts the next step as a new message when the clicked card can no longer be edited', async () => {
    host.capture.failNext(1, 404);
    const submit = startCheckSubmit(host.capture.serviceUrl, '1:9999');
    expect((await postActivity(host.port, submit)).status).toBe(200);
    const [reply] = host.capture.posted();
    expect(reply?.activityId).toBe(submit.id);
    expect(cardOf(reply?.body ?? {})?.type).toBe('AdaptiveCard');
  });
});

const GROUP_CHAT = '19:2f1c0a6e8b7d4c3fa9e0b1c2d3e4f5a6@thread.v2';

/** A message in a group chat as Teams posts it: conversationType groupChat, isGroup, a v2 thread id. */
function groupChatMessage(text: string, mention: boolean) {
  const base = personalMessage(host.capture.serviceUrl, text);
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
    const res = await postActivity(host.port, groupChatMessage('hjelp', false));
    expect(res.status).toBe(200);
    expect(host.capture.requests).toEqual([]);
    expect(await host.app.store.getDialog(`teams:${GROUP_CHAT}:${USER.aadObjectId}`)).toBeNull();
  });

  it('answers when mentioned, in the group chat, without the mention text', async () => {
    const message = groupChatMessage('hjelp', true);
    expect((await postActivity(host.port, message)).status).toBe(200);
    const [reply] = host.capture.posted();
    expect(reply?.conversationId).toBe(GROUP_CHAT);
    expect(reply?.activityId).toBe(message.id);
    expect(cardOf(reply?.body ?? {})?.type).toBe('AdaptiveCard');
  });

  const inGroup = (action: string, data: Record<string, unknown>, replyToId: string) => ({
    ...cardSubmit(host.capture.serviceUrl, { midlerbot: { action, data } }, {}, replyToId),
    conversation: { isGroup: true, conversationType: 'groupChat', tenantId: TENANT_ID, id: GROUP_CHAT },
  });

  it('takes a card click in the group chat without a mention; a dialog step updates its own card', async () => {
    expect(
      (await postActivity(host.port, inGroup('amount.call', { callId: 'innovasjon-2023' }, '1:77'))).status,
    ).toBe(200);
    const [update] = host.capture.updated();
    expect(update?.conversationId).toBe(GROUP_CHAT);
    expect(update?.activityId).toBe('1:77');
  });

  it('a start button on a card everyone sees (a reminder) is answered as a new message, the card kept', async () => {
    expect((await postActivity(host.port, inGroup('amount.start', {}, '1:78'))).status).toBe(200);
    expect(host.capture.updated()).toEqual([]);
    expect(host.capture.posted().length).toBeGreaterThan(0);
  });
});
