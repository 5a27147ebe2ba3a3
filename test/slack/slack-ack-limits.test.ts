import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeModalMeta } from '../../adapters/slack/render-modal.ts';
import type { Card, Inbound, Outbound } from '../../src/bot/messages.ts';
import { useSlackHost } from '../kit/index.ts';
import { CHANNEL, directMessage, postSlack, USER, viewSubmission } from '../support/slack-fixtures.ts';
import { NOW_SECONDS, type SlackHost, scriptedEngine, startSlackHost, textsOf } from './harness.ts';
import { RESPONSE_URL, slash } from './requests.ts';

/** A gate the test opens: the engine stays busy until then, whatever the wall clock does. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

let order: string[] = [];
let slow = gate();

const longStatus: Card = {
  kind: 'card',
  title: `Mine søknader ${'med en svært lang overskrift '.repeat(8)}`,
  blocks: [
    {
      kind: 'text',
      text: Array.from(
        { length: 120 },
        (_, i) => `- **Søknad ${i}**: ${'venter på leder, '.repeat(4)}frist 20. oktober`,
      ).join('\n'),
    },
    {
      kind: 'facts',
      facts: Array.from({ length: 120 }, (_, i) => ({
        label: `Søknad ${i}`,
        value: `Neste steg: forankring ${i}`,
      })),
    },
    ...Array.from({ length: 120 }, (_, i): Card['blocks'][number] => ({
      kind: 'steps',
      steps: [{ label: `Steg for søknad ${i}`, state: 'current', detail: 'x'.repeat(40) }],
    })),
  ],
  buttons: Array.from({ length: 30 }, (_, i) => ({
    action: 'status.open',
    label: `Åpne søknad nummer ${i} ${'med et langt navn '.repeat(5)}`,
    data: { id: `app-${i}` },
  })),
};

async function script(event: Inbound): Promise<Outbound[]> {
  if (event.text === 'slow' || event.action?.id === 'slow.submit') {
    order.push('engine started');
    await slow.opened;
    order.push('engine finished');
    return [{ kind: 'text', text: 'ferdig' }];
  }
  if (event.text === 'status') return [longStatus];
  return [{ kind: 'text', text: 'ok' }];
}

const engine = scriptedEngine(script);
// A long ack bound: if the ack waited for the engine, the first test would hang and fail.
const host = useSlackHost(() => ({ engine, ackTimeoutMs: 60_000 }));
let impatient: SlackHost;

beforeAll(async () => {
  impatient = await startSlackHost({ capture: host.capture, engine, ackTimeoutMs: 1 });
});
afterAll(async () => {
  slow.open();
  await impatient.close();
});
beforeEach(() => {
  order = [];
  slow = gate();
});

describe('acknowledging within Slack’s 3 seconds', () => {
  it('acks a slash command before the engine has finished; the answer follows through the Web API', async () => {
    const res = await postSlack(host.port, slash(host.capture, 'slow'), NOW_SECONDS);
    order.push(`ack ${res.status}`);
    slow.open();
    const [post] = await host.capture.waitFor(RESPONSE_URL);
    await host.idle();
    // The engine may start before or after the ack; it can only finish after it (the gate opens then).
    expect(order.filter((o) => o !== 'engine started')).toEqual(['ack 200', 'engine finished']);
    expect(order).toContain('engine started');
    expect(post?.args.text).toBe('ferdig');
  });

  it('acks an event before the engine has finished', async () => {
    const res = await postSlack(host.port, directMessage('slow'), NOW_SECONDS);
    order.push(`ack ${res.status}`);
    slow.open();
    await host.capture.waitFor('chat.postMessage');
    await host.idle();
    expect(order.indexOf('ack 200')).toBeLessThan(order.indexOf('engine finished'));
  });

  it('answers a slow modal submit with an empty 200 at the ack bound and posts the reply instead', async () => {
    const meta = encodeModalMeta({ a: 'slow.submit', d: {}, c: CHANNEL, k: 'channel' });
    const res = await postSlack(
      impatient.port,
      viewSubmission({ privateMetadata: meta, blocks: [], values: {} }),
      NOW_SECONDS,
    );
    order.push(`ack ${res.status} "${await res.text()}"`);
    slow.open();
    // From a channel, without a response_url to hand: chat.postEphemeral to the submitter.
    const [post] = await host.capture.waitFor('chat.postEphemeral');
    await impatient.idle();
    expect(order.filter((o) => o !== 'engine started')).toEqual(['ack 200 ""', 'engine finished']);
    expect(order).toContain('engine started');
    expect(post?.args).toMatchObject({ channel: CHANNEL, user: USER, text: 'ferdig' });
  });
});

describe('Block Kit limits for a very long status list', () => {
  it('splits 120 applications into messages of at most 50 blocks and texts within Slack’s limits', async () => {
    await postSlack(host.port, directMessage('status'), NOW_SECONDS);
    await host.capture.waitFor('chat.postMessage');
    await host.idle();
    const posts = host.capture.of('chat.postMessage');
    expect(posts.length).toBeGreaterThan(1);
    for (const post of posts) {
      const blocks = post.args.blocks as {
        type: string;
        fields?: unknown[];
        elements?: { type: string; text?: { text: string }; value?: string }[];
      }[];
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const t of textsOf(blocks)) expect(t.text.length).toBeLessThanOrEqual(3000);
      for (const b of blocks) {
        if (b.fields) expect(b.fields.length).toBeLessThanOrEqual(10);
        if (b.type === 'header') expect(textsOf(b)[0]?.text.length).toBeLessThanOrEqual(150);
        if (b.type === 'actions') {
          expect(b.elements?.length).toBeLessThanOrEqual(25);
          for (const e of b.elements ?? []) {
            expect(e.text?.text.length).toBeLessThanOrEqual(75);
            expect(e.value?.length).toBeLessThanOrEqual(2000);
          }
        }
      }
    }
    // Nothing was dropped: every application is somewhere, and the buttons come last.
    const all = JSON.stringify(posts.map((p) => p.args.blocks));
    for (let i = 0; i < 120; i++) {
      expect(all).toContain(`*Søknad ${i}*`);
      expect(all).toContain(`Steg for søknad ${i}`);
    }
    const lastBlocks = posts.at(-1)?.args.blocks as { type: string }[];
    expect(lastBlocks.at(-1)?.type).toBe('actions');
  });
});
