import { beforeEach, describe, expect, it } from 'vitest';
import type { Card, Inbound, Outbound } from '../../src/bot/messages.ts';
import { useSlackHost } from '../kit/index.ts';
import { formCard } from '../support/cards.ts';
import { DM, postSlack, type SlackRequest } from '../support/slack-fixtures.ts';
import { NOW, NOW_SECONDS, scriptedEngine } from './harness.ts';
import { pressOf, responses } from './requests.ts';

/**
 * A press's first card answer replaces the pressed message (docs/slack.md, "Answering a press in
 * place"), as Teams replaces a clicked card: in the bot DM with chat.update, on an ephemeral answer
 * through the response_url. Over real HTTP, with the capture as Slack's Web API.
 */

const next: Card = {
  kind: 'card',
  title: 'Trekke søknaden?',
  blocks: [{ kind: 'text', text: 'Søknaden trekkes.' }],
  buttons: [
    { action: 'progress.withdraw', label: 'Ja, trekk søknaden', data: { confirmed: true } },
    { action: 'progress.back', label: 'Nei, tilbake' },
  ],
};
const form = formCard(
  'Endre søknaden',
  [
    { kind: 'text', id: 'title', label: 'Tittel', required: true },
    { kind: 'text', id: 'own', label: 'Egenandel' },
  ],
  [{ action: 'progress.save', label: 'Lagre', style: 'primary' }],
);

function script(event: Inbound): Outbound[] {
  switch (event.action?.id) {
    case 'progress.withdraw':
      return [next, { kind: 'text', text: 'Du kan angre.' }];
    case 'progress.note':
      return [{ kind: 'text', text: 'Registrert.' }, next];
    case 'progress.edit':
      return [form];
    case 'endorse.approve':
      return [{ ...next, title: 'Godkjent', replaces: event.action.messageRef ?? '' }, next];
    default:
      return [{ kind: 'text', text: 'ukjent' }];
  }
}

const engine = scriptedEngine(script);
const host = useSlackHost(() => {
  // A clock that moves with real time from NOW: in-place updates wait for the channel's window.
  const start = Date.now();
  return { engine, clock: () => new Date(NOW.getTime() + Date.now() - start) };
});
beforeEach(() => {
  engine.seen.length = 0;
});

const STATUS_BLOCKS = [{ type: 'section', text: { type: 'mrkdwn', text: 'Dine søknader (1)' } }];
let tsCounter = 0;
/** A fresh message ts, so every test has its own message (and its own in-place claim). */
const freshTs = () => `1693900000.${String(++tsCounter).padStart(6, '0')}`;

async function send(req: SlackRequest) {
  const res = await postSlack(host.port, req, NOW_SECONDS);
  expect(res.status).toBe(200);
  await host.idle();
}

const dmPress = (action: string, ts: string, shown: unknown[] = STATUS_BLOCKS) =>
  pressOf(host.capture, action, {}, { channel: DM, messageTs: ts, shown });

describe('a press in the bot DM', () => {
  it('replaces the pressed message with the first card (chat.update with its ts); the rest follows as new posts', async () => {
    const ts = freshTs();
    await send(dmPress('progress.withdraw', ts));
    const updates = host.capture.of('chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.args).toMatchObject({ channel: DM, ts, text: 'Trekke søknaden?' });
    expect(JSON.stringify(updates[0]?.args.blocks)).toContain('Ja, trekk søknaden');
    expect(host.capture.of('chat.postMessage').map((c) => c.args.text)).toEqual(['Du kan angre.']);
  });

  it('a second press on the original rendering is answered with new messages, never over the new card', async () => {
    const ts = freshTs();
    await send(dmPress('progress.withdraw', ts));
    expect(host.capture.of('chat.update')).toHaveLength(1);
    // The same (old) blocks again: a double click, or a client that had not redrawn the message.
    await send(dmPress('progress.withdraw', ts));
    expect(engine.seen).toHaveLength(2);
    expect(host.capture.of('chat.update')).toHaveLength(1);
    expect(host.capture.of('chat.postMessage').map((c) => c.args.text)).toEqual([
      'Du kan angre.',
      'Trekke søknaden?',
      'Du kan angre.',
    ]);
    // A press on the card as it is now (its new blocks) replaces it again.
    const shown = host.capture.of('chat.update')[0]?.args.blocks as unknown[];
    await send(dmPress('progress.withdraw', ts, shown));
    expect(host.capture.of('chat.update').map((c) => c.args.ts)).toEqual([ts, ts]);
  });

  it('an answer that starts with text is posted as before; the pressed message stays', async () => {
    await send(dmPress('progress.note', freshTs()));
    expect(host.capture.of('chat.update')).toEqual([]);
    expect(host.capture.of('chat.postMessage').map((c) => c.args.text)).toEqual([
      'Registrert.',
      'Trekke søknaden?',
    ]);
  });

  it('a form opens as a modal and the pressed message stays', async () => {
    await send(dmPress('progress.edit', freshTs()));
    expect(host.capture.of('views.open')).toHaveLength(1);
    expect(host.capture.of('chat.update')).toEqual([]);
    expect(host.capture.of('chat.postMessage')).toEqual([]);
  });

  it('a card that says what it replaces keeps its own way (one update of that message)', async () => {
    const ts = freshTs();
    await send(dmPress('endorse.approve', ts));
    const updates = host.capture.of('chat.update');
    expect(updates.map((c) => [c.args.ts, c.args.text])).toEqual([[ts, 'Godkjent']]);
    expect(host.capture.of('chat.postMessage').map((c) => c.args.text)).toEqual(['Trekke søknaden?']);
  });
});

/** "Withdraw" pressed on a fresh message in the channel, ephemeral or public. */
const channelWithdraw = (ephemeral: boolean) =>
  pressOf(
    host.capture,
    'progress.withdraw',
    {},
    { messageTs: freshTs(), ...(ephemeral ? { ephemeral } : {}) },
  );

describe('a press in a channel', () => {
  it('on an ephemeral answer: the first card replaces it through the response_url', async () => {
    await send(channelWithdraw(true));
    const [replaced, ...rest] = responses(host.capture);
    expect(replaced?.args).toMatchObject({ replace_original: true, text: 'Trekke søknaden?' });
    expect(rest.map((c) => [c.args.replace_original, c.args.text])).toEqual([[false, 'Du kan angre.']]);
    expect(host.capture.of('chat.update')).toEqual([]);
  });

  it('on a public message: never replaced (it is everyone’s); the answer is ephemeral to the presser', async () => {
    await send(channelWithdraw(false));
    expect(host.capture.of('chat.update')).toEqual([]);
    expect(responses(host.capture).filter((c) => c.args.replace_original === true)).toEqual([]);
    expect(host.capture.of('chat.postEphemeral').map((c) => c.args.text)).toEqual([
      'Trekke søknaden?',
      'Du kan angre.',
    ]);
  });
});
