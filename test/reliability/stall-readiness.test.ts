import { afterAll, describe, expect, it } from 'vitest';
import { channelRef, FAULT_NOW, reminderFor } from '../../faults/support.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { createReminderLoop } from '../../src/scheduler/reminder-loop.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { linesLog, useTeamsHost } from '../kit/index.ts';

/**
 * Issue 13: a reminder tick that has run for more than three intervals shows in /readyz (503, with
 * the reason and the item) and in /metrics, over real HTTP, and clears when the tick ends. The
 * tick's elapsed time is the loop's monotonic clock, moved here by hand: nothing waits on wall time.
 */
const CONVERSATION = '19:stalled@thread.tacv2';
let monotonic = 0;
const logLines: string[] = [];

const host = useTeamsHost(
  async (capture) => {
    const clock = fixedClock(FAULT_NOW);
    const store = createMemoryStore({ clock });
    await store.putConversationRef(channelRef(CONVERSATION, capture.serviceUrl));
    await store.enqueueReminders([reminderFor(CONVERSATION, 0)]);
    capture.hang(CONVERSATION);
    return {
      clock,
      store,
      log: linesLog(logLines),
      app: {
        background: [
          (deps) =>
            createReminderLoop({
              store: deps.store,
              catalog: deps.catalog,
              clock,
              log: deps.log,
              senders: [...deps.senders.values()],
              owner: 'stall-test',
              intervalMs: 1_000,
              sendDeadlineMs: 60_000,
              monotonic: () => monotonic,
              ...(deps.metrics ? { metrics: deps.metrics } : {}),
            }),
        ],
      },
    };
  },
  { resetEach: false },
);
afterAll(() => host.capture.unhang(CONVERSATION));

const ready = async () => {
  const res = await fetch(`http://127.0.0.1:${host.port}/readyz`);
  return { status: res.status, body: (await res.json()) as { reasons?: string[] } };
};

describe('a stalled reminder tick', () => {
  it('makes /readyz 503 with the reason and the item, counts it, and clears when the tick ends', async () => {
    for (let i = 0; i < 400 && host.capture.faulted().length === 0; i++)
      await new Promise((r) => setTimeout(r, 5));
    expect(host.capture.faulted()).toHaveLength(1);
    expect((await ready()).status).toBe(200);

    monotonic += 3_001;
    const stalled = await ready();
    expect(stalled.status).toBe(503);
    expect(stalled.body.reasons?.join(' ')).toMatch(
      /reminder loop stalled: tick running for 3 s \(fault\/0\//,
    );
    const metrics = await host.app.metrics.render();
    expect(metrics).toMatch(/^midlerbot_reminder_loop_stalled 1$/m);
    expect(metrics).toMatch(/^midlerbot_reminder_stalls_total 1$/m);
    expect(logLines.join('')).toContain('reminder loop stalled');

    // The connector gives up on the request: the send fails, the tick ends, the replica is ready again.
    host.capture.unhang(CONVERSATION);
    for (let i = 0; i < 400 && (await ready()).status !== 200; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect((await ready()).status).toBe(200);
    expect(await host.app.metrics.render()).toMatch(/^midlerbot_reminder_loop_stalled 0$/m);
  });
});
