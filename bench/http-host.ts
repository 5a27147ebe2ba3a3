import { Writable } from 'node:stream';
import type { SlackAdapter } from '../adapters/slack/adapter.ts';
import { slackPlatform } from '../adapters/slack/platform.ts';
import type { Catalog } from '../src/domain/catalog.ts';
import { fixedClock } from '../src/domain/clock.ts';
import { type App, createApp } from '../src/server/app.ts';
import { createLogger } from '../src/server/logger.ts';
import type { Store } from '../src/store/store.ts';
import { slash } from '../test/slack/requests.ts';
import type { BotConnectorCapture } from '../test/support/bot-connector-capture.ts';
import type { SlackCapture } from '../test/support/slack-capture.ts';
import { postSlack, slackConfig } from '../test/support/slack-fixtures.ts';
import { personalMessage, TENANT_ID } from '../test/support/teams-fixtures.ts';
import { BENCH_AT } from './conversation.ts';

/** Slack signatures are checked against the host's clock: sign with the same instant. */
export const BENCH_SECONDS = Math.floor(BENCH_AT.getTime() / 1000);

/** The real host (createApp) with Teams in dev mode (no app id: no auth) and Slack mounted, on loopback. */
export interface BenchHost {
  app: App;
  port: number;
  slack: SlackAdapter;
  close(): Promise<void>;
}

export async function startBenchHost(
  store: Store,
  catalog: Catalog,
  slackCapture: SlackCapture,
): Promise<BenchHost> {
  const app = createApp({
    config: { port: 0, nodeEnv: 'test', teams: {} },
    store,
    catalog,
    clock: fixedClock(BENCH_AT),
    // Logging every request to a terminal would be timed too; the bench measures the bot.
    log: createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
    platforms: [slackPlatform(slackConfig(slackCapture.apiUrl, 'xoxb-bench-token'), { catalog })],
  });
  const port = await app.listen(0);
  const slack = app.adapters.find((a) => a.platform === 'slack') as SlackAdapter | undefined;
  if (!slack) {
    await app.close();
    throw new Error('bench: the Slack adapter did not mount');
  }
  return { app, port, slack, close: () => app.close() };
}

/** How many different people the requests come from (each has their own chat and state). */
const PEOPLE = 20;

/** POSTs a Teams personal message from person `i % PEOPLE`; resolves when the host answers. */
export async function postTeams(
  port: number,
  teams: BotConnectorCapture,
  i: number,
  text: string,
): Promise<void> {
  const who = i % PEOPLE;
  const activity = personalMessage(teams.serviceUrl, text, {
    from: {
      id: `29:bench-user-${who}`,
      name: `Bench ${who}`,
      aadObjectId: `c2b9f1a0-1111-4a4a-9b9b-${String(who).padStart(12, '0')}`,
    },
    conversation: { conversationType: 'personal', tenantId: TENANT_ID, id: `a:bench-conversation-${who}` },
  });
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await res.arrayBuffer();
  if (res.status >= 300) throw new Error(`bench: Teams activity answered HTTP ${res.status}`);
}

/**
 * POSTs a signed `/midler` slash command; resolves on the HTTP answer, which is Slack's ack. Each
 * request uses its own channel so Slack's per-channel pacing does not hold the drain that follows.
 * In a channel the answer goes to the caller only, through the command's response_url (docs/slack.md),
 * which points at the local capture.
 */
export async function postSlash(port: number, capture: SlackCapture, i: number, text: string): Promise<void> {
  const req = slash(capture, text, { user: `U0BENCH${i % PEOPLE}`, channel: `C0BENCH${i}` });
  const res = await postSlack(port, req, BENCH_SECONDS);
  await res.arrayBuffer();
  if (res.status >= 300) throw new Error(`bench: Slack command answered HTTP ${res.status}`);
}
