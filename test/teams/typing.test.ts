import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TYPING } from '../../adapters/teams/typing.ts';
import type { Engine } from '../../src/bot/engine-port.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { HostConfig } from '../../src/server/host-config.ts';
import { type Host, type HostSettings, startHost } from '../kit/host.ts';
import { type BotConnectorCapture, startBotConnectorCapture } from '../support/bot-connector-capture.ts';
import {
  cardInvoke,
  PERSONAL_CONVERSATION,
  personalMessage,
  postActivity,
} from '../support/teams-fixtures.ts';

/**
 * The Teams typing indicator (issue 18) on the real host: a message turn that has not answered when
 * the indicator's timer fires gets a typing activity at the Bot Connector before its reply. Nothing
 * here waits on wall-clock time: the turn is held by the engine until the test lets it go, and the
 * indicator's timer (`typingWait`) fires only when the test releases it.
 */

/** A timer the test fires by hand: each wait is recorded with its length. */
const waits: { ms: number; fire: () => void }[] = [];
const typingWait = (ms: number) =>
  new Promise<void>((resolve) => {
    waits.push({ ms, fire: resolve });
  });

/** The engine answers "svar" once the test lets the turn go (at once when `hold` is false). */
let hold = true;
let letGo: () => void = () => {};
let handled = 0;
const engine: Engine = {
  async handle() {
    handled++;
    if (hold) await new Promise<void>((resolve) => (letGo = resolve));
    return { replies: [{ kind: 'text', text: 'svar' }], notify: [] };
  },
};

let capture: BotConnectorCapture;
let host: Host;

const typingActivities = () => capture.posted().filter((c) => c.body.type === 'typing');
const replies = () => capture.posted().filter((c) => c.body.type === 'message');
/** How long to poll for something the test is sure will happen (a busy machine is slow, not wrong). */
const PATIENCE = { timeout: 15_000, interval: 20 };
/** Lets pending callbacks run (a typing activity that would be sent is sent by then). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

beforeAll(async () => {
  capture = await startBotConnectorCapture();
});
afterAll(async () => {
  await capture.close();
});
beforeEach(async () => {
  capture.reset();
  waits.length = 0;
  hold = true;
  handled = 0;
  const settings: HostSettings & Pick<HostConfig, 'teamsTyping'> = { teamsTyping: DEFAULT_TYPING };
  host = await startHost({ prefix: 'memory', engine, settings, app: { typingWait } });
});
afterEach(async () => {
  letGo();
  for (const w of waits) w.fire();
  await host.close();
});

describe('Teams typing indicator', () => {
  it('a turn still running after a second shows typing, before its reply, and no more once answered', async () => {
    const answered = postActivity(host.port, personalMessage(capture.serviceUrl, 'status'));
    await vi.waitFor(() => expect(waits).toHaveLength(1), PATIENCE);
    expect(waits[0]?.ms).toBe(1_000);
    expect(typingActivities()).toEqual([]);

    waits[0]?.fire();
    await vi.waitFor(() => expect(typingActivities()).toHaveLength(1), PATIENCE);
    const [typing] = typingActivities();
    expect(typing?.conversationId).toBe(PERSONAL_CONVERSATION);
    expect(typing?.body).toMatchObject({ type: 'typing' });
    // Then every few seconds while the turn runs.
    await vi.waitFor(() => expect(waits).toHaveLength(2), PATIENCE);
    expect(waits[1]?.ms).toBe(3_000);

    letGo();
    expect((await answered).status).toBe(200);
    const [reply] = replies();
    expect(reply?.body.text).toBe('svar');
    expect(typing?.seq).toBeLessThan(reply?.seq ?? -1);

    // The next tick comes after the answer: nothing more is sent.
    waits[1]?.fire();
    await settle();
    expect(typingActivities()).toHaveLength(1);
  });

  it('a turn that answers before the timer fires shows no typing', async () => {
    hold = false;
    expect((await postActivity(host.port, personalMessage(capture.serviceUrl, 'status'))).status).toBe(200);
    expect(replies()).toHaveLength(1);
    for (const w of waits) w.fire();
    await settle();
    expect(typingActivities()).toEqual([]);
  });

  it('a card press (invoke, answered in the HTTP response) never starts the indicator', async () => {
    const pressed = postActivity(
      host.port,
      cardInvoke(
        capture.serviceUrl,
        'help.show',
        { midlerbot: { action: 'help.show', data: {} } },
        {},
        '1:1',
      ),
    );
    await vi.waitFor(() => expect(handled).toBe(1), PATIENCE);
    await settle();
    letGo();
    expect((await pressed).status).toBe(200);
    expect(waits).toEqual([]);
    expect(typingActivities()).toEqual([]);
  });
});

describe('TEAMS_TYPING_INDICATOR', () => {
  it('is on in production unless turned off, and elsewhere only when turned on', () => {
    const production = {
      NODE_ENV: 'production',
      REDIS_URL: 'redis://localhost:6379',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
    };
    expect(loadConfig(production).teamsTyping).toEqual({ afterMs: 1_000, everyMs: 3_000 });
    expect(loadConfig({ ...production, TEAMS_TYPING_INDICATOR: 'false' }).teamsTyping).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'development' }).teamsTyping).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'test', TEAMS_TYPING_INDICATOR: 'true' }).teamsTyping).toEqual(
      DEFAULT_TYPING,
    );
  });
});
