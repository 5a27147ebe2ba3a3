import { describe, expect, it } from 'vitest';
import { useSlackHost } from '../kit/index.ts';
import { NOW_SECONDS } from '../slack/harness.ts';
import {
  appMention,
  CHANNEL,
  postSlack,
  type SlackRequest,
  slashCommand,
} from '../support/slack-fixtures.ts';

/**
 * Issue 13: a correctly signed Slack payload without a channel is refused with a log line and a
 * count (never stored as a reference to `undefined`, never answered into nowhere), over real HTTP.
 */
const host = useSlackHost(() => ({}), { resetEach: false });

function withoutChannel(req: SlackRequest): SlackRequest {
  if (req.contentType === 'application/json') {
    const body = JSON.parse(req.body) as { event: Record<string, unknown> };
    delete body.event.channel;
    return { ...req, body: JSON.stringify(body) };
  }
  const form = new URLSearchParams(req.body);
  form.delete('channel_id');
  form.delete('channel_name');
  return { ...req, body: form.toString() };
}

const refused = async () =>
  (await host.app.metrics.render())
    .split('\n')
    .find((l) => l.startsWith('midlerbot_input_refused_total{platform="slack",reason="no-channel"}'));

describe('a Slack payload without a channel', () => {
  it('is acknowledged, refused and counted; nothing is stored or posted', async () => {
    host.capture.reset();
    for (const req of [appMention('kan jeg søke?'), slashCommand('hjelp')]) {
      const res = await postSlack(host.port, withoutChannel(req), NOW_SECONDS);
      expect(res.status).toBe(200);
    }
    await host.idle();
    expect(await refused()).toMatch(/ 2$/);
    expect(await host.store.getConversationRef('slack:undefined')).toBeNull();
    expect(host.capture.of('chat.postMessage')).toEqual([]);
    expect(host.capture.of('chat.postEphemeral')).toEqual([]);
  });

  it('the same mention with its channel is answered (the refusal is about the channel only)', async () => {
    host.capture.reset();
    expect((await postSlack(host.port, appMention('kan jeg søke?'), NOW_SECONDS)).status).toBe(200);
    await host.idle();
    // Answered in the channel; the check itself goes to the person's DM (a public mention).
    expect(host.capture.of('chat.postMessage').map((c) => c.args.channel)).toContain(CHANNEL);
  });
});
