import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { CAPTURE_BOT, type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';
import {
  appMention,
  CHANNEL,
  DM,
  directMessage,
  OTHER_USER,
  postSlack,
  slashCommand,
  USER,
  urlVerification,
} from '../support/slack-fixtures.ts';
import { NOW_SECONDS, type SlackHost, startSlackHost } from './harness.ts';

/** The real engine, dialogs and calls behind the real host, over HTTP, with a local Slack Web API. */
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
beforeEach(() => capture.reset());

type Block = {
  type: string;
  text?: { text: string };
  elements?: { type: string; action_id?: string; value?: string }[];
};

describe('Slack requests over HTTP (real engine)', () => {
  it('answers url_verification with the challenge', async () => {
    const res = await postSlack(
      host.port,
      urlVerification('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P'),
      NOW_SECONDS,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('answers /midler hjelp (form-encoded) with an empty ack and a Block Kit reply in the channel', async () => {
    const res = await postSlack(host.port, slashCommand('hjelp'), NOW_SECONDS);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const [post] = await capture.waitFor('chat.postMessage');
    await host.idle();
    expect(post?.args.channel).toBe(CHANNEL);
    expect(post?.authorization).toBe('Bearer xoxb-test-token');
    const blocks = post?.args.blocks as Block[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Hei! Jeg er Midlerbot' } });
    const buttons = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
    const start = buttons.find((b) => JSON.parse(b.value ?? '{}').a === 'eligibility.start');
    expect(start?.type).toBe('button');
    // users.info was asked once, with the locale; the name is cached for later turns.
    expect(capture.of('users.info').map((c) => c.args)).toEqual([
      expect.objectContaining({ user: USER, include_locale: 'true' }),
    ]);
    expect((await host.store.getUser('slack', USER))?.name).toBe(`Display ${USER}`);
    await postSlack(host.port, slashCommand('status'), NOW_SECONDS);
    await capture.waitFor('chat.postMessage', 2);
    await host.idle();
    expect(capture.of('users.info')).toHaveLength(1);
  });

  it('maps /midler sub-words to the engine words (sjekk starts the eligibility check)', async () => {
    await postSlack(host.port, slashCommand('sjekk', { user: OTHER_USER }), NOW_SECONDS);
    const [post] = await capture.waitFor('chat.postMessage');
    await host.idle();
    const values = ((post?.args.blocks ?? []) as Block[])
      .flatMap((b) => b.elements ?? [])
      .map((e) => JSON.parse(e.value ?? '{}').a);
    expect(values.some((a: string) => a.startsWith('eligibility.'))).toBe(true);
  });

  it('answers in English when users.info says en-GB', async () => {
    capture.setLocale('U0ENGLISH', 'en-GB');
    await postSlack(host.port, directMessage('help', { user: 'U0ENGLISH' }), NOW_SECONDS);
    const [post] = await capture.waitFor('chat.postMessage');
    await host.idle();
    expect(post?.args.channel).toBe(DM);
    expect(((post?.args.blocks ?? []) as Block[])[0]).toMatchObject({
      type: 'header',
      text: { text: 'Hi! I am Midlerbot' },
    });
  });

  it('answers an @mention in the channel with the mention stripped', async () => {
    await postSlack(host.port, appMention('hjelp'), NOW_SECONDS);
    const [post] = await capture.waitFor('chat.postMessage');
    await host.idle();
    expect(post?.args.channel).toBe(CHANNEL);
    expect(((post?.args.blocks ?? []) as Block[])[0]?.type).toBe('header');
  });

  it('ignores messages from bots, its own included (no loops)', async () => {
    const other = await postSlack(
      host.port,
      directMessage('hjelp', { botId: 'B0OTHER01', subtype: 'bot_message' }),
      NOW_SECONDS,
    );
    const own = await postSlack(
      host.port,
      directMessage('hjelp', { user: CAPTURE_BOT.userId, botId: CAPTURE_BOT.botId }),
      NOW_SECONDS,
    );
    const edited = await postSlack(
      host.port,
      directMessage('hjelp', { subtype: 'message_changed' }),
      NOW_SECONDS,
    );
    expect([other.status, own.status, edited.status]).toEqual([200, 200, 200]);
    await host.idle();
    expect(capture.of('chat.postMessage')).toEqual([]);
    // The control: the same message from a person is answered.
    await postSlack(host.port, directMessage('hjelp'), NOW_SECONDS);
    await capture.waitFor('chat.postMessage');
    await host.idle();
  });

  it('falls back to the DM when a slash command comes from a channel the bot is not in', async () => {
    capture.failNext('chat.postMessage', { error: 'not_in_channel' });
    await postSlack(host.port, slashCommand('hjelp', { channel: 'C0NOTIN01' }), NOW_SECONDS);
    const posts = await capture.waitFor('chat.postMessage', 2);
    await host.idle();
    expect(posts.map((p) => p.args.channel)).toEqual(['C0NOTIN01', `D${USER.slice(1)}`]);
    expect(capture.of('conversations.open')[0]?.args.users).toBe(USER);
  });
});
