import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { inject } from 'vitest';
import { slackPlatform } from '../../adapters/slack/platform.ts';
import { loadCatalog } from '../../src/calls/load.ts';
import type { Application, Person } from '../../src/domain/application.ts';
import type { Call } from '../../src/domain/call.ts';
import type { Catalog } from '../../src/domain/catalog.ts';
import type { Clock } from '../../src/domain/clock.ts';
import {
  createdAudit,
  decideEndorsement,
  markStepDone,
  newApplication,
  requestEndorsement,
  type Transition,
} from '../../src/domain/tracker.ts';
import { type App, createApp, type HostConfig } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import type { Store } from '../../src/store/store.ts';
import { type BotConnectorCapture, startBotConnectorCapture } from '../support/bot-connector-capture.ts';
import { type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';
import { SIGNING_SECRET } from '../support/slack-fixtures.ts';

/**
 * Shared set-up for the endorsement flows over the real HTTP endpoints (teams-flows, slack-flows):
 * the real host (createApp) on a real Redis, the platform's Web API at a capture server, a clock the
 * test can move (a decision after the deadline), and records seeded with the tracker's own transitions.
 */

let catalog: Catalog | undefined;
export const realCalls = (): Catalog => {
  catalog ??= loadCatalog('calls');
  return catalog;
};

export function patientSafety(): Call {
  const call = realCalls().get('pasientsikkerhet-2023-2024');
  if (!call) throw new Error('patient-safety call missing');
  return call;
}

/** A clock the test moves: the host, the adapters and the signed Slack timestamps all read it. */
export interface MovableClock {
  clock: Clock;
  set(iso: string): void;
  /** Moves the clock on: the Slack sender's wait for a free rate window passes in test time. */
  advance(ms: number): Promise<void>;
  seconds(): number;
}

export function movableClock(iso: string): MovableClock {
  let at = new Date(iso);
  return {
    clock: () => at,
    set: (next) => {
      at = new Date(next);
    },
    advance: async (ms) => {
      at = new Date(at.getTime() + ms);
    },
    seconds: () => Math.floor(at.getTime() / 1000),
  };
}

/** The quality chiefs as an operator configures them: TRUST_QUALITY_CHIEFS and SHOW_PRIORITY_RANK. */
export function chiefSettings(
  chiefs: Record<string, { chief: string; deputy?: string }>,
  showRank: boolean,
): Pick<HostConfig, 'trustQualityChiefs' | 'showPriorityRank'> {
  const config = loadConfig({
    NODE_ENV: 'test',
    TRUST_QUALITY_CHIEFS: JSON.stringify(chiefs),
    SHOW_PRIORITY_RANK: String(showRank),
  });
  return { trustQualityChiefs: config.trustQualityChiefs, showPriorityRank: config.showPriorityRank };
}

const quiet = () =>
  createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

export interface Host<C> {
  app: App;
  port: number;
  /** A second client on the host's Redis state, for the test's reads and seeds. */
  store: Store;
  capture: C;
  time: MovableClock;
  close(): Promise<void>;
}

type Extra = Pick<HostConfig, 'trustQualityChiefs' | 'showPriorityRank'>;

function storeFor(name: string): { store: Store; prefix: string } {
  const prefix = `t-${name}-${randomUUID()}:`;
  return { store: createRedisStore({ url: inject('redisUrl'), prefix }), prefix };
}

/** The host with Teams on (no app id: unauthenticated, as in local development) and the Bot Connector captured. */
export async function startTeamsHost(at: string, extra: Extra = {}): Promise<Host<BotConnectorCapture>> {
  const capture = await startBotConnectorCapture();
  const time = movableClock(at);
  const { store, prefix } = storeFor('teams-flows');
  const app = createApp({
    config: { port: 0, nodeEnv: 'test', teams: {}, ...extra },
    store: createRedisStore({ url: inject('redisUrl'), prefix }),
    catalog: realCalls(),
    clock: time.clock,
    log: quiet(),
  });
  const port = await app.listen(0);
  return {
    app,
    port,
    store,
    capture,
    time,
    async close() {
      await app.close();
      await store.close();
      await capture.close();
    },
  };
}

/** The host with Slack mounted (signed requests, Web API at the capture) and nothing else. */
export async function startSlackFlowHost(
  at: string,
  extra: Extra = {},
): Promise<Host<SlackCapture> & { idle(): Promise<void> }> {
  const capture = await startSlackCapture();
  const time = movableClock(at);
  const { store, prefix } = storeFor('slack-flows');
  const app = createApp({
    config: { port: 0, nodeEnv: 'test', teams: {}, ...extra },
    store: createRedisStore({ url: inject('redisUrl'), prefix }),
    catalog: realCalls(),
    clock: time.clock,
    log: quiet(),
    platforms: [
      slackPlatform(
        {
          enabled: true,
          socketMode: false,
          botToken: 'xoxb-test-token',
          signingSecret: SIGNING_SECRET,
          apiUrl: capture.apiUrl,
        },
        { catalog: realCalls(), sender: { sleep: time.advance } },
      ),
    ],
  });
  const port = await app.listen(0);
  // The adapter looks the bot up once at start; that call is not the test's.
  await capture.waitFor('auth.test');
  const slack = app.adapters.find((a) => a.platform === 'slack') as
    | { idle(): Promise<void>; platform: string }
    | undefined;
  if (!slack) throw new Error('Slack adapter not mounted');
  return {
    app,
    port,
    store,
    capture,
    time,
    idle: () => slack.idle(),
    async close() {
      await app.close();
      await store.close();
      await capture.close();
    },
  };
}

async function write(store: Store, app: Application, change: (a: Application) => Transition) {
  const t = change(app);
  const res = await store.updateApplication(app.id, app.version, t.app, t.audit);
  if (!res.ok) throw new Error(`seed write failed: ${res.reason}`);
  return res.value;
}

/** A patient-safety draft as the application dialog leaves it; `ready` marks the draft step done. */
export async function seedDraft(
  store: Store,
  now: Date,
  opts: { id: string; applicant: Person; title: string; trust?: string; ready?: boolean },
): Promise<Application> {
  const call = patientSafety();
  const draft = newApplication(
    call,
    {
      id: opts.id,
      applicant: { ...opts.applicant, trust: opts.trust ?? 'st-olavs-hospital' },
      category: 'project',
      title: opts.title,
      answers: {},
      verdict: 'eligible',
      amount: {
        maxRequest: 500_000,
        requiredOwnFinancing: 0,
        eligibleTotal: 500_000,
        binding: 'budget',
        requested: 400_000,
        own: 0,
      },
    },
    now,
  );
  const created = await store.createApplication(draft, createdAudit(draft, opts.applicant));
  if (!opts.ready) return created;
  return write(store, created, (a) => markStepDone(a, call, { step: 'draft', by: opts.applicant }, now));
}

/** A draft with both leaders' endorsements recorded (ready for the trust's prioritisation). */
export async function seedEndorsed(
  store: Store,
  now: Date,
  opts: { id: string; applicant: Person; title: string; leaders: [Person, Person] },
): Promise<Application> {
  const call = patientSafety();
  let app = await seedDraft(store, now, { ...opts, ready: true });
  const [nearest, clinic] = opts.leaders;
  for (const [step, leader] of [
    ['endorse-nearest-leader', nearest],
    ['endorse-clinic-leader', clinic],
  ] as const) {
    app = await write(store, app, (a) =>
      requestEndorsement(a, call, { step, leader, by: opts.applicant }, now),
    );
    app = await write(store, app, (a) =>
      decideEndorsement(a, call, { step, decision: 'approve', by: leader }, now),
    );
  }
  return app;
}

/** What the test reads back: the record (must exist), one step, the audit actions. */
export async function reload(store: Store, id: string): Promise<Application> {
  const app = await store.getApplication(id);
  if (!app) throw new Error(`application ${id} gone`);
  return app;
}

export const stepOf = (app: Application, id: string) => app.steps.find((s) => s.id === id);

export async function auditActions(store: Store, id: string): Promise<string[]> {
  return (await store.readAudit(id)).map((e) => e.action);
}
