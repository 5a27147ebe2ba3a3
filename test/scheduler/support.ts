import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, inject } from 'vitest';
import type { Outbound } from '../../src/bot/messages.ts';
import type { Sender, SendResult } from '../../src/bot/ports.ts';
import type { Platform } from '../../src/domain/application.ts';
import {
  createReminderLoop,
  type ReminderLoop,
  type ReminderLoopDeps,
  type SchedulerLog,
} from '../../src/scheduler/reminder-loop.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import type { Store } from '../../src/store/store.ts';
import { catalog } from '../reminders/support.ts';
import { deletePrefix } from '../store/redis-harness.ts';

/** A clock the test moves by hand: leases, rate windows and "now" never depend on wall time. */
export function testClock(start: string) {
  let now = Date.parse(start);
  return {
    clock: () => new Date(now),
    set: (iso: string) => {
      now = Date.parse(iso);
    },
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
}
export type TestClock = ReturnType<typeof testClock>;

export interface Kind {
  name: string;
  make(clock: () => Date): Promise<Store>;
}

/** Both Store implementations: each scheduler test runs against MemoryStore and a real redis-server. */
export function storeKinds(): Kind[] {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  return [
    {
      name: 'MemoryStore',
      make: async (clock) => {
        const store = createMemoryStore({ clock });
        cleanups.push(() => store.close());
        return store;
      },
    },
    {
      name: 'RedisStore',
      make: async () => {
        const url = inject('redisUrl');
        const prefix = `test:sched:${randomUUID().slice(0, 8)}:`;
        const store = createRedisStore({ url, prefix, readyWaitMs: 5000 });
        await store.ping();
        cleanups.push(async () => {
          await store.close();
          const admin = new Redis(url);
          await deletePrefix(admin, prefix);
          await admin.quit();
        });
        return store;
      },
    },
  ];
}

export interface Sent {
  platform: Platform;
  to: string;
  via: 'conversation' | 'user';
  message: Outbound;
  at: number;
}

/**
 * A Sender that records what it posts, stamped with the test clock. `answer` decides the result of
 * each send (default: ok); returning 'hang' makes the send never finish (a replica dying mid-send).
 */
export function recordingSender(
  platform: Platform,
  clock: () => Date,
  answer: (to: string, n: number) => SendResult | 'hang' = () => ({ ok: true, messageRef: 'm' }),
) {
  const sent: Sent[] = [];
  let n = 0;
  const post =
    (via: Sent['via']) =>
    (to: string, message: Outbound): Promise<SendResult> => {
      const result = answer(to, n++);
      if (result === 'hang') return new Promise<SendResult>(() => {});
      if (result.ok) sent.push({ platform, to, via, message, at: clock().getTime() });
      return Promise.resolve(result);
    };
  const sender: Sender = {
    platform,
    sendToConversation: post('conversation'),
    sendToUser: post('user'),
    update: () => Promise.resolve({ ok: true, messageRef: 'm' }),
  };
  return { sender, sent };
}

export function collectingLog() {
  const lines: { level: 'info' | 'warn' | 'error'; msg: string; obj: object }[] = [];
  const log: SchedulerLog = {
    info: (obj, msg) => lines.push({ level: 'info', msg, obj }),
    warn: (obj, msg) => lines.push({ level: 'warn', msg, obj }),
    error: (obj, msg) => lines.push({ level: 'error', msg, obj }),
  };
  return { log, lines };
}

/** The plain text of a card, for assertions on what a reader sees. */
export function textOf(message: Outbound): string {
  if (message.kind === 'text') return message.text;
  const blocks = message.blocks.map((b) => {
    if (b.kind === 'text') return b.text;
    if (b.kind === 'facts') return b.facts.map((f) => `${f.label}: ${f.value}`).join('\n');
    if (b.kind === 'steps')
      return b.steps.map((s) => `${s.label}${s.detail ? ` (${s.detail})` : ''}`).join('\n');
    return '';
  });
  return [message.title ?? '', ...blocks, ...(message.buttons ?? []).map((b) => `[${b.label}]`)].join('\n');
}

/** A delivery loop on the real calls as these tests drive it: replica `r1` and a quiet log unless `deps` say otherwise. */
export function loopOn(
  store: Store,
  c: TestClock,
  senders: readonly Sender[],
  deps: Partial<ReminderLoopDeps> = {},
): ReminderLoop {
  return createReminderLoop({
    store,
    senders,
    catalog,
    clock: c.clock,
    owner: 'r1',
    log: collectingLog().log,
    ...deps,
  });
}
