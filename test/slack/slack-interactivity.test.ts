import { beforeEach, describe, expect, it } from 'vitest';
import { decodeModalMeta } from '../../adapters/slack/render-modal.ts';
import type { Inbound, Outbound } from '../../src/bot/messages.ts';
import type { Application } from '../../src/domain/application.ts';
import { useSlackHost } from '../kit/index.ts';
import { choiceInput, formCard } from '../support/cards.ts';
import {
  appHomeOpened,
  blockActions,
  CHANNEL,
  postSlack,
  USER,
  viewSubmission,
} from '../support/slack-fixtures.ts';
import { NOW_SECONDS, scriptedEngine } from './harness.ts';
import { pressOf, RESPONSE_URL, responses, slash } from './requests.ts';

const form = formCard(
  'Beløpskalkulator',
  [
    { kind: 'amount', id: 'total', label: 'Totalt budsjett', required: true },
    choiceInput('category', 'Kategori', { product: 'Produkt', service: 'Tjeneste' }),
  ],
  [
    { action: 'amount.submit', label: 'Regn ut', data: { v: 3 }, style: 'primary' },
    { action: 'amount.cancel', label: 'Avbryt', data: { v: 3 } },
  ],
  { blocks: [{ kind: 'text', text: 'Fyll inn **budsjettet**.' }] },
);

function script(event: Inbound): Outbound[] {
  const action = event.action;
  if (event.text === 'form') return [{ kind: 'text', text: 'Her er skjemaet.' }, form];
  if (!action) return [{ kind: 'text', text: `echo: ${event.text}` }];
  if (action.id === 'amount.submit') {
    if (action.inputs?.total === 'abc')
      return [{ ...form, errors: { total: 'Skriv et beløp, for eksempel 400 000.' } }];
    if (action.inputs?.total === 'more') return [{ ...form, title: 'Neste skjema' }];
    return [
      { kind: 'text', text: `Takk: ${String(action.inputs?.total)} ${String(action.inputs?.category)}` },
    ];
  }
  if (action.id === 'endorse.approve') {
    return [
      {
        kind: 'card',
        title: 'Anbefalt',
        blocks: [{ kind: 'text', text: 'Godkjent av deg.' }],
        ...(action.messageRef ? { replaces: action.messageRef } : {}),
      },
    ];
  }
  return [
    {
      kind: 'text',
      text: `action: ${action.id} ${JSON.stringify(action.data)} ${JSON.stringify(action.inputs ?? {})}`,
    },
  ];
}

const engine = scriptedEngine(script);
const host = useSlackHost(() => ({ engine }));

/** A button press posted to the host as Slack sends it. */
const postPress = (action: string, data: Record<string, unknown>, where?: Parameters<typeof pressOf>[3]) =>
  postSlack(host.port, pressOf(host.capture, action, data, where), NOW_SECONDS);
beforeEach(() => {
  engine.seen.length = 0;
});

type View = {
  type: string;
  blocks: { type: string; block_id?: string; element?: { type: string } }[];
  private_metadata: string;
  submit?: { text: string };
};

describe('buttons (block_actions)', () => {
  it('hands the engine the action id, the button data, the input values and the message ref', async () => {
    const res = await postPress(
      'elig.answer',
      { answer: 'yes', v: 2 },
      {
        messageTs: '1693814400.000777',
        values: {
          trust: {
            trust: {
              type: 'radio_buttons',
              selected_option: { value: 'st-olavs', text: { type: 'plain_text', text: 'St. Olavs' } },
            },
          },
          total: { total: { type: 'plain_text_input', value: '1 200 000' } },
        },
      },
    );
    expect(res.status).toBe(200);
    // A press on a public channel message is answered to the presser only (the bot, which posted
    // the message, is a member: chat.postEphemeral; the response_url stays unused).
    const [reply] = await host.capture.waitFor('chat.postEphemeral');
    await host.idle();
    expect(reply?.args).toMatchObject({ channel: CHANNEL, user: USER });
    expect(host.capture.of('chat.postMessage')).toEqual([]);
    expect(responses(host.capture)).toEqual([]);
    expect(engine.seen[0]?.action).toEqual({
      id: 'elig.answer',
      data: { answer: 'yes', v: 2 },
      inputs: { trust: 'st-olavs', total: '1 200 000' },
      messageRef: `${CHANNEL}/1693814400.000777`,
    });
    expect(engine.seen[0]?.conversation).toEqual({ id: CHANNEL, kind: 'channel', private: true });
  });

  it('updates the card in place (chat.update) when the reply replaces the pressed message', async () => {
    await postPress('endorse.approve', { id: 'app-1' }, { messageTs: '1693814400.000888' });
    const [update] = await host.capture.waitFor('chat.update');
    await host.idle();
    expect(update?.args).toMatchObject({ channel: CHANNEL, ts: '1693814400.000888' });
    expect(JSON.stringify(update?.args.blocks)).toContain('Godkjent av deg.');
    expect(host.capture.of('chat.postMessage')).toEqual([]);
  });

  it('replaces an ephemeral message through the response_url (chat.update cannot edit ephemerals)', async () => {
    await postPress('endorse.approve', { id: 'app-2' }, { messageTs: '1693814400.000999', ephemeral: true });
    const [replace] = await host.capture.waitFor(RESPONSE_URL);
    await host.idle();
    expect(replace?.args).toMatchObject({ replace_original: true });
    expect(JSON.stringify(replace?.args.blocks)).toContain('Godkjent av deg.');
    expect(host.capture.of('chat.update')).toEqual([]);
    expect(host.capture.of('chat.postMessage')).toEqual([]);
  });

  it('answers a press in a thread ephemerally in that thread', async () => {
    await postPress('elig.answer', { answer: 'no' }, { threadTs: '1693814400.000050' });
    const [eph] = await host.capture.waitFor('chat.postEphemeral');
    await host.idle();
    expect(eph?.args).toMatchObject({ channel: CHANNEL, user: USER, thread_ts: '1693814400.000050' });
    expect(host.capture.of('chat.postMessage')).toEqual([]);
  });

  it('answers a Home tab button in the user DM', async () => {
    await postSlack(
      host.port,
      blockActions({
        actionId: 'eligibility.start#0',
        value: JSON.stringify({ a: 'eligibility.start', d: {} }),
        view: { id: 'V0HOME', type: 'home', state: { values: {} }, hash: 'h' },
      }),
      NOW_SECONDS,
    );
    const [post] = await host.capture.waitFor('chat.postMessage');
    await host.idle();
    expect(host.capture.of('conversations.open')[0]?.args.users).toBe(USER);
    expect(post?.args.channel).toBe(`D${USER.slice(1)}`);
    expect(engine.seen[0]?.conversation.kind).toBe('personal');
  });
});

describe('forms as modals (views.open, view_submission)', () => {
  async function openForm(): Promise<View> {
    await postSlack(host.port, slash(host.capture, 'form'), NOW_SECONDS);
    const [open] = await host.capture.waitFor('views.open');
    await host.idle();
    return open?.args.view as View;
  }

  function submit(view: View, total: string) {
    return viewSubmission({
      privateMetadata: view.private_metadata,
      blocks: view.blocks,
      values: {
        total: { total: { type: 'plain_text_input', value: total } },
        category: { category: { type: 'radio_buttons', selected_option: { value: 'service' } } },
      },
    });
  }

  it('opens a card with several inputs as a modal with the command trigger id', async () => {
    const view = await openForm();
    const open = host.capture.of('views.open')[0];
    expect(String(open?.args.trigger_id)).toMatch(/\.trigger\d+$/);
    expect(view.type).toBe('modal');
    expect(view.submit?.text).toBe('Regn ut');
    expect(view.blocks.filter((b) => b.type === 'input').map((b) => [b.block_id, b.element?.type])).toEqual([
      ['total', 'plain_text_input'],
      ['category', 'radio_buttons'],
    ]);
    expect(decodeModalMeta(view.private_metadata)).toMatchObject({
      a: 'amount.submit',
      d: { v: 3 },
      c: CHANNEL,
      k: 'channel',
    });
    // The text reply goes to the caller only (the command's response_url, kept for the modal's answers).
    await host.capture.waitFor(RESPONSE_URL);
    expect(responses(host.capture).map((p) => p.args.text)).toEqual(['Her er skjemaet.']);
    expect(decodeModalMeta(view.private_metadata)?.r).toContain(RESPONSE_URL);
    expect(host.capture.of('chat.postMessage')).toEqual([]);
  });

  it('answers an invalid submit with response_action errors next to the input', async () => {
    const view = await openForm();
    host.capture.reset();
    const res = await postSlack(host.port, submit(view, 'abc'), NOW_SECONDS);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      response_action: 'errors',
      errors: { total: 'Skriv et beløp, for eksempel 400 000.' },
    });
    await host.idle();
    expect(host.capture.of('chat.postMessage')).toEqual([]);
  });

  it('replaces the modal when the answer is the next form (response_action update)', async () => {
    const view = await openForm();
    const res = await postSlack(host.port, submit(view, 'more'), NOW_SECONDS);
    const body = (await res.json()) as { response_action: string; view: View & { title: { text: string } } };
    expect(body.response_action).toBe('update');
    expect(body.view.title.text).toBe('Neste skjema');
    await host.idle();
  });

  it('closes the modal on a valid submit and answers the submitter only', async () => {
    const view = await openForm();
    host.capture.reset();
    const res = await postSlack(host.port, submit(view, '400 000'), NOW_SECONDS);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const [reply] = await host.capture.waitFor(RESPONSE_URL);
    await host.idle();
    expect(reply?.args).toMatchObject({ response_type: 'ephemeral', text: 'Takk: 400 000 service' });
    expect(host.capture.of('chat.postMessage')).toEqual([]);
    expect(engine.seen.at(-1)?.action).toMatchObject({
      id: 'amount.submit',
      data: { v: 3 },
      inputs: { total: '400 000', category: 'service' },
    });
  });
});

describe('App Home', () => {
  it('publishes the Home tab with the user applications, next steps and start buttons', async () => {
    const base: Application = {
      id: 'x',
      version: 1,
      callId: 'innovasjon-2023',
      category: 'product',
      title: 'x',
      applicant: { platform: 'slack', userId: 'U0HOMEUSR', name: 'Kari', trust: 'st-olavs' },
      status: 'draft',
      answers: {},
      steps: [
        { id: 'eligibility', state: 'done' },
        { id: 'category', state: 'not-started', dueAt: '2023-10-20T13:00:00.000Z' },
      ],
      createdAt: '2023-09-01T08:00:00.000Z',
      updatedAt: '2023-09-01T08:00:00.000Z',
    };
    for (let i = 0; i < 120; i++) {
      const app = { ...base, id: `home-${i}-${NOW_SECONDS}`, title: `Søknad nummer ${i}` };
      await host.store.createApplication(app, {
        at: base.createdAt,
        actor: app.applicant,
        platform: 'slack',
        action: 'created',
      });
    }
    await postSlack(host.port, appHomeOpened('U0HOMEUSR'), NOW_SECONDS);
    const [publish] = await host.capture.waitFor('views.publish');
    await host.idle();
    const view = publish?.args.view as { type: string; blocks: unknown[] };
    expect(publish?.args.user_id).toBe('U0HOMEUSR');
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Innovasjonsmidler 2023');
    expect(text).toContain('Velg søknadskategori');
    expect(text).toMatch(/og \d+ til/);
    expect(text).toContain('"a\\":\\"eligibility.start');
    expect(text).toContain('"a\\":\\"application.start');
  });
});
