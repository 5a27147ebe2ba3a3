import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { App, LogLevel } from '@slack/bolt';
import { slackPlatform } from '../../adapters/slack/platform.ts';
import { startEchoBot } from '../../adapters/teams/baseline-echo-bot.ts';
import { loadCatalog } from '../../src/calls/load.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { SIGNING_SECRET, slackConfig } from '../../test/support/slack-fixtures.ts';
import { BENCH_AT } from '../conversation.ts';

/**
 * What the compare section runs, each in a process of its own (`child.ts`): the project's host, and
 * the two baselines a team would otherwise pick — a plain Bolt app that acks and then responds, and
 * a bare botbuilder echo bot. Each prints `{"port": N}` on stdout once it listens.
 */
export type TargetKind = 'project' | 'bolt' | 'echo';

export interface Target {
  port: number;
  close(): Promise<void>;
}

const silent = () => new Writable({ write: (_c, _e, cb) => cb() });

/** The project as `npm start` runs it in development: memory store, Teams without an app id, Slack. */
async function startProject(slackApiUrl: string): Promise<Target> {
  const catalog = loadCatalog(fileURLToPath(new URL('../../calls', import.meta.url)));
  const app = createApp({
    config: { port: 0, nodeEnv: 'test', teams: {} },
    store: createMemoryStore(),
    catalog,
    clock: fixedClock(BENCH_AT),
    log: createLogger({ level: 'warn', destination: silent() }),
    platforms: [slackPlatform(slackConfig(slackApiUrl, 'xoxb-bench'), { catalog })],
  });
  const port = await app.listen(0);
  return { port, close: () => app.close() };
}

/** Bolt as its README shows it: the built-in HTTP receiver, `ack()` first, then `respond()`. */
async function startPlainBolt(slackApiUrl: string): Promise<Target> {
  const app = new App({
    token: 'xoxb-bench',
    signingSecret: SIGNING_SECRET,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: slackApiUrl.endsWith('/') ? slackApiUrl : `${slackApiUrl}/` },
  });
  app.command('/midler', async ({ ack, respond, command }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: `Hjelp: ${command.text}` });
  });
  const server = (await app.start(0)) as { address(): { port: number } };
  return { port: server.address().port, close: () => app.stop() as Promise<void> };
}

export function startTarget(kind: TargetKind, slackApiUrl: string): Promise<Target> {
  switch (kind) {
    case 'project':
      return startProject(slackApiUrl);
    case 'bolt':
      return startPlainBolt(slackApiUrl);
    case 'echo':
      return startEchoBot(0);
  }
}
