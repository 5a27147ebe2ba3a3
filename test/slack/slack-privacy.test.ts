import { beforeEach, describe, expect, it } from 'vitest';
import { decodeModalMeta, encodeModalMeta } from '../../adapters/slack/render-modal.ts';
import { useSlackHost } from '../kit/index.ts';
import type { SlackCall } from '../support/slack-capture.ts';
import { blockActions, CHANNEL, postSlack, viewSubmission } from '../support/slack-fixtures.ts';
import { NOW_SECONDS } from './harness.ts';
import { mentionInThread, press, RESPONSE_URL, responses, slash } from './requests.ts';

/** Who sees an answer, and where it goes (docs/slack.md), with the real engine over HTTP. */
const host = useSlackHost();

type Element = { type: string; action_id?: string; value?: string };
type Block = { type: string; block_id?: string; elements?: Element[] };
type View = {
  id?: string;
  blocks: Block[];
  private_metadata: string;
  submit?: unknown;
  title: { text: string };
};

/** The buttons of a message or view, with their engine action ids. */
function buttons(blocks: unknown): (Element & { a: string })[] {
  return ((blocks ?? []) as Block[])
    .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []))
    .map((e) => ({ ...e, a: String(JSON.parse(e.value ?? '{}').a) }));
}

function button(call: SlackCall | undefined, action: string, pick = 0): Element {
  const found = buttons(call?.args.blocks).filter((b) => b.a === action)[pick];
  if (!found) throw new Error(`no ${action} button in ${JSON.stringify(call?.args.blocks)}`);
  return found;
}

function viewOf(call: SlackCall | undefined): View {
  return (call?.args.view ?? { blocks: [], private_metadata: '', title: { text: '' } }) as View;
}

let ts = 1693815000;
/** Presses a button on an ephemeral answer in the channel, as the user who sees it. */
async function pressEphemeral(
  el: Element,
  user: string,
  values: Record<string, Record<string, unknown>> = {},
) {
  ts += 1;
  await postSlack(
    host.port,
    press(host.capture, {
      actionId: String(el.action_id),
      value: String(el.value),
      user,
      values,
      ephemeral: true,
      messageTs: `${ts}.000100`,
    }),
    NOW_SECONDS,
  );
}

describe('slash commands in a DM between two people', () => {
  const user = 'U0PRIVAT1';
  const botDm = 'D0PRIVAT1';
  const humanDm = 'D0KARIOLA';

  it('answers in the user DM with the bot, points there, and keeps only that DM as the personal reference', async () => {
    await postSlack(
      host.port,
      slash(host.capture, 'hjelp', { user, channel: humanDm, channelName: 'directmessage' }),
      NOW_SECONDS,
    );
    const [post] = await host.capture.waitFor('chat.postMessage');
    const [note] = await host.capture.waitFor(RESPONSE_URL);
    await host.idle();
    expect(host.capture.of('conversations.open').map((c) => c.args.users)).toEqual([user]);
    expect(host.capture.of('chat.postMessage').map((p) => p.args.channel)).toEqual([botDm]);
    expect(post?.args.channel).toBe(botDm);
    expect(note?.args).toMatchObject({ response_type: 'ephemeral' });
    expect(String(note?.args.text)).toContain('Midlerbot');
    expect((await host.store.getPersonalRef('slack', user))?.conversationId).toBe(botDm);
    expect(await host.store.getConversationRef(`slack:${humanDm}`)).toBeNull();

    // Later proactive messages reach the user in the bot DM.
    const sent = await host.slack.sender.sendToUser(user, { kind: 'text', text: 'Påminnelse' });
    expect(sent.ok).toBe(true);
    expect(host.capture.of('chat.postMessage').at(-1)?.args.channel).toBe(botDm);
  });

  it('a personal reference that is gone (channel_not_found) falls back to the DM from conversations.open', async () => {
    const stale = 'U0STALE01';
    await host.store.putConversationRef({
      platform: 'slack',
      key: 'slack:D0HUMANS1',
      conversationId: 'D0HUMANS1',
      kind: 'personal',
      userId: stale,
      data: { channel: 'D0HUMANS1' },
      updatedAt: new Date(NOW_SECONDS * 1000).toISOString(),
    });
    host.capture.failNext('chat.postMessage', { error: 'channel_not_found' });
    const sent = await host.slack.sender.sendToUser(stale, { kind: 'text', text: 'Påminnelse' });
    expect(sent.ok).toBe(true);
    expect(host.capture.of('chat.postMessage').map((p) => p.args.channel)).toEqual([
      'D0HUMANS1',
      'D0STALE01',
    ]);
  });

  it('an answer for a personal conversation that is not the bot DM goes to the bot DM instead of failing', async () => {
    // A modal opened before the fix from a DM between two people: its answers pointed at that DM.
    const meta = encodeModalMeta({ a: 'help.start', d: {}, c: 'D0HUMANS2', k: 'personal' });
    host.capture.failNext('chat.postMessage', { error: 'channel_not_found' });
    const res = await postSlack(
      host.port,
      viewSubmission({ privateMetadata: meta, blocks: [], values: {}, user: 'U0MODAL01' }),
      NOW_SECONDS,
    );
    expect(res.status).toBe(200);
    await host.capture.waitFor('chat.postMessage', 2);
    await host.idle();
    expect(host.capture.of('chat.postMessage').map((p) => p.args.channel)).toEqual([
      'D0HUMANS2',
      'D0MODAL01',
    ]);
  });
});

describe('slash commands in a channel are answered to the caller only', () => {
  it('/midler status is ephemeral: response_url, no chat.postMessage', async () => {
    await postSlack(host.port, slash(host.capture, 'status', { user: 'U0STATUS1' }), NOW_SECONDS);
    const [reply] = await host.capture.waitFor(RESPONSE_URL);
    await host.idle();
    expect(reply?.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(host.capture.of('chat.postMessage')).toEqual([]);
    // The channel stays a channel: it is remembered for channel reminders, not as anyone's DM.
    expect((await host.store.getConversationRef(`slack:${CHANNEL}`))?.kind).toBe('channel');
    expect(await host.store.getPersonalRef('slack', 'U0STATUS1')).toBeNull();
  });

  it('subscribes the channel to reminders from the channel, every step answered to the caller only', async () => {
    const user = 'U0REMIND1';
    await postSlack(host.port, slash(host.capture, 'reminders', { user }), NOW_SECONDS);
    const [overview] = await host.capture.waitFor(RESPONSE_URL);
    await host.idle();
    await pressEphemeral(button(overview, 'reminders.choose'), user);
    const [choose] = await host.capture.waitFor(RESPONSE_URL, 2).then((r) => r.slice(1));
    await host.idle();
    const callsInput = ((choose?.args.blocks ?? []) as Block[]).find((b) => b.block_id === 'calls');
    expect(callsInput).toBeDefined();
    await pressEphemeral(button(choose, 'reminders.save-calls'), user, {
      calls: {
        calls: { type: 'checkboxes', selected_options: [{ value: 'innovasjon-2023' }] },
      },
    });
    await host.capture.waitFor(RESPONSE_URL, 3);
    await host.idle();
    const sub = await host.store.getSubscription(`slack:${CHANNEL}`);
    expect(sub?.callIds).toEqual(['innovasjon-2023']);
    // Nothing of it was posted for the whole channel, and nothing tried chat.update on an ephemeral.
    expect(host.capture.of('chat.postMessage')).toEqual([]);
    expect(host.capture.of('chat.update')).toEqual([]);
    for (const r of responses(host.capture)) expect(r.args.response_type ?? 'ephemeral').toBe('ephemeral');
  });
});

describe('an @mention in a thread', () => {
  it('is answered in that thread', async () => {
    await postSlack(host.port, mentionInThread('hjelp', '1693814400.000042'), NOW_SECONDS);
    const [post] = await host.capture.waitFor('chat.postMessage');
    await host.idle();
    expect(post?.args).toMatchObject({ channel: CHANNEL, thread_ts: '1693814400.000042' });
  });
});

describe('buttons inside a modal that do not submit it (real amount dialog)', () => {
  let user = 'U0AMOUNT1';
  let n = 0;
  beforeEach(() => {
    n += 1;
    user = `U0AMOUNT${n}`;
  });

  /** `/midler beløp` → call → category → cost lines: the lines card (2 inputs) opens as a modal. */
  async function openLinesModal(): Promise<View> {
    await postSlack(host.port, slash(host.capture, 'beløp', { user }), NOW_SECONDS);
    let [last] = await host.capture.waitFor(RESPONSE_URL);
    await host.idle();
    await pressEphemeral(
      buttons(last?.args.blocks).find((b) => JSON.parse(b.value ?? '{}').d?.callId === 'innovasjon-2023') ??
        button(last, 'amount.call'),
      user,
    );
    last = (await host.capture.waitFor(RESPONSE_URL, 2)).at(-1);
    await host.idle();
    await pressEphemeral(button(last, 'amount.category'), user);
    last = (await host.capture.waitFor(RESPONSE_URL, 3)).at(-1);
    await host.idle();
    await pressEphemeral(button(last, 'amount.lines-mode'), user);
    const [open] = await host.capture.waitFor('views.open');
    await host.idle();
    const view = open?.args.view as View;
    expect(view.blocks.filter((b) => b.type === 'input')).toHaveLength(2);
    return view;
  }

  async function pressInModal(view: View, action: string, id = 'V0LINES01') {
    const el = buttons(view.blocks).find((b) => b.a === action);
    if (!el) throw new Error(`no ${action} in the modal`);
    await postSlack(
      host.port,
      blockActions({
        actionId: String(el.action_id),
        value: String(el.value),
        user,
        view: {
          id,
          type: 'modal',
          private_metadata: view.private_metadata,
          callback_id: 'midler.form',
          state: { values: {} },
          hash: '1693814400.hashmodal',
          blocks: view.blocks,
        },
      }),
      NOW_SECONDS,
    );
  }

  /** Presses `action` in the modal with a fresh capture; the modal's `views.update` that answers it. */
  async function updateAfterPress(view: View, action: string, id?: string) {
    host.capture.reset();
    await pressInModal(view, action, id);
    const [update] = await host.capture.waitFor('views.update');
    await host.idle();
    return update;
  }

  it('"lines done" replaces the modal with the next step (views.update)', async () => {
    const view = await openLinesModal();
    // Add one line through the modal's submit: the lines card comes back as the next form.
    const res = await postSlack(
      host.port,
      viewSubmission({
        privateMetadata: view.private_metadata,
        blocks: view.blocks,
        user,
        values: {
          costType: { costType: { type: 'radio_buttons', selected_option: { value: 'project-personnel' } } },
          lineAmount: { lineAmount: { type: 'plain_text_input', value: '500 000' } },
        },
      }),
      NOW_SECONDS,
    );
    const answer = (await res.json()) as { response_action: string; view: View };
    await host.idle();
    expect(answer.response_action).toBe('update');
    const lines = answer.view;
    expect(buttons(lines.blocks).map((b) => b.a)).toContain('amount.lines-done');

    const update = await updateAfterPress(lines, 'amount.lines-done');
    expect(update?.args).toMatchObject({ view_id: 'V0LINES01', hash: '1693814400.hashmodal' });
    const next = update?.args.view as View;
    // The next step (own financing) asks for input: it is the modal now, with a submit.
    expect(next.submit).toBeDefined();
    expect(next.blocks.some((b) => b.type === 'input' && b.block_id === 'own')).toBe(true);
    expect(decodeModalMeta(next.private_metadata)).toMatchObject({ c: CHANNEL, k: 'channel' });
    expect(host.capture.of('chat.postMessage')).toEqual([]);
  });

  it('"only the total" replaces the lines modal with the total card (one input)', async () => {
    const lines = await openLinesModal();
    const total = await updateAfterPress(lines, 'amount.total-mode', 'V0LINES02');
    expect(total?.args.view_id).toBe('V0LINES02');
    expect(viewOf(total).blocks.some((b) => b.block_id === 'total')).toBe(true);
  });

  it('"back" replaces the modal with the step before', async () => {
    const view = await openLinesModal();
    const update = await updateAfterPress(view, 'amount.back');
    const back = viewOf(update);
    expect(back.blocks.length).toBeGreaterThan(0);
    expect(back.blocks.some((b) => b.block_id === 'costType')).toBe(false);
  });

  it('an answer without inputs is shown in the modal (no stale form left open) and kept in the chat', async () => {
    const view = await openLinesModal();
    const update = await updateAfterPress(view, 'amount.cancel');
    const shown = update?.args.view as View;
    expect(shown.submit).toBeUndefined();
    expect(shown.blocks.some((b) => b.type === 'input')).toBe(false);
    expect(responses(host.capture).length).toBeGreaterThan(0);
    expect(host.capture.of('chat.postMessage')).toEqual([]);
  });
});
