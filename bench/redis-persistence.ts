import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedCallsDir } from '../src/calls/installation.ts';
import { loadCatalog } from '../src/calls/load.ts';
import type { Catalog } from '../src/domain/catalog.ts';
import { createdAudit, newApplication } from '../src/domain/tracker.ts';
import { createReminderPlanner } from '../src/scheduler/reminder-planner.ts';
import { createRedisStore } from '../src/store/redis-store.ts';
import { freePort, waitForPort } from '../test/support/redis-server.ts';

/**
 * What a Redis restart keeps, measured on a real redis-server (docs/operations.md): the bot writes
 * applications, a channel subscription and its planned reminders through RedisStore, the server is
 * stopped (SIGTERM, a clean shutdown; or SIGKILL, a crash) and started again on the same data folder,
 * and a fresh store counts what is left. `npm run ops:redis-persistence` prints the table.
 */

export interface PersistenceCase {
  id: 'none' | 'rdb-clean' | 'rdb-crash' | 'aof-crash';
  name: string;
  /** redis-server options beyond port, bind and dir. */
  options: string[];
  stop: 'SIGTERM' | 'SIGKILL';
}

export interface PersistenceRow {
  name: string;
  stop: PersistenceCase['stop'];
  written: { applications: number; subscriptions: number; reminders: number };
  afterRestart: { applications: number; subscriptions: number; reminders: number };
}

/** Redis' default snapshots: stopped cleanly, then killed. */
const RDB = {
  name: 'RDB snapshots only (Redis defaults, appendonly no)',
  options: ['--save', '3600 1 300 100 60 10000', '--appendonly', 'no'],
};

export const CASES: PersistenceCase[] = [
  {
    id: 'none',
    name: 'no persistence (save "", appendonly no)',
    options: ['--save', '', '--appendonly', 'no'],
    stop: 'SIGTERM',
  },
  { id: 'rdb-clean', ...RDB, stop: 'SIGTERM' },
  { id: 'rdb-crash', ...RDB, stop: 'SIGKILL' },
  {
    id: 'aof-crash',
    name: 'append-only (appendonly yes, appendfsync everysec; compose.yaml)',
    options: ['--appendonly', 'yes', '--appendfsync', 'everysec'],
    stop: 'SIGKILL',
  },
];

const APPLICATIONS = 25;

function redisServer(port: number, dir: string, options: string[]) {
  let child: ChildProcess | undefined;
  return {
    async start() {
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, ...options],
        {
          stdio: 'ignore',
        },
      );
      await waitForPort(port);
    },
    async stop(signal: PersistenceCase['stop']) {
      const c = child;
      if (!c || c.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve());
        c.kill(signal);
      });
    },
  };
}

async function countState(url: string, ids: readonly string[]) {
  const store = createRedisStore({ url, prefix: 'persist:', readyWaitMs: 5_000 });
  try {
    // Redis loads the AOF/RDB before it answers: a ping that succeeds means loading is over.
    await store.ping();
    return {
      applications: (await store.getApplications(ids)).length,
      subscriptions: (await store.listSubscriptions()).length,
      reminders: (await store.listReminderIds()).length,
    };
  } finally {
    await store.close();
  }
}

/** Runs one case on its own redis-server and data folder, removed afterwards. */
export async function measure(c: PersistenceCase, catalog: Catalog): Promise<PersistenceRow> {
  const dir = mkdtempSync(join(tmpdir(), 'midlerbot-persist-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const server = redisServer(port, dir, c.options);
  try {
    await server.start();
    const store = createRedisStore({ url, prefix: 'persist:', readyWaitMs: 5_000 });
    const call = catalog.calls[0];
    if (!call) throw new Error('no call loaded');
    const now = new Date('2022-10-01T08:00:00Z');
    const clock = () => now;
    const ids: string[] = [];
    for (let i = 0; i < APPLICATIONS; i++) {
      const applicant = {
        platform: 'slack' as const,
        userId: `U0PERSIST${i}`,
        name: `Søker ${i}`,
        trust: call.trusts[0]?.id ?? '',
      };
      const category = call.categories[0]?.id ?? '';
      const app = newApplication(
        call,
        { id: `persist-${i}`, applicant, category, title: `Prosjekt ${i}`, answers: {} },
        now,
      );
      await store.createApplication(app, createdAudit(app, applicant));
      ids.push(app.id);
    }
    await store.putSubscription({
      conversationKey: 'slack:C0PERSIST',
      platform: 'slack',
      callIds: [call.id],
      daysBefore: [14, 7, 2, 0],
      timeOfDay: '09:00',
      paused: false,
      updatedAt: now.toISOString(),
      updatedBy: 'U0ADMIN',
    });
    const silent = { info() {}, warn() {}, error() {} };
    await createReminderPlanner({ store, catalog, clock, log: silent }).reconcile();
    const written = await countState(url, ids);
    await store.close();

    await server.stop(c.stop);
    await server.start();
    const after = await countState(url, ids);
    return { name: c.name, stop: c.stop, written, afterRestart: after };
  } finally {
    await server.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatRows(rows: readonly PersistenceRow[]): string {
  const lines = [
    '| Redis configuration | restart | applications | subscriptions | queued reminders |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const cell = (k: keyof PersistenceRow['written']) => `${r.written[k]} → ${r.afterRestart[k]}`;
    const how = r.stop === 'SIGTERM' ? 'clean (SIGTERM)' : 'crash (SIGKILL)';
    lines.push(
      `| ${r.name} | ${how} | ${cell('applications')} | ${cell('subscriptions')} | ${cell('reminders')} |`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const catalog = loadCatalog(installedCallsDir());
  const rows: PersistenceRow[] = [];
  for (const c of CASES) rows.push(await measure(c, catalog));
  const version = spawn('redis-server', ['--version']);
  let text = '';
  version.stdout.on('data', (d: Buffer) => {
    text += d.toString();
  });
  await new Promise((r) => version.once('exit', r));
  console.log(`${text.trim()}\nwritten → after restart\n\n${formatRows(rows)}`);
}
