import { describe, expect, it } from 'vitest';
import { useSlackHost } from '../kit/index.ts';
import { CAPTURE_BOT } from '../support/slack-capture.ts';
import {
  appMention,
  CHANNEL,
  DM,
  directMessage,
  OTHER_USER,
  postSlack,
  USER,
  urlVerification,
} from '../support/slack-fixtures.ts';
import { NOW_SECONDS } from './harness.ts';
import { RESPONSE_URL, slash } from './requests.ts';

/** The real engine, dialogs and calls behind the real host, over HTTP, with a local Slack Web API. */
const host = useSlackHost();

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

  it('answers /midler hjelp (form-encoded) with an empty ack and a Block Kit reply only the caller sees', async () => {
    const res = await postSlack(host.port, slash(host.capture, 'hjelp'), NOW_SECONDS);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const [reply] = await host.capture.waitFor(RESPONSE_URL);
    await host.idle();
    // Ephemeral through the command's response_url: nothing is posted for the whole channel.
    expect(reply?.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(host.capture.of('chat.postMessage')).toEqual([]);
    const blocks = reply?.args.blocks as Block[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Hei! Jeg er Midlerbot' } });
    const buttons = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
    const start = buttons.find((b) => JSON.parse(b.value ?? '{}').a === 'eligibility.start');
    expect(start?.type).toBe('button');
    // users.info was asked once, with the locale; the name is cached for later turns.
    expect(host.capture.of('users.info').map((c) => c.args)).toEqual([
      expect.objectContaining({ user: USER, include_locale: 'true' }),
    ]);
    expect((await host.store.getUser('slack', USER))?.name).toBe(`Display ${USER}`);
    await postSlack(host.port, slash(host.capture, 'status'), NOW_SECONDS);
    await host.capture.waitFor(RESPONSE_URL, 2);
    await host.idle();
    expect(host.capture.of('users.info')).toHaveLength(1);
    expect(host.capture.of('chat.postMessage')).toEqual([]);
  });

  it('maps /midler sub-words to the engine words (sjekk starts the eligibility check)', async () => {
    await postSlack(host.port, slash(host.capture, 'sjekk', { user: OTHER_USER }), NOW_SECONDS);
    const [reply] = await host.capture.waitFor(RESPONSE_URL);
    await host.idle();
    const values = ((reply?.args.blocks ?? []) as Block[])
      .flatMap((b) => b.elements ?? [])
      .map((e) => JSON.parse(e.value ?? '{}').a);
    expect(values.some((a: string) => a.startsWith('eligibility.'))).toBe(true);
  });

  it('answers in English when users.info says en-GB', async () => {
    host.capture.setLocale('U0ENGLISH', 'en-GB');
    await postSlack(host.port, directMessage('help', { user: 'U0ENGLISH' }), NOW_SECONDS);
    const [post] = await host.capture.waitFor('chat.postMessage');
    await host.idle();
    expect(post?.args.channel).toBe(DM);
    expect(((post?.args.blocks ?? []) as Block[])[0]).toMatchObject({
      type: 'header',
      text: { text: 'Hi! I am Midlerbot' },
    });
  });

  it('answers an @mention in the channel with the mention stripped', async () => {
    await postSlack(host.port, appMention('hjelp'), NOW_SECONDS);
    const [post] = await host.capture.waitFor('chat.postMessage');
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
    expect(host.capture.of('chat.postMessage')).toEqual([]);
    // The control: the same message from a person is answered.
    await postSlack(host.port, directMessage('hjelp'), NOW_SECONDS);
    await host.capture.waitFor('chat.postMessage');
    await host.idle();
  });

  it('answers ephemerally with chat.postEphemeral when the response_url is used up', async () => {
    host.capture.failNext(RESPONSE_URL, { error: 'used_url' });
    await postSlack(host.port, slash(host.capture, 'hjelp'), NOW_SECONDS);
    const [eph] = await host.capture.waitFor('chat.postEphemeral');
    await host.idle();
    expect(eph?.args).toMatchObject({ channel: CHANNEL, user: USER });
    expect(host.capture.of('chat.postMessage')).toEqual([]);
  });

  it('falls back to the DM when neither ephemeral way works (a channel the bot is not in)', async () => {
    host.capture.failNext(RESPONSE_URL, { error: 'expired_url' });
    host.capture.failNext('chat.postEphemeral', { error: 'not_in_channel' });
    await postSlack(host.port, slash(host.capture, 'hjelp', { channel: 'C0NOTIN01' }), NOW_SECONDS);
    const [post] = await host.capture.waitFor('chat.postMessage');
    await host.idle();
    // The user's DM with the bot (known from their earlier DM message, else conversations.open).
    expect(post?.args.channel).toBe(`D${USER.slice(1)}`);
  });
});
