import { describe, expect, it } from 'vitest';
import { useTeamsHost } from '../kit/index.ts';
import {
  CHANNEL,
  cardInvoke,
  cardOf,
  channelMessage,
  PERSONAL_CONVERSATION,
  personalInstall,
  personalMessage,
  postActivity,
  START_CHECK,
  startCheckSubmit,
  teamInstall,
  USER,
} from '../support/teams-fixtures.ts';

/** The real engine, dialogs and calls behind the real host, over HTTP, with a local Bot Connector. */
const host = useTeamsHost(() => ({ at: '2023-09-04T08:00:00Z' }));

type Action = {
  type: string;
  verb?: string;
  style?: string;
  title?: string;
  data?: Record<string, unknown>;
  fallback?: Record<string, unknown>;
};

describe('Teams activities over HTTP (real engine)', () => {
  it('answers a personal message with an Adaptive Card 1.5 reply to that message', async () => {
    const activity = personalMessage(host.capture.serviceUrl, 'hjelp');
    const res = await postActivity(host.port, activity);
    expect(res.status).toBe(200);
    const [reply] = host.capture.posted();
    expect(reply?.conversationId).toBe(PERSONAL_CONVERSATION);
    expect(reply?.activityId).toBe(activity.id);
    const card = cardOf(reply?.body ?? {});
    expect(card?.type).toBe('AdaptiveCard');
    expect(card?.version).toBe('1.5');
    // Seven menu buttons: a row in the body and the card's own row (Teams shows six to a row).
    const rows = (card?.body ?? []).filter((e) => (e as { type?: string }).type === 'ActionSet');
    const actions = [
      ...rows.flatMap((r) => (r as { actions: Action[] }).actions),
      ...((card?.actions ?? []) as Action[]),
    ];
    expect(actions.length).toBeGreaterThan(6);
    expect(rows.every((r) => (r as { actions: Action[] }).actions.length <= 6)).toBe(true);
    const eligibility = actions.find((a) => a.verb === 'eligibility.start');
    expect(eligibility?.type).toBe('Action.Execute');
    expect(eligibility?.fallback?.type).toBe('Action.Submit');
    expect(eligibility?.data).toEqual(START_CHECK);
    // Both seed calls are listed with their deadlines.
    expect(JSON.stringify(card)).toContain('FactSet');
  });

  it('in a channel answers only when mentioned, without the mention text', async () => {
    const res = await postActivity(
      host.port,
      channelMessage(host.capture.serviceUrl, 'hjelp', { mention: false }),
    );
    expect(res.status).toBe(200);
    expect(host.capture.posted()).toHaveLength(0);

    const mentioned = channelMessage(host.capture.serviceUrl, 'hjelp');
    expect((await postActivity(host.port, mentioned)).status).toBe(200);
    const [reply] = host.capture.posted();
    // The reply goes into the thread the mention came from.
    expect(reply?.conversationId).toBe(mentioned.conversation.id);
    expect(cardOf(reply?.body ?? {})?.type).toBe('AdaptiveCard');
  });

  it('stores the conversation reference on install and greets once', async () => {
    const install = personalInstall(host.capture.serviceUrl);
    expect((await postActivity(host.port, install)).status).toBe(200);
    const ref = await host.app.store.getPersonalRef('teams', USER.aadObjectId);
    expect(ref?.key).toBe(`teams:${PERSONAL_CONVERSATION}`);
    expect((ref?.data as { serviceUrl?: string } | undefined)?.serviceUrl).toBe(host.capture.serviceUrl);
    expect(host.capture.posted()).toHaveLength(1);

    expect((await postActivity(host.port, personalInstall(host.capture.serviceUrl))).status).toBe(200);
    expect(host.capture.posted()).toHaveLength(1);

    expect((await postActivity(host.port, teamInstall(host.capture.serviceUrl))).status).toBe(200);
    const channelRef = await host.app.store.getConversationRef(`teams:${CHANNEL}`);
    expect(channelRef?.kind).toBe('channel');
    expect(host.capture.posted().at(-1)?.conversationId).toBe(CHANNEL);
  });

  it('replaces the clicked card in place for an adaptiveCard/action invoke, once', async () => {
    const invoke = cardInvoke(
      host.capture.serviceUrl,
      'amount.start',
      { midlerbot: { action: 'amount.start', data: {} } },
      {},
      '1:42',
    );
    const first = await postActivity(host.port, invoke);
    expect(first.status).toBe(200);
    const body = first.body as { statusCode: number; type: string; value: { type: string; body: unknown[] } };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.value.type).toBe('AdaptiveCard');
    // The card was updated through the invoke response: no new message for it.
    expect(host.capture.posted()).toHaveLength(0);
    const dialogAfterFirst = await host.app.store.getDialog(
      `teams:${PERSONAL_CONVERSATION}:${USER.aadObjectId}`,
    );
    expect(dialogAfterFirst?.dialog).toBe('amount');

    // Teams retries an invoke it did not see answered in time: same activity id, one effect.
    const again = await postActivity(host.port, invoke);
    expect(again.status).toBe(200);
    expect((again.body as { type: string }).type).not.toBe('application/vnd.microsoft.card.adaptive');
    expect(host.capture.posted()).toHaveLength(0);
    expect(await host.app.store.getDialog(`teams:${PERSONAL_CONVERSATION}:${USER.aadObjectId}`)).toEqual(
      dialogAfterFirst,
    );
  });

  it('handles an Action.Submit fallback (message with value) like the invoke: the clicked card is updated', async () => {
    const submit = startCheckSubmit(host.capture.serviceUrl, '1:43');
    expect((await postActivity(host.port, submit)).status).toBe(200);
    const [update] = host.capture.updated();
    expect(update?.activityId).toBe('1:43');
    expect(update?.conversationId).toBe(PERSONAL_CONVERSATION);
    expect(cardOf(update?.body ?? {})?.type).toBe('AdaptiveCard');
    expect(host.capture.posted()).toHaveLength(0);
  });

  it('walks a dialog by card actions until inputs, and the typed values reach the dialog', async () => {
    type CardBody = { body: Record<string, unknown>[]; actions?: Action[] };
    let card = (
      (
        await postActivity(
          host.port,
          cardInvoke(
            host.capture.serviceUrl,
            'amount.start',
            { midlerbot: { action: 'amount.start', data: {} } },
            {},
            '1:50',
          ),
        )
      ).body as { value: CardBody }
    ).value;
    // Choose the first option offered (call, then category) until the card asks for typed input.
    for (let step = 0; step < 4 && !JSON.stringify(card.body).includes('"Input.Text"'); step++) {
      const choice = (card.actions ?? []).find((a) => a.type === 'Action.Execute');
      expect(choice?.verb).toBeTruthy();
      const res = await postActivity(
        host.port,
        cardInvoke(host.capture.serviceUrl, choice?.verb ?? '', choice?.data ?? {}, {}, '1:50'),
      );
      card = (res.body as { value: CardBody }).value;
    }
    const input = card.body.find((e) => e.type === 'Input.Text') as { id: string } | undefined;
    expect(input?.id).toBeTruthy();
    const submit =
      (card.actions ?? []).find((a) => a.type === 'Action.Execute' && a.style === 'positive') ??
      (card.actions ?? []).find((a) => a.type === 'Action.Execute');
    const res = await postActivity(
      host.port,
      cardInvoke(
        host.capture.serviceUrl,
        submit?.verb ?? '',
        submit?.data ?? {},
        { [input?.id ?? '']: '1 200 000' },
        '1:50',
      ),
    );
    expect(res.status).toBe(200);
    const dialog = await host.app.store.getDialog(`teams:${PERSONAL_CONVERSATION}:${USER.aadObjectId}`);
    expect(JSON.stringify(dialog?.answers)).toContain('1200000');
  });
});
