import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCatalog } from '../../src/calls/load.ts';
import { type QueueRow, run } from '../../src/cli/reminders-queue-command.ts';
import { planReminders, toQueued } from '../../src/domain/reminder-plan.ts';
import { createRedisStore, type RedisStore } from '../../src/store/redis-store.ts';
import type { QueuedReminder } from '../../src/store/store.ts';
import { deletePrefix } from '../store/redis-harness.ts';

const root = join(import.meta.dirname, '../..');
const url = inject('redisUrl');
/** The same server, with credentials in the URL: Redis's default user has no password, so any is accepted. */
const PASSWORD = 's3cret-pw-4711';
const urlWithPassword = url.includes('@') ? url : url.replace('://', `://default:${PASSWORD}@`);

const prefix = `test:cli-queue:${randomUUID().slice(0, 8)}:`;
const otherPrefix = `test:cli-queue-other:${randomUUID().slice(0, 8)}:`;
const env = { NODE_ENV: 'test', REDIS_URL: urlWithPassword, REDIS_PREFIX: prefix };
const at = (iso: string) => () => new Date(iso);

interface QueueJson {
  store: string;
  redis: string;
  prefix: string;
  now: string;
  total: number;
  matching: number;
  shown: number;
  limit: number;
  target: string | null;
  dangling: number;
  reminders: QueueRow[];
}

function personal(
  id: string,
  kind: 'applicant-nudge' | 'leader-nudge' | 'report-reminder',
  targetKey: string,
  dueAt: string,
  expiresAt: string,
  extra: Record<string, unknown> = {},
): QueuedReminder {
  const [, platform, userId] = targetKey.split(':');
  return {
    id,
    dueAt,
    expiresAt,
    targetKey,
    payload: {
      kind,
      target: { kind: 'user', platform, userId },
      callId: 'pasientsikkerhet-2023-2024',
      callTitle: { nb: 'Pasientsikkerhet', en: 'Patient safety' },
      milestone: 'deadline',
      milestoneKind: 'deadline',
      label: { nb: 'Søknadsfrist', en: 'Deadline' },
      at: expiresAt,
      group: id.split('@')[0],
      applicationId: 'app-1',
      applicantName: 'Kari Nordmann',
      buttons: [],
      ...extra,
    },
  };
}

let store: RedisStore;
let other: RedisStore;
let admin: Redis;
let channelIds: string[];

beforeAll(async () => {
  admin = new Redis(url);
  store = createRedisStore({ url, prefix, readyWaitMs: 5000 });
  other = createRedisStore({ url, prefix: otherPrefix, readyWaitMs: 5000 });
  await store.ping();
  await other.ping();

  // Channel reminders as the planner makes them: a Slack channel subscribed to the innovation call.
  const catalog = loadCatalog(join(root, 'calls'));
  const innovation = catalog.get('innovasjon-2023');
  if (!innovation) throw new Error('innovasjon-2023 is missing from calls/');
  const planned = planReminders({
    calls: [innovation],
    subscriptions: [
      {
        conversationKey: 'slack:C0123',
        platform: 'slack',
        callIds: ['innovasjon-2023'],
        daysBefore: [14, 7, 2, 0],
        timeOfDay: '09:00',
        paused: false,
        updatedAt: '2022-09-01T00:00:00.000Z',
        updatedBy: 'test',
      },
    ],
    applications: [],
    now: new Date('2022-09-01T00:00:00.000Z'),
  }).filter((r) => r.milestone === 'deadline');
  expect(planned.length).toBeGreaterThanOrEqual(3);
  channelIds = planned.map((r) => r.id);

  await store.enqueueReminders([
    ...planned.map(toQueued),
    personal(
      'ld/app-1/endorse-leader/slack:U-OLA@2022-11-04T23:59/2022-10-03',
      'leader-nudge',
      'user:slack:U-OLA',
      '2022-10-03T07:00:00.000Z',
      '2022-11-04T22:59:59.000Z',
      { steps: [{ id: 'endorse-leader', label: { nb: 'Anbefaling', en: 'Endorsement' } }], reason: 'waited' },
    ),
    personal(
      'ap/app-1@2022-11-04T23:59/2022-10-04',
      'applicant-nudge',
      'user:teams:29:kari',
      '2022-10-04T07:00:00.000Z',
      '2022-11-04T22:59:59.000Z',
      {
        steps: [
          { id: 'draft', label: { nb: 'Utkast', en: 'Draft' } },
          { id: 'endorse-leader', label: { nb: 'Anbefaling', en: 'Endorsement' } },
        ],
      },
    ),
    // Already past what it reminds of: the loop would drop it.
    personal(
      'rp/app-1/status-report@2022-10-04T23:59/2022-10-04',
      'report-reminder',
      'user:teams:29:kari',
      '2022-10-04T12:00:00.000Z',
      '2022-10-04T21:59:59.000Z',
      { milestone: 'status-report', milestoneKind: 'status-report' },
    ),
  ]);
  // Another deployment on the same server: never shown.
  await other.enqueueReminders([
    personal(
      'ap/elsewhere@x/2022-10-01',
      'applicant-nudge',
      'user:slack:U-X',
      '2022-10-01T07:00:00.000Z',
      '2022-12-01T00:00:00.000Z',
    ),
  ]);

  // The loop's state: the leader nudge failed once and waits for its retry; the applicant nudge is
  // claimed by a replica (lease 60 s); the report reminder is due and not claimed.
  const now = new Date('2022-10-05T00:00:00.000Z');
  const [first] = await store.claimDueReminders(now, 'replica-a', 60_000, 1);
  expect(first?.id).toMatch(/^ld\//);
  await store.releaseReminder(first?.id ?? '', 'replica-a', new Date('2022-10-05T00:30:00.000Z'));
  const [second] = await store.claimDueReminders(now, 'replica-b', 60_000, 1);
  expect(second?.id).toMatch(/^ap\//);
});

afterAll(async () => {
  await store.close();
  await other.close();
  await deletePrefix(admin, prefix);
  await deletePrefix(admin, otherPrefix);
  await admin.quit();
});

async function queueJson(args: string[], now = '2022-10-05T00:00:30.000Z'): Promise<QueueJson> {
  const out = await run(['--json', ...args], { env, dotEnv: false, clock: at(now) });
  expect(out.stderr).toBe('');
  expect(out.exitCode).toBe(0);
  return JSON.parse(out.stdout) as QueueJson;
}

describe('midlerbot reminders queue (a real redis-server)', () => {
  it('lists every queued reminder of the prefix as JSON, by due time, with its delivery state', async () => {
    const json = await queueJson([]);
    expect(json).toMatchObject({
      store: 'redis',
      prefix,
      now: '2022-10-05T00:00:30.000Z',
      total: channelIds.length + 3,
      matching: channelIds.length + 3,
      shown: channelIds.length + 3,
      limit: 50,
      target: null,
      dangling: 0,
    });
    expect(json.redis).toBe(url.replace(/\/$/, ''));
    const rows = json.reminders;
    expect(rows.map((r) => r.dueAt)).toEqual([...rows.map((r) => r.dueAt)].sort());
    expect(rows.map((r) => r.kind)).toEqual([
      'leader-nudge',
      'applicant-nudge',
      'report-reminder',
      ...channelIds.map(() => 'channel-milestone'),
    ]);
    expect(rows.some((r) => r.id.startsWith('ap/elsewhere'))).toBe(false);

    const [leader, applicant, report, channel] = rows;
    expect(leader).toMatchObject({
      kindLabel: 'leader nudge',
      dueAt: '2022-10-03T07:00:00.000Z',
      dueLocal: '2022-10-03 09:00',
      target: { key: 'user:slack:U-OLA', kind: 'user', platform: 'slack', id: 'U-OLA' },
      callId: 'pasientsikkerhet-2023-2024',
      milestone: 'deadline',
      steps: ['endorse-leader'],
      applicationId: 'app-1',
      state: 'retry',
      attempts: 1,
      nextAttemptAt: '2022-10-05T00:30:00.000Z',
      lease: null,
      expired: false,
    });
    expect(applicant).toMatchObject({
      kindLabel: 'applicant nudge',
      target: { key: 'user:teams:29:kari', kind: 'user', platform: 'teams', id: '29:kari' },
      steps: ['draft', 'endorse-leader'],
      state: 'leased',
      attempts: 1,
      lease: { owner: 'replica-b', until: '2022-10-05T00:01:00.000Z' },
      nextAttemptAt: '2022-10-05T00:01:00.000Z',
    });
    expect(report).toMatchObject({
      kindLabel: 'report',
      milestone: 'status-report',
      state: 'due',
      attempts: 0,
      lease: null,
      expired: true,
    });
    expect(channel).toMatchObject({
      id: channelIds[0],
      kindLabel: 'channel reminder',
      target: { key: 'slack:C0123', kind: 'channel', platform: 'slack', id: 'slack:C0123' },
      callId: 'innovasjon-2023',
      milestone: 'deadline',
      milestoneKind: 'deadline',
      steps: [],
      applicationId: null,
      state: 'scheduled',
      attempts: 0,
      expiresAt: '2022-10-20T13:00:00.000Z',
    });
    expect(channel?.dueLocal).toMatch(/ 09:00$/);
    // Names and titles in the payload stay out of the listing.
    expect(JSON.stringify(json)).not.toContain('Kari Nordmann');
  });

  it('a lease that ran out shows as claimable', async () => {
    const json = await queueJson(['--target', 'user:teams:'], '2022-10-05T00:10:00.000Z');
    expect(json.reminders.map((r) => [r.kind, r.state])).toEqual([
      ['applicant-nudge', 'lease-expired'],
      ['report-reminder', 'due'],
    ]);
  });

  it('--target filters by target key prefix and --limit cuts the list after sorting', async () => {
    const users = await queueJson(['--target', 'user:']);
    expect(users).toMatchObject({ target: 'user:', total: channelIds.length + 3, matching: 3, shown: 3 });
    const channel = await queueJson(['--target=slack:C0123', '--limit', '2']);
    expect(channel).toMatchObject({ matching: channelIds.length, shown: 2, limit: 2 });
    expect(channel.reminders.map((r) => r.id)).toEqual(channelIds.slice(0, 2));
    const none = await queueJson(['--target', 'teams:19:nobody']);
    expect(none).toMatchObject({ matching: 0, shown: 0, reminders: [] });
  });

  it('prints a table with both times, kinds, targets, states and ids, and never the password', async () => {
    const out = await run(['--limit', '4'], { env, dotEnv: false, clock: at('2022-10-05T00:00:30.000Z') });
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe('');
    const text = out.stdout;
    expect(text).toContain(`Reminder queue in ${url.replace(/\/$/, '')} (prefix ${prefix})`);
    expect(text).toContain(`${channelIds.length + 3} queued; the first 4 by due time:`);
    expect(text).toMatch(/Europe\/Oslo\s+UTC\s+kind\s+target\s+call\s+milestone \[steps\]\s+state/);
    expect(text).toMatch(
      /2022-10-03 09:00 +2022-10-03T07:00:00.000Z +leader nudge +user:slack:U-OLA +pasientsikkerhet-2023-2024 +deadline \[endorse-leader\] +retry at 2022-10-05T00:30:00.000Z \(1 attempt so far\)/,
    );
    expect(text).toContain('deadline [draft, endorse-leader]');
    expect(text).toContain('leased by replica-b until 2022-10-05T00:01:00.000Z (attempt 1)');
    expect(text).toMatch(
      /report .*due, not claimed yet; EXPIRED \(2022-10-04T21:59:59.000Z\): will be dropped/,
    );
    expect(text).toMatch(/channel reminder +slack:C0123 +innovasjon-2023 +deadline +scheduled/);
    expect(text).toContain(`id ${channelIds[0]}`);
    expect(text).toContain(`(${channelIds.length - 1} more: raise --limit.)`);
    expect(text).not.toContain(PASSWORD);
  });

  it('says so when nothing matches', async () => {
    const out = await run(['--target', 'teams:'], {
      env,
      dotEnv: false,
      clock: at('2022-10-05T00:00:30.000Z'),
    });
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/queued, 0 with target "teams:"\*\.\n$/);
  });

  it('fails with exit 1 and no password when Redis does not answer', async () => {
    const out = await run([], {
      env: { NODE_ENV: 'test', REDIS_URL: `redis://default:${PASSWORD}@127.0.0.1:1` },
      dotEnv: false,
      timeoutMs: 300,
    });
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('could not read the queue from redis://127.0.0.1:1 (prefix midlerbot:)');
    // The connection's own reason is kept.
    expect(out.stderr).toContain('ECONNREFUSED');
    expect(out.stderr).not.toContain(PASSWORD);
  });

  it('counts due-index ids without an item as dangling, without touching them', async () => {
    const damaged = `test:cli-queue-damaged:${randomUUID().slice(0, 8)}:`;
    const s = createRedisStore({ url, prefix: damaged, readyWaitMs: 5000 });
    try {
      const item = personal(
        'ap/app-2@x/2022-10-04',
        'applicant-nudge',
        'user:slack:U-Y',
        '2022-10-04T07:00:00.000Z',
        '2022-12-01T00:00:00.000Z',
      );
      await s.enqueueReminders([item, { ...item, id: 'ap/app-3@x/2022-10-04' }]);
      await admin.hdel(s.keys.reminderItems(), 'ap/app-3@x/2022-10-04');
      const denv = { ...env, REDIS_PREFIX: damaged };
      const out = await run(['--json'], { env: denv, dotEnv: false, clock: at('2022-10-05T00:00:00.000Z') });
      expect(JSON.parse(out.stdout)).toMatchObject({ total: 1, shown: 1, dangling: 1 });
      const table = await run([], { env: denv, dotEnv: false, clock: at('2022-10-05T00:00:00.000Z') });
      expect(table.stdout).toContain('(1 id(s) in the due index without an item: the loop removes them.)');
      expect(await admin.zcard(s.keys.reminderDue())).toBe(2);
    } finally {
      await s.close();
      await deletePrefix(admin, damaged);
    }
  });

  it('runs as the real binary with the environment of the deployment', () => {
    const out = spawnSync(
      process.execPath,
      [join(root, 'bin/midlerbot.js'), 'reminders', 'queue', '--json', '--limit', '1'],
      { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } },
    );
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout) as QueueJson;
    expect(json).toMatchObject({ store: 'redis', prefix, shown: 1 });
    expect(json.reminders[0]?.kind).toBe('leader-nudge');
    expect(out.stdout).not.toContain(PASSWORD);
  });
});
