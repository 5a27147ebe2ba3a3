import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  actionOf,
  type CardAction,
  type PlatformHost,
  startPlatformHost,
  subscribeTeamsChannel,
} from '../scheduler/platform-host.ts';
import type { SlackCall } from '../support/slack-capture.ts';
import {
  blockActions,
  postSlack,
  CHANNEL as SLACK_CHANNEL,
  USER as SLACK_USER,
  appMention as slackMention,
} from '../support/slack-fixtures.ts';
import { cardOf, CHANNEL as TEAMS_CHANNEL } from '../support/teams-fixtures.ts';

/**
 * Issue 8, delivery through both platforms' real adapters: the channels subscribe in chat, the
 * planner and the leased loop run on a real Redis with an injected clock, and what the bot posts is
 * read back from the local Bot Connector and the local Slack Web API.
 */
let h: PlatformHost;
beforeEach(async () => {
  h = await startPlatformHost(inject('redisUrl'), '2022-09-15T10:00:00Z');
});
afterEach(async () => {
  await h.close();
});

type SlackElement = { type: string; action_id?: string; value?: string; text?: { text: string } };

const seconds = () => Math.floor(h.clock.now() / 1000);

function slackButton(call: SlackCall | undefined, action: string): SlackElement {
  const blocks = (call?.args.blocks ?? []) as { type: string; elements?: SlackElement[] }[];
  const button = blocks
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.type === 'button' && e.action_id?.startsWith(`${action}#`));
  if (!button) throw new Error(`no ${action} button`);
  return button;
}

/** A press in a channel is answered privately to the presser (docs/slack.md, "Who sees an answer"). */
async function clickSlack(button: SlackElement, values = {}) {
  const before = h.slack.of('chat.postEphemeral').length;
  const res = await postSlack(
    h.port,
    blockActions({ actionId: button.action_id ?? '', value: button.value ?? '', values }),
    seconds(),
  );
  expect(res.status).toBe(200);
  await h.slack.waitFor('chat.postEphemeral', before + 1);
  await h.slackAdapter.idle();
  return h.slack.of('chat.postEphemeral').at(-1);
}

async function subscribeSlackChannel(callId: string): Promise<void> {
  await postSlack(h.port, slackMention('reminders'), seconds());
  const [overview] = await h.slack.waitFor('chat.postMessage');
  await h.slackAdapter.idle();
  const form = await clickSlack(slackButton(overview, 'reminders.choose'));
  const saved = await clickSlack(slackButton(form, 'reminders.save-calls'), {
    calls: { calls: { type: 'checkboxes', selected_options: [{ value: callId }] } },
  });
  expect(String(saved?.args.text)).toContain('Reminders');
}

describe('reminders through the real Teams and Slack adapters', () => {
  it('channels subscribed in chat get the deadline reminder when due, once, with date, "in N days" and buttons', async () => {
    // The Slack member writes in English: the channel's reminders come in English.
    h.slack.setLocale(SLACK_USER, 'en-GB');
    await subscribeTeamsChannel(h, 'innovasjon-2023');
    await subscribeSlackChannel('innovasjon-2023');
    expect(await h.app.store.getSubscription(`teams:${TEAMS_CHANNEL}`)).toMatchObject({
      callIds: ['innovasjon-2023'],
      locale: 'nb',
    });
    expect(await h.app.store.getSubscription(`slack:${SLACK_CHANNEL}`)).toMatchObject({
      callIds: ['innovasjon-2023'],
      locale: 'en',
    });
    h.teams.reset();
    h.slack.reset();

    const loop = h.loop();
    await h.planner.reconcile();
    expect((await loop.tickOnce()).claimed).toBe(0);
    expect(h.teams.posted()).toEqual([]);

    // 14 days before the 20 October 15:00 deadline, at 09:00 Oslo (summer time: 07:00 UTC).
    h.clock.set('2022-10-06T07:00:00Z');
    await h.planner.reconcile();
    const tick = await loop.tickOnce();
    expect(tick.outcomes.map((o) => o.outcome)).toEqual(['sent', 'sent']);

    const [teamsPost, ...moreTeams] = h.teams.posted();
    expect(moreTeams).toEqual([]);
    // A new post in the channel itself, not in the thread the subscription was made in. (botbuilder's
    // continueConversation sends it as a reply to its own continuation id: .../activities/{uuid}.)
    expect(teamsPost?.method).toBe('POST');
    expect(teamsPost?.path).toMatch(
      new RegExp(`^/v3/conversations/${encodeURIComponent(TEAMS_CHANNEL)}/activities(/[^/]+)?$`),
    );
    expect(teamsPost?.conversationId).toBe(TEAMS_CHANNEL);
    const card = cardOf(teamsPost?.body ?? {});
    // A date opening a line carries a no-break space on Teams (markdownSafe): read it as a space.
    const cardText = JSON.stringify(card).replaceAll('\u00a0', ' ');
    expect(cardText).toContain('Søknadsfrist');
    expect(cardText).toContain('Innovasjonsmidler 2023');
    expect(cardText).toContain('20. oktober 2022 kl. 15.00 (om 14 dager)');
    expect(((card?.actions ?? []) as CardAction[]).map((a) => a.verb)).toEqual([
      'eligibility.start',
      'application.start',
      'status.start',
    ]);
    expect(actionOf(card, 'application.start').data).toEqual({
      midlerbot: { action: 'application.start', data: { callId: 'innovasjon-2023' } },
    });

    const [slackPost, ...moreSlack] = h.slack.of('chat.postMessage');
    expect(moreSlack).toEqual([]);
    expect(slackPost?.args.channel).toBe(SLACK_CHANNEL);
    const blocksText = JSON.stringify(slackPost?.args.blocks);
    expect(blocksText).toContain('Application deadline – Innovation funding 2023');
    expect(blocksText).toContain('20 October 2022, 15:00 (in 14 days)');
    const buttons = ((slackPost?.args.blocks ?? []) as { elements?: SlackElement[] }[])
      .flatMap((b) => b.elements ?? [])
      .filter((e) => e.type === 'button');
    expect(buttons.map((b) => b.action_id?.split('#')[0])).toEqual([
      'eligibility.start',
      'application.start',
      'status.start',
    ]);
    expect(JSON.parse(buttons[0]?.value ?? '{}')).toEqual({
      a: 'eligibility.start',
      d: { callId: 'innovasjon-2023' },
    });

    // Later ticks and re-plans post nothing again; the next one (7 days) comes on its day.
    h.clock.advance(3_600_000);
    await h.planner.reconcile();
    expect((await loop.tickOnce()).claimed).toBe(0);
    h.clock.set('2022-10-13T07:00:00Z');
    await h.planner.reconcile();
    await loop.tickOnce();
    expect(h.teams.posted()).toHaveLength(2);
    expect(JSON.stringify(h.teams.posted()[1]?.body)).toContain('om 7 dager');
    expect(JSON.stringify(h.slack.of('chat.postMessage')[1]?.args.blocks)).toContain('in 7 days');
  });
});
