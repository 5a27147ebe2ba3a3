import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { type Receiver, SocketModeReceiver } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackAdapter } from '../../adapters/slack/adapter.ts';
import { parseSlackBody } from '../../adapters/slack/parse.ts';
import { slackPlatform } from '../../adapters/slack/platform.ts';
import { encodeModalMeta } from '../../adapters/slack/render-modal.ts';
import type { Engine } from '../../src/bot/engine-port.ts';
import type { Outbound } from '../../src/bot/messages.ts';
import { loadCatalog } from '../../src/calls/load.ts';
import type { Catalog } from '../../src/domain/catalog.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { type App, createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import type { Store } from '../../src/store/store.ts';
import { formCard } from '../support/cards.ts';
import { type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';
import {
  appHomeOpened,
  appMention,
  CHANNEL,
  DM,
  directMessage,
  postSlack,
  SIGNING_SECRET,
  type SlackRequest,
  TEAM,
  USER,
  viewSubmission,
} from '../support/slack-fixtures.ts';
import { NOW, NOW_SECONDS, scriptedEngine } from './harness.ts';
import { press, RESPONSE_URL, slash } from './requests.ts';

/**
 * Socket Mode (SLACK_APP_TOKEN): the same payloads as over HTTP arrive as envelopes on a WebSocket, and
 * Bolt's SocketModeReceiver hands each envelope's `payload` to `app.processEvent`. Here the real
 * SocketModeReceiver is used without a socket: the test emits `slack_event` on its SocketModeClient
 * exactly as the client does for a frame it read (`{ack, envelope_id, type, body, retry_num, …}`), and
 * records the acks it would have written back. The same requests go over HTTP to the same listeners;
 * both hosts share one Store (memory), so a delivery that switches transport is deduplicated too.
 */

const quiet = () =>
  createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

interface Envelope {
  envelope_id: string;
  type: 'events_api' | 'slash_commands' | 'interactive';
  payload: Record<string, unknown>;
  retry_attempt?: number;
  retry_reason?: string;
}

/** What the bot wrote back on the socket for one envelope. */
interface SocketAck {
  envelope_id: string;
  payload: unknown;
}

/** Bolt's SocketModeReceiver that never connects: frames are emitted on its client by the test. */
class OfflineSocket implements Receiver {
  readonly inner = new SocketModeReceiver({ appToken: 'xapp-1-A0MIDLER01-test', logger: boltQuiet() });
  readonly acks: SocketAck[] = [];
  /** An ack the test makes fail (the socket dropped before it was written). */
  failAcks = false;

  init(app: Parameters<Receiver['init']>[0]): void {
    this.inner.init(app);
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  /** One frame as SocketModeClient emits it (`slack_event`); resolves with the envelope's ack. */
  deliver(envelope: Envelope): Promise<SocketAck> {
    return new Promise((resolve, reject) => {
      this.inner.client.emit('slack_event', {
        ack: async (payload: unknown) => {
          if (this.failAcks) {
            reject(new Error('socket closed'));
            throw new Error('Failed to send a WebSocket message as the client is not ready');
          }
          const sent = { envelope_id: envelope.envelope_id, payload };
          this.acks.push(sent);
          resolve(sent);
        },
        envelope_id: envelope.envelope_id,
        type: envelope.type,
        body: envelope.payload,
        retry_num: envelope.retry_attempt,
        retry_reason: envelope.retry_reason,
        accepts_response_payload: envelope.type !== 'events_api',
      });
    });
  }
}

function boltQuiet() {
  const noop = () => {};
  return {
    debug: noop,
    info: noop,
    warn: noop,
    error: noop,
    setLevel: noop,
    getLevel: () => 'error' as never,
    setName: noop,
  };
}

/** The envelope Slack sends over the socket for what it would otherwise POST: the same payload. */
function envelopeOf(req: SlackRequest, retry?: number): Envelope {
  const parsed = parseSlackBody({ 'content-type': req.contentType }, Buffer.from(req.body));
  if (parsed.kind !== 'payload') throw new Error('not a payload');
  const payload = parsed.body;
  const type =
    payload.type === 'event_callback'
      ? 'events_api'
      : 'command' in payload
        ? 'slash_commands'
        : 'interactive';
  return {
    envelope_id: randomUUID(),
    type,
    payload,
    ...(retry ? { retry_attempt: retry, retry_reason: 'timeout' } : {}),
  };
}

interface Host {
  mode: 'http' | 'socket';
  app: App;
  slack: SlackAdapter;
  socket?: OfflineSocket;
  /** Delivers one request; `retry` marks it as Slack's retry (header or envelope `retry_attempt`). */
  deliver(req: SlackRequest, retry?: number): Promise<unknown>;
}

let catalog: Catalog;

async function startHost(
  mode: Host['mode'],
  store: Store,
  capture: SlackCapture,
  options: { engine?: Engine; ackTimeoutMs?: number } = {},
): Promise<Host> {
  catalog ??= loadCatalog('calls');
  const socket = mode === 'socket' ? new OfflineSocket() : undefined;
  const app = createApp({
    config: { port: 0, nodeEnv: 'test', teams: {} },
    store,
    catalog,
    clock: fixedClock(NOW),
    log: quiet(),
    ...(options.engine ? { engine: options.engine } : {}),
    platforms: [
      slackPlatform(
        {
          enabled: true,
          socketMode: mode === 'socket',
          botToken: 'xoxb-test-token',
          signingSecret: SIGNING_SECRET,
          ...(socket ? { appToken: 'xapp-1-A0MIDLER01-test' } : {}),
          apiUrl: capture.apiUrl,
        },
        {
          catalog,
          ...(options.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: options.ackTimeoutMs }),
          ...(socket ? { socketReceiver: socket } : {}),
        },
      ),
    ],
  });
  const port = await app.listen(0);
  // The adapter looks the bot up once at start; that call is not the test's.
  await capture.waitFor('auth.test');
  const slack = app.adapters.find((a) => a.platform === 'slack') as SlackAdapter | undefined;
  if (!slack) throw new Error('Slack adapter not mounted');
  const deliver = socket
    ? async (req: SlackRequest, retry?: number) => (await socket.deliver(envelopeOf(req, retry))).payload
    : async (req: SlackRequest, retry?: number) => {
        const headers: Record<string, string> = retry
          ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' }
          : {};
        const res = await postSlack(port, req, NOW_SECONDS, { headers });
        expect(res.status).toBe(200);
        const text = await res.text();
        return text === '' ? undefined : JSON.parse(text);
      };
  return { mode, app, slack, ...(socket ? { socket } : {}), deliver };
}

/** Everything the bot says to Slack users: posts, ephemerals, response_url answers, modals, Home tab. */
const SAYING = ['chat.postMessage', 'chat.postEphemeral', RESPONSE_URL, 'views.open', 'views.publish'];

let capture: SlackCapture;
const store = createMemoryStore();
const hosts: Record<Host['mode'], Host> = {} as Record<Host['mode'], Host>;

beforeAll(async () => {
  capture = await startSlackCapture();
  hosts.http = await startHost('http', store, capture);
  hosts.socket = await startHost('socket', store, capture);
});
afterAll(async () => {
  await Promise.all(Object.values(hosts).map((h) => h.app.close()));
  await capture.close();
});
beforeEach(() => {
  capture.reset();
});

function said() {
  return capture.calls.filter((c) => SAYING.includes(c.method));
}

async function idle(): Promise<void> {
  await Promise.all(Object.values(hosts).map((h) => h.slack.idle()));
}

/** The delivery's claim is in the Store: claiming it again fails. */
async function claimed(id: string): Promise<boolean> {
  return !(await store.claimOnce(`slack:delivery:${TEAM}:${id}`, 60));
}

const inDm = { channel: DM, channelName: 'directmessage' };

/** A reply that asks for input: a modal submit answers it by replacing the modal (in the ack). */
const nextForm = formCard(
  'Neste skjema',
  [
    { kind: 'amount', id: 'total', label: 'Totalt budsjett', required: true },
    { kind: 'text', id: 'note', label: 'Merknad' },
  ],
  [{ action: 'form.submit', label: 'Send', data: {}, style: 'primary' }],
  { blocks: [{ kind: 'text', text: 'Fyll inn **budsjettet**.' }] },
);

describe.each(['socket', 'http'] as const)('one effect per delivery (%s)', (mode) => {
  const host = () => hosts[mode];

  it('a retried message.im event (retry_attempt / X-Slack-Retry-Num) answers once', async () => {
    const eventId = `Ev0${mode.toUpperCase()}DM${randomUUID().slice(0, 6)}`;
    const req = directMessage('hjelp', { eventId });
    await host().deliver(req);
    await host().deliver(req, 1);
    await idle();
    expect(capture.of('chat.postMessage')).toHaveLength(1);
    expect(said()).toHaveLength(1);
    expect(await claimed(`evt:${eventId}`)).toBe(true);
  });

  it('the same app_mention delivered twice at once answers once', async () => {
    const req = appMention('hjelp');
    await Promise.all([host().deliver(req), host().deliver(req)]);
    await idle();
    expect(said()).toHaveLength(1);
    // The control: another event id is a new delivery.
    await host().deliver(appMention('hjelp'));
    await idle();
    expect(said()).toHaveLength(2);
  });

  it('a retried app_home_opened (not a turn) publishes the Home tab once', async () => {
    const req = appHomeOpened();
    await host().deliver(req);
    await host().deliver(req, 1);
    await idle();
    expect(capture.of('views.publish')).toHaveLength(1);
  });

  it('a slash command delivered twice (same trigger id) answers once', async () => {
    const req = slash(capture, 'hjelp', inDm);
    const trigger = new URLSearchParams(req.body).get('trigger_id');
    await host().deliver(req);
    await host().deliver(req);
    await idle();
    expect(said()).toHaveLength(1);
    expect(await claimed(`trg:${trigger}`)).toBe(true);
  });

  it('a button press delivered twice answers once', async () => {
    const req = press(capture, {
      actionId: 'help.show#0',
      value: JSON.stringify({ a: 'help.show', d: {} }),
      channel: CHANNEL,
    });
    await host().deliver(req);
    await host().deliver(req);
    await idle();
    // In a channel the presser alone is answered (an ephemeral under the bot's message).
    expect(said()).toHaveLength(1);
  });

  it('a modal submit delivered twice answers once', async () => {
    const meta = encodeModalMeta({ a: 'help.show', d: {}, c: DM, k: 'personal' });
    const req = viewSubmission({ privateMetadata: meta, blocks: [], values: {} });
    await host().deliver(req);
    await host().deliver(req);
    await idle();
    expect(said()).toHaveLength(1);
  });
});

describe('HTTP and Socket Mode name a delivery alike', () => {
  it('an event first delivered over HTTP and then over the socket answers once', async () => {
    const req = directMessage('hjelp');
    await hosts.http.deliver(req);
    await hosts.socket.deliver(req, 1);
    await idle();
    expect(said()).toHaveLength(1);
  });

  it('a slash command first delivered over the socket and then over HTTP answers once', async () => {
    const req = slash(capture, 'hjelp', inDm);
    await hosts.socket.deliver(req);
    await hosts.http.deliver(req);
    await idle();
    expect(said()).toHaveLength(1);
  });
});

describe('acks in Socket Mode', () => {
  /** A gate the test opens: the engine stays busy until then, whatever the wall clock does. */
  let open = () => {};
  let opened = Promise.resolve();
  const engine = scriptedEngine(async (event): Promise<Outbound[]> => {
    if (event.action?.id === 'slow.submit') await opened;
    if (event.action?.id === 'form.submit') return [nextForm];
    return [{ kind: 'text', text: 'ferdig' }];
  });
  let impatient: Host;
  let patient: Host;

  beforeAll(async () => {
    impatient = await startHost('socket', createMemoryStore(), capture, { engine, ackTimeoutMs: 1 });
    patient = await startHost('socket', createMemoryStore(), capture, { engine, ackTimeoutMs: 60_000 });
  });
  afterAll(async () => {
    open();
    await Promise.all([impatient.app.close(), patient.app.close()]);
  });
  beforeEach(() => {
    opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    engine.seen.length = 0;
  });

  it('acks a slow modal submit empty at the ack bound and posts the answer to the chat', async () => {
    const meta = encodeModalMeta({ a: 'slow.submit', d: {}, c: CHANNEL, k: 'channel' });
    const ack = await impatient.deliver(viewSubmission({ privateMetadata: meta, blocks: [], values: {} }));
    // The ack went out before the engine could finish (the gate is still closed): empty, the modal closes.
    expect(ack).toBeUndefined();
    open();
    const [post] = await capture.waitFor('chat.postEphemeral');
    await impatient.slack.idle();
    expect(post?.args).toMatchObject({ channel: CHANNEL, user: USER, text: 'ferdig' });
    // One ack per envelope, never a second one with the late answer.
    expect(impatient.socket?.acks).toHaveLength(1);
  });

  it('acks an envelope no listener acts on, so Slack does not redeliver it', async () => {
    const req = directMessage('hjelp', { subtype: 'message_changed' });
    const ack = await patient.deliver(req);
    await patient.slack.idle();
    expect(ack).toBeUndefined();
    expect(engine.seen).toEqual([]);
  });

  it('replaces the modal with the next form through the ack when it can', async () => {
    const meta = encodeModalMeta({ a: 'form.submit', d: {}, c: CHANNEL, k: 'channel' });
    const ack = await patient.deliver(viewSubmission({ privateMetadata: meta, blocks: [], values: {} }));
    await patient.slack.idle();
    expect(ack).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
    expect(said()).toEqual([]);
  });

  it('posts the next form to the chat when the ack carrying it cannot be sent (socket gone)', async () => {
    const socket = patient.socket;
    if (!socket) throw new Error('no socket');
    socket.failAcks = true;
    try {
      const meta = encodeModalMeta({ a: 'form.submit', d: {}, c: CHANNEL, k: 'channel' });
      const sent = patient.deliver(viewSubmission({ privateMetadata: meta, blocks: [], values: {} }));
      await expect(sent).rejects.toThrow('socket closed');
      const [post] = await capture.waitFor('chat.postEphemeral');
      await patient.slack.idle();
      // The form Slack never got as the modal's update is shown in the chat, inputs inline.
      expect(post?.args).toMatchObject({ channel: CHANNEL, user: USER });
      expect(JSON.stringify(post?.args.blocks)).toContain('Neste skjema');
      expect(JSON.stringify(post?.args.blocks)).toContain('plain_text_input');
    } finally {
      socket.failAcks = false;
    }
  });
});
