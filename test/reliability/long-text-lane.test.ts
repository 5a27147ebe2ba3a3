import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/bot/engine-port.ts';
import type { Inbound, TurnResult } from '../../src/bot/messages.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { createTurnRunner, LONG_LANE_MAX_WAITING, LONG_TEXT_CHARS } from '../../src/server/turn-runner.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';

/**
 * Issue 13, bounded input: pasted text is read in one lane per process, and a short turn that
 * arrives meanwhile is not queued behind the long turns waiting there. The engine is a double
 * whose turns end when the test says, so the order is asserted, never a time.
 */
const clock = fixedClock('2022-10-06T07:00:00Z');
const log = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

function gatedEngine() {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  const engine: Engine = {
    async handle(event: Inbound): Promise<TurnResult> {
      const name = (event.text ?? '').slice(0, 2);
      started.push(name);
      await new Promise<void>((resolve) => gates.set(name, resolve));
      return { replies: [{ kind: 'text', text: `done ${name}` }], notify: [] };
    },
  };
  return { engine, started, release: (name: string) => gates.get(name)?.() };
}

/** The real turn runner (its lane) over the gated engine, on the embedded store. */
function gatedRunner(options: { maxTextChars?: number } = {}) {
  const { engine, started, release } = gatedEngine();
  const runTurn = createTurnRunner({
    engine,
    senders: () => new Map(),
    store: createMemoryStore({ clock }),
    log,
    metrics: createMetrics(),
    ...options,
  });
  return { runTurn, started, release };
}

const event = (text: string, user: string): Inbound => ({
  platform: 'teams',
  user: { id: user, name: user },
  conversation: { id: `c-${user}`, kind: 'personal' },
  text,
  at: clock(),
});
const long = (name: string) => name.padEnd(LONG_TEXT_CHARS + 500, ' ord');

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

describe('the long-text lane', () => {
  it('runs one long turn at a time and lets a short turn in before the next long one', async () => {
    const { runTurn, started, release } = gatedRunner();
    const turns = [
      runTurn(event(long('L1'), 'a')),
      runTurn(event(long('L2'), 'b')),
      runTurn(event(long('L3'), 'c')),
    ];
    await until(() => started.includes('L1'));
    expect(started).toEqual(['L1']);

    const short = runTurn(event('S? kan jeg søke', 'd'));
    await until(() => started.includes('S?'));
    release('L1');
    await turns[0];
    // The short turn is in flight: the next long one waits for it.
    await new Promise((r) => setTimeout(r, 50));
    expect(started).toEqual(['L1', 'S?']);
    release('S?');
    expect((await short).replies).toEqual([{ kind: 'text', text: 'done S?' }]);
    await until(() => started.includes('L2'));
    release('L2');
    await until(() => started.includes('L3'));
    release('L3');
    await Promise.all(turns);
    expect(started).toEqual(['L1', 'S?', 'L2', 'L3']);
  });

  it(`answers "try again" unread when ${LONG_LANE_MAX_WAITING} long turns already wait in the lane`, async () => {
    const { runTurn, started, release } = gatedRunner();
    const running = runTurn(event(long('R0'), 'r'));
    await until(() => started.includes('R0'));
    const waiting = Array.from({ length: LONG_LANE_MAX_WAITING }, (_, i) =>
      runTurn(event(long(`W${i}`), `w${i}`)),
    );
    const refused = await runTurn(event(long('XX'), 'x'));
    expect(JSON.stringify(refused.replies)).toContain('Jeg leser mange lange meldinger akkurat nå');
    expect(started).toEqual(['R0']);
    release('R0');
    for (let i = 0; i < LONG_LANE_MAX_WAITING; i++) {
      await until(() => started.includes(`W${i}`));
      release(`W${i}`);
    }
    await Promise.all([running, ...waiting]);
    expect(started).not.toContain('XX');
  });

  it('answers text over MAX_TEXT_CHARS at once, without reading it or waiting in the lane', async () => {
    const { runTurn, started } = gatedRunner({ maxTextChars: 4000 });
    void runTurn(event(long('L1'), 'a'));
    await until(() => started.includes('L1'));
    const tooLong = await runTurn(event('x'.repeat(4001), 'b'));
    expect(JSON.stringify(tooLong.replies)).toContain('over 4000');
    expect(started).toEqual(['L1']);
  });
});
