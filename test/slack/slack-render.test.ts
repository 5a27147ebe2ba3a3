import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeButtonValue, encodeButtonValue } from '../../adapters/slack/button-value.ts';
import { renderHome } from '../../adapters/slack/home.ts';
import { slashText, stripMention } from '../../adapters/slack/inbound.ts';
import { splitText } from '../../adapters/slack/limits.ts';
import { toMrkdwn } from '../../adapters/slack/mrkdwn.ts';
import { slackPlatform } from '../../adapters/slack/platform.ts';
import { renderMessages } from '../../adapters/slack/render-blocks.ts';
import { renderInput } from '../../adapters/slack/render-inputs.ts';
import { modalErrors, renderModal } from '../../adapters/slack/render-modal.ts';
import { inputsFromState } from '../../adapters/slack/state-values.ts';
import type { Card, Input } from '../../src/bot/messages.ts';
import { createCatalog } from '../../src/domain/catalog.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { textsOf } from './harness.ts';

describe('mrkdwn', () => {
  it('turns the neutral light formatting into Slack mrkdwn and escapes control characters', () => {
    expect(toMrkdwn('**Frist** er _snart_\n- én\n- to')).toBe('*Frist* er _snart_\n• én\n• to');
    expect(toMrkdwn('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
    expect(toMrkdwn('Se [utlysningen](https://helse-midt.no/x)')).toBe(
      'Se <https://helse-midt.no/x|utlysningen>',
    );
  });

  it('splits long text on line breaks into pieces within the limit, losing nothing', () => {
    const text = Array.from({ length: 400 }, (_, i) => `linje ${i}`).join('\n');
    const pieces = splitText(text, 300);
    expect(pieces.every((p) => p.length <= 300)).toBe(true);
    expect(pieces.join('\n')).toBe(text);
    const word = 'x'.repeat(7000);
    expect(splitText(word, 3000).map((p) => p.length)).toEqual([3000, 3000, 1000]);
  });
});

describe('inputs', () => {
  const options = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ value: `v${i}`, label: `Valg ${i}` }));
  const element = (input: Input) =>
    renderInput(input).element as {
      type: string;
      options?: unknown[];
      option_groups?: { options: unknown[] }[];
    };

  it('picks radio buttons, static selects, checkboxes and multi selects by size', () => {
    expect(element({ kind: 'choice', id: 'a', label: 'A', multiple: false, options: options(3) }).type).toBe(
      'radio_buttons',
    );
    expect(element({ kind: 'choice', id: 'a', label: 'A', multiple: false, options: options(30) }).type).toBe(
      'static_select',
    );
    expect(element({ kind: 'choice', id: 'a', label: 'A', multiple: true, options: options(3) }).type).toBe(
      'checkboxes',
    );
    expect(element({ kind: 'choice', id: 'a', label: 'A', multiple: true, options: options(30) }).type).toBe(
      'multi_static_select',
    );
    const big = element({ kind: 'choice', id: 'a', label: 'A', multiple: false, options: options(250) });
    expect(big.option_groups?.map((g) => g.options.length)).toEqual([100, 100, 50]);
  });

  it('renders the person picker as users_select and marks required inputs', () => {
    const block = renderInput({ kind: 'person', id: 'leader', label: 'Nærmeste leder', required: true });
    expect(block).toMatchObject({
      type: 'input',
      block_id: 'leader',
      optional: false,
      element: { type: 'users_select', action_id: 'leader' },
    });
  });

  it('reads submitted values back by input id', () => {
    expect(
      inputsFromState({
        total: { total: { type: 'plain_text_input', value: '1 200 000' } },
        n: { n: { type: 'number_input', value: '3' } },
        leader: { leader: { type: 'users_select', selected_user: 'U0LEADER' } },
        areas: { areas: { type: 'checkboxes', selected_options: [{ value: 'a' }, { value: 'b' }] } },
        when: { when: { type: 'datepicker', selected_date: '2023-10-20' } },
        empty: { empty: { type: 'plain_text_input', value: null } },
      }),
    ).toEqual({ total: '1 200 000', n: 3, leader: 'U0LEADER', areas: ['a', 'b'], when: '2023-10-20' });
  });
});

describe('buttons', () => {
  it('carries the action and data as JSON and falls back to the action alone past 2000 characters', () => {
    expect(decodeButtonValue(encodeButtonValue('elig.answer', { answer: 'yes', v: 2 }))).toEqual({
      action: 'elig.answer',
      data: { answer: 'yes', v: 2 },
    });
    const big = encodeButtonValue('status.open', { blob: 'x'.repeat(3000) });
    expect(big.length).toBeLessThanOrEqual(2000);
    expect(decodeButtonValue(big)).toEqual({ action: 'status.open', data: {} });
    expect(decodeButtonValue('not json')).toBeNull();
  });

  it('gives buttons with one action unique action ids and cuts labels to 75 characters', () => {
    const card: Card = {
      kind: 'card',
      blocks: [],
      buttons: [
        { action: 'elig.answer', label: 'Ja', data: { answer: 'yes' } },
        { action: 'elig.answer', label: 'N'.repeat(100), data: { answer: 'no' } },
      ],
    };
    const [msg] = renderMessages(card, { locale: 'nb' });
    const elements = ((msg?.blocks[0] ?? {}) as { elements: { action_id: string; text: { text: string } }[] })
      .elements;
    expect(new Set(elements.map((e) => e.action_id)).size).toBe(2);
    expect(elements[1]?.text.text.length).toBe(75);
  });
});

describe('modals', () => {
  const form: Card = {
    kind: 'card',
    title: 'Ny søknad til Innovasjonsmidler 2023',
    blocks: Array.from({ length: 150 }, (_, i) => ({ kind: 'text' as const, text: `Avsnitt ${i}` })),
    inputs: [
      { kind: 'text', id: 'title', label: 'Tittel', required: true },
      { kind: 'amount', id: 'amount', label: 'Beløp' },
    ],
    buttons: [{ action: 'application.create', label: 'Opprett søknaden nå med en gang', style: 'primary' }],
    errors: { title: 'Tittelen mangler', ghost: 'not shown' },
  };

  it('stays within 24-character titles and 100 blocks, keeping every input', () => {
    const view = renderModal(form, 'nb', { c: 'C1', k: 'channel' });
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.submit?.text.length).toBeLessThanOrEqual(24);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(view.blocks.filter((b) => b.type === 'input')).toHaveLength(2);
  });

  it('maps errors to the input blocks the modal shows, ignoring unknown ids', () => {
    expect(modalErrors(form, new Set(['title', 'amount']))).toEqual({ title: 'Tittelen mangler' });
    expect(modalErrors({ ...form, errors: {} }, new Set(['title']))).toBeNull();
  });
});

describe('Home tab', () => {
  it('shows at most 100 blocks and says how many more there are', () => {
    const items = Array.from({ length: 300 }, (_, i) => ({
      title: `S${i}`,
      callTitle: 'Innovasjon',
      status: 'draft' as const,
      next: { label: 'Forankring', waitingOn: 'Leder', dueAt: new Date('2023-10-20T13:00:00Z') },
    }));
    const view = renderHome(items, 'en');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view.blocks)).toMatch(/and \d+ more/);
    for (const t of textsOf(view.blocks)) expect(t.text.length).toBeLessThanOrEqual(3000);
  });
});

describe('entry points', () => {
  it('maps /midler sub-words in both languages and asks for help when empty', () => {
    expect(slashText('')).toBe('hjelp');
    expect(slashText('sjekk')).toBe('kan jeg søke');
    expect(slashText('Beløp 400000')).toBe('beløp 400000');
    expect(slashText('reminders')).toBe('reminders');
    expect(slashText('hvor mye kan jeg søke om')).toBe('hvor mye kan jeg søke om');
  });

  it('strips the bot mention from an app_mention', () => {
    expect(stripMention('<@UBOT0001> hjelp meg', 'UBOT0001')).toBe('hjelp meg');
    expect(stripMention('hei <@UBOT0001|midlerbot> status', 'UBOT0001')).toBe('hei status');
  });
});

describe('configuration', () => {
  const deps = {
    store: createMemoryStore(),
    catalog: createCatalog([]),
    runTurn: async () => ({ replies: [] }),
    clock: () => new Date('2023-09-04T08:00:00Z'),
    log: createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
    production: false,
  };

  it('mounts POST /slack/events only when the bot token and signing secret are set', () => {
    expect(slackPlatform({ enabled: false, socketMode: false })(deps)).toBeUndefined();
    expect(slackPlatform({ enabled: true, socketMode: false, botToken: 'xoxb-1' })(deps)).toBeUndefined();
    const http = slackPlatform({ enabled: true, socketMode: false, botToken: 'xoxb-1', signingSecret: 's' })(
      deps,
    );
    expect(http?.routes.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /slack/events']);
    expect(http?.sender.platform).toBe('slack');
  });

  it('builds a Socket Mode adapter (no HTTP route) from the app token, without connecting', () => {
    expect(slackPlatform({ enabled: true, socketMode: true, botToken: 'xoxb-1' })(deps)).toBeUndefined();
    const socket = slackPlatform({ enabled: true, socketMode: true, botToken: 'xoxb-1', appToken: 'xapp-1' })(
      deps,
    );
    expect(socket?.platform).toBe('slack');
    expect(socket?.routes).toEqual([]);
  });
});
