import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../src/calls/load.ts';
import { planReminders, toQueued } from '../src/domain/reminder-plan.ts';
import type { ConversationRef, QueuedReminder, Store } from '../src/store/store.ts';
import { BOT_ID, TENANT_ID } from '../test/support/teams-fixtures.ts';

/** Shared pieces of the fault suite: replicas as child processes, seeded reminders, timing. */

export const FAULT_NOW = '2022-10-06T07:00:00.000Z';
const REPLICA = fileURLToPath(new URL('./replica.ts', import.meta.url));

export interface Replica {
  readonly port: number;
  readonly child: ChildProcess;
  /** True until the process exited. */
  alive(): boolean;
  /** Resolves with the exit code or signal once the process is gone. */
  readonly exited: Promise<string>;
  kill(signal: NodeJS.Signals): Promise<string>;
}

/** Starts faults/replica.ts in its own Node process and waits until it listens (bounded). */
export async function startReplica(env: Record<string, string>): Promise<Replica> {
  const child = spawn(process.execPath, ['--import', 'tsx', REPLICA], {
    env: { ...process.env, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let done = false;
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      done = true;
      resolve(signal ?? `exit ${code}`);
    }),
  );
  const errors: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    if (errors.length < 50) errors.push(chunk.toString('utf8'));
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('replica did not start within 30 s')), 30_000);
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const m = /^\{"port":(\d+)\}$/.exec(line.trim());
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`replica exited (${how}) before listening: ${errors.join('').slice(0, 2000)}`));
    });
  });
  return {
    port,
    child,
    alive: () => !done,
    exited,
    kill(signal) {
      if (!done) child.kill(signal);
      return exited;
    },
  };
}

/** A Teams channel's conversation reference pointing at the local Bot Connector. */
export function channelRef(conversationId: string, serviceUrl: string): ConversationRef {
  return {
    platform: 'teams',
    key: `teams:${conversationId}`,
    conversationId,
    kind: 'channel',
    data: {
      channelId: 'msteams',
      serviceUrl,
      bot: { id: BOT_ID, name: 'Midlerbot' },
      conversation: {
        id: conversationId,
        isGroup: true,
        conversationType: 'channel',
        tenantId: TENANT_ID,
        name: '',
      },
    },
    updatedAt: FAULT_NOW,
  };
}

let template: QueuedReminder | undefined;

/** A Slack channel's conversation reference (the channel id is all a Slack send needs). */
export function slackChannelRef(channel: string): ConversationRef {
  return {
    platform: 'slack',
    key: `slack:${channel}`,
    conversationId: channel,
    kind: 'channel',
    data: { channel },
    updatedAt: FAULT_NOW,
  };
}

/** A real planned channel reminder (innovation call), re-targeted: one per conversation, due at FAULT_NOW. */
export function reminderFor(
  conversationId: string,
  n: number,
  platform: 'teams' | 'slack' = 'teams',
): QueuedReminder {
  if (!template) {
    const catalog = loadCatalog('calls');
    const plan = planReminders({
      calls: catalog.calls,
      subscriptions: [
        {
          conversationKey: 'teams:template',
          platform: 'teams',
          callIds: ['innovasjon-2023'],
          daysBefore: [14, 7, 2, 0],
          timeOfDay: '09:00',
          paused: false,
          updatedAt: FAULT_NOW,
          updatedBy: 'faults',
        },
      ],
      applications: [],
      now: new Date(FAULT_NOW),
    });
    const first = plan[0];
    if (!first) throw new Error('no reminder planned for the template subscription');
    template = toQueued(first);
  }
  const key = `${platform}:${conversationId}`;
  return {
    ...template,
    id: `fault/${n}/${conversationId}`,
    dueAt: FAULT_NOW,
    targetKey: key,
    payload: {
      ...template.payload,
      target: { kind: 'conversation', platform, key },
      group: `fault-${n}-${conversationId}`,
    },
  };
}

export async function seedReminders(
  store: Store,
  conversations: readonly string[],
  serviceUrl: string,
): Promise<QueuedReminder[]> {
  for (const id of conversations) await store.putConversationRef(channelRef(id, serviceUrl));
  const items = conversations.map((id, n) => reminderFor(id, n));
  await store.enqueueReminders(items);
  return items;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 50 ms until it holds or `withinMs` passed; returns whether it held. */
export async function until(check: () => boolean | Promise<boolean>, withinMs: number): Promise<boolean> {
  const end = Date.now() + withinMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await sleep(50);
  }
  return check();
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** POSTs a raw body to the replica's /api/messages; never throws (a refused connection is status 0). */
export async function post(
  port: number,
  body: string,
  timeoutMs = 20_000,
): Promise<{ status: number; ms: number; text: string }> {
  const t0 = performance.now();
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return { status: res.status, ms: performance.now() - t0, text };
  } catch {
    return { status: 0, ms: performance.now() - t0, text: '' };
  }
}
