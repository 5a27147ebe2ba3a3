import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NOW_SECONDS, type SlackHost, startSlackHost } from '../slack/harness.ts';
import { type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';
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
let capture: SlackCapture;
let host: SlackHost;

beforeAll(async () => {
  capture = await startSlackCapture();
  host = await startSlackHost({ capture, redisUrl: inject('redisUrl') });
});
afterAll(async () => {
  await host.close();
  await capture.close();
});

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
    capture.reset();
    for (const req of [appMention('kan jeg søke?'), slashCommand('hjelp')]) {
      const res = await postSlack(host.port, withoutChannel(req), NOW_SECONDS);
      expect(res.status).toBe(200);
    }
    await host.idle();
    expect(await refused()).toMatch(/ 2$/);
    expect(await host.store.getConversationRef('slack:undefined')).toBeNull();
    expect(capture.of('chat.postMessage')).toEqual([]);
    expect(capture.of('chat.postEphemeral')).toEqual([]);
  });

  it('the same mention with its channel is answered (the refusal is about the channel only)', async () => {
    capture.reset();
    expect((await postSlack(host.port, appMention('kan jeg søke?'), NOW_SECONDS)).status).toBe(200);
    await host.idle();
    expect(capture.of('chat.postMessage').map((c) => c.args.channel)).toEqual([CHANNEL]);
  });
});
