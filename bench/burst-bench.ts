import { Writable } from 'node:stream';
import { TENANT_LIMIT } from '../adapters/teams/rate-limit.ts';
import type { Catalog } from '../src/domain/catalog.ts';
import type { ReminderPayload } from '../src/domain/reminder-types.ts';
import { createReminderLoop } from '../src/scheduler/reminder-loop.ts';
import { createApp } from '../src/server/app.ts';
import { createLogger } from '../src/server/logger.ts';
import { createRedisStore } from '../src/store/redis-store.ts';
import type { QueuedReminder } from '../src/store/store.ts';
import { startBotConnectorCapture } from '../test/support/bot-connector-capture.ts';
import { startSlackCapture } from '../test/support/slack-capture.ts';
import { slackConfig } from '../test/support/slack-fixtures.ts';
import { CHANNEL, postActivity, teamInstall } from '../test/support/teams-fixtures.ts';
import type { BenchOptions } from './options.ts';
import { acquireRedis } from './redis-target.ts';
import { fmt, type SectionResult } from './stats.ts';

/**
 * Issue 17's reminder burst: many reminders due at once across many channels of both platforms, sent
 * by the reminder loop as production builds it (its defaults), through the real adapters to the local
 * Bot Connector and Slack Web API, on a real Redis. The floor is what the per-channel limits the loop
 * keeps allow at best (Slack 1 post per second per channel, Teams 2): a channel with n reminders needs
 * ceil(n / limit) − 1 windows after the first. The burst starts on a window boundary, so it can never
 * beat the floor; the figure is how close it comes.
 */

interface Sizes {
  channelsPerPlatform: number;
  perChannel: number;
}

const FULL: Sizes = { channelsPerPlatform: 100, perChannel: 5 };
const QUICK: Sizes = { channelsPerPlatform: 10, perChannel: 3 };
/** The loop's own per-channel windows (reminder-loop.ts DEFAULT_PER_TARGET). */
const LIMITS = { slack: { limit: 1, windowMs: 1_000 }, teams: { limit: 2, windowMs: 1_000 } } as const;
/** What the Teams adapter keeps of Teams' ~50/s per app and tenant (adapters/teams/rate-limit.ts). */
const TEAMS_TENANT_PER_SECOND = Math.floor(TENANT_LIMIT.limit / 2);

export async function burstRows(catalog: Catalog, options: BenchOptions): Promise<SectionResult> {
  const sizes = options.quick ? QUICK : FULL;
  const notes = [
    '| Teams tenants | reminders | channels | delivered | last post after | floor | what sets the floor | ratio |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
  ];
  // Spread over tenants the per-channel limits bind; in one tenant (one health region) Teams' per-tenant
  // limit does for the Teams half.
  for (const tenants of [10, 1]) notes.push(...(await burst(catalog, sizes, tenants, options.quick)));
  notes.push(
    `Slack ${LIMITS.slack.limit}/s and Teams ${LIMITS.teams.limit}/s per channel, Teams ${TEAMS_TENANT_PER_SECOND}/s per tenant; ${sizes.perChannel} reminders per channel, all due at once; the loop with its defaults.`,
  );
  return { rows: [], notes };
}

const silent = () => new Writable({ write: (_c, _e, cb) => cb() });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function burst(catalog: Catalog, sizes: Sizes, tenants: number, quick: boolean): Promise<string[]> {
  const redis = await acquireRedis();
  const prefix = `bench-burst-${tenants}:`;
  const teams = await startBotConnectorCapture();
  const slack = await startSlackCapture();
  const store = createRedisStore({ url: redis.url, prefix, readyWaitMs: 5_000 });
  const app = createApp({
    config: {
      port: 0,
      nodeEnv: 'test',
      teams: {},
      slack: slackConfig(slack.apiUrl, 'xoxb-bench'),
    },
    store,
    catalog,
    log: createLogger({ level: 'error', destination: silent() }),
  });
  try {
    const port = await app.listen(0);
    // One real install gives a Teams channel reference as the adapter stores it; the others are copies
    // of it with their own conversation ids. Slack channels need no reference (`slack:<channel id>`).
    const installed = await postActivity(port, teamInstall(teams.serviceUrl));
    if (installed.status !== 200) throw new Error(`bench: Teams install answered ${installed.status}`);
    const template = await store.getConversationRef(`teams:${CHANNEL}`);
    if (!template) throw new Error('bench: the Teams install stored no conversation reference');
    const teamsKeys: string[] = [];
    for (let c = 0; c < sizes.channelsPerPlatform; c++) {
      const id = `19:burst${String(c).padStart(4, '0')}@thread.tacv2`;
      const data = structuredClone(template.data) as { conversation?: { id?: string; tenantId?: string } };
      if (data.conversation) {
        data.conversation.id = id;
        data.conversation.tenantId = `tenant-${c % tenants}`;
      }
      await store.putConversationRef({ ...template, key: `teams:${id}`, conversationId: id, data });
      teamsKeys.push(`teams:${id}`);
    }
    const slackKeys = Array.from({ length: sizes.channelsPerPlatform }, (_, c) => `slack:CBURST${c}`);

    const call = catalog.calls[0];
    if (!call) throw new Error('bench: no call loaded');
    const milestone = call.milestones[0];
    if (!milestone) throw new Error('bench: the call has no milestone');
    const now = Date.now();
    const start = Math.ceil((now + 500) / 1_000) * 1_000;
    const items: QueuedReminder[] = [];
    for (const key of [...slackKeys, ...teamsKeys]) {
      const platform = key.startsWith('slack:') ? 'slack' : 'teams';
      for (let n = 0; n < sizes.perChannel; n++) {
        const payload: ReminderPayload = {
          kind: 'channel-milestone',
          target: { kind: 'conversation', platform, key },
          callId: call.id,
          callTitle: call.title,
          milestone: milestone.id,
          milestoneKind: milestone.kind,
          label: call.title,
          at: new Date(start + 86_400_000).toISOString(),
          // Each its own group: none supersedes another, all are sent.
          group: `burst/${key}/${n}`,
          buttons: [],
        };
        items.push({
          id: `burst/${key}/${n}`,
          dueAt: new Date(start).toISOString(),
          expiresAt: new Date(start + 86_400_000).toISOString(),
          targetKey: key,
          payload,
        });
      }
    }
    await store.enqueueReminders(items);
    const loop = createReminderLoop({
      store,
      catalog,
      clock: () => new Date(),
      senders: [...app.senders.values()],
      owner: 'bench-burst',
      log: createLogger({ level: 'error', destination: silent() }),
    });
    await sleep(start - Date.now());
    const began = Date.now();
    loop.start();
    const total = items.length;
    // Only the burst's posts: the install above was answered with a welcome.
    const burstPosts = () => [
      ...teams.posted().filter((p) => p.conversationId?.startsWith('19:burst')),
      ...slack.of('chat.postMessage').filter((p) => String(p.args.channel).startsWith('CBURST')),
    ];
    const posts = () => burstPosts().length;
    const giveUpAt = began + (quick ? 30_000 : 120_000);
    while (posts() < total && Date.now() < giveUpAt) await sleep(20);
    await loop.stop();
    const lastAt = Math.max(...burstPosts().map((p) => p.at));
    const elapsed = lastAt - began;
    const floorOf = (p: keyof typeof LIMITS) =>
      (Math.ceil(sizes.perChannel / LIMITS[p].limit) - 1) * LIMITS[p].windowMs;
    const perChannel = Math.max(floorOf('slack'), floorOf('teams'));
    // n posts in one tenant at L per aligned second: the last one in second ceil(n / L) − 1.
    const teamsPerTenant = Math.ceil(teamsKeys.length / tenants) * sizes.perChannel;
    const perTenant = (Math.ceil(teamsPerTenant / TEAMS_TENANT_PER_SECOND) - 1) * 1_000;
    const floor = Math.max(perChannel, perTenant);
    const delivered = posts();
    const row = `| ${tenants} | ${total} | ${2 * sizes.channelsPerPlatform} (Slack ${sizes.channelsPerPlatform}, Teams ${sizes.channelsPerPlatform}) | ${delivered} | ${fmt(elapsed / 1000)} s | ${fmt(floor / 1000)} s | ${perTenant > perChannel ? 'Teams per tenant' : 'per channel'} | ${fmt(elapsed / floor)}× |`;
    return delivered < total
      ? [row, `WARNING: only ${delivered} of ${total} reminders were posted in time (${tenants} tenants)`]
      : [row];
  } finally {
    await app.close();
    await teams.close();
    await slack.close();
    await redis.release(prefix);
  }
}
