import { describe, expect, it } from 'vitest';
import { useSlackHost, useTeamsHost } from '../kit/index.ts';
import {
  appMention,
  NOW_SECONDS,
  postSlack,
  CHANNEL as SLACK_CHANNEL,
  USER as SLACK_USER,
} from '../support/slack-fixtures.ts';
import {
  CHANNEL,
  cardInvoke,
  cardOf,
  channelMessage,
  PERSONAL_CONVERSATION,
  personalInstall,
  postActivity,
  USER,
} from '../support/teams-fixtures.ts';

/** A check started where the whole channel would see it is taken to the person's own chat. */
const host = useTeamsHost(() => ({ at: '2022-10-04T08:00:00Z' }));

type Action = { verb?: string; title?: string; data?: Record<string, { action: string; data: unknown }> };
const actionsOf = (card: ReturnType<typeof cardOf>) => {
  const rows = (card?.body ?? []).filter((e) => (e as { type?: string }).type === 'ActionSet');
  return [
    ...rows.flatMap((r) => (r as { actions: Action[] }).actions),
    ...((card?.actions ?? []) as Action[]),
  ];
};

describe('a personal dialog started in a Teams channel', () => {
  it('sends the person a card that starts it in their own chat; the channel hears only that', async () => {
    await postActivity(host.port, personalInstall(host.capture.serviceUrl));
    host.capture.reset();
    await postActivity(host.port, channelMessage(host.capture.serviceUrl, 'kan jeg søke?'));
    await host.idle();
    const inChannel = host.capture.posted().filter((r) => r.conversationId?.startsWith(CHANNEL));
    const personal = host.capture.posted().filter((r) => r.conversationId === PERSONAL_CONVERSATION);
    expect(inChannel).toHaveLength(1);
    // The channel line @mentions the person: Teams' <at> text with its mention entity.
    const line = inChannel[0]?.body as { text?: string; entities?: unknown[] };
    expect(line.text).toBe(
      '<at>Kari Nordmann</at>, jeg har sendt deg en personlig melding – det tar vi der, mellom oss to.',
    );
    expect(line.entities).toEqual([
      {
        type: 'mention',
        text: '<at>Kari Nordmann</at>',
        mentioned: { id: USER.aadObjectId, name: 'Kari Nordmann' },
      },
    ]);
    // Nothing of the check itself is in the channel.
    expect(JSON.stringify(inChannel[0]?.body)).not.toContain('Hvilken utlysning');
    const card = cardOf(personal[0]?.body ?? {});
    const start = actionsOf(card).find((a) => a.verb === 'eligibility.start');
    expect(start?.title).toBe('Kan jeg søke?');

    // Pressed in the personal chat, the check runs there.
    host.capture.reset();
    const press = cardInvoke(
      host.capture.serviceUrl,
      'eligibility.start',
      (start?.data ?? {}) as Record<string, unknown>,
      {},
      personal[0]?.activityId ?? 'x',
    );
    const answer = await postActivity(host.port, press);
    expect(JSON.stringify(answer.body)).toContain('Hvilken utlysning vil du sjekke?');
  });
});

describe('a personal dialog started by a mention in a Slack channel', () => {
  const slack = useSlackHost(() => ({}));

  it('goes to the DM, and the channel line @mentions the person', async () => {
    expect((await postSlack(slack.port, appMention('kan jeg søke?'), NOW_SECONDS)).status).toBe(200);
    await slack.idle();
    const posts = slack.capture.of('chat.postMessage');
    const inChannel = posts.filter((c) => c.args.channel === SLACK_CHANNEL);
    expect(inChannel).toHaveLength(1);
    expect(String(inChannel[0]?.args.text)).toMatch(new RegExp(`^<@${SLACK_USER}>, jeg har sendt deg`));
    expect(JSON.stringify(inChannel[0]?.args.blocks)).toContain(`<@${SLACK_USER}>`);
    const dm = posts.filter((c) => c.args.channel !== SLACK_CHANNEL);
    expect(JSON.stringify(dm.at(-1)?.args.blocks)).toContain('eligibility.start');
    // The DM names nobody: a personal message mentions no one.
    expect(JSON.stringify(dm.at(-1)?.args)).not.toContain('<@');
  });
});
