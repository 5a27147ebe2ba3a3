import { App, type Receiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { TurnRunner } from '../../src/bot/engine-port.ts';
import type { Catalog } from '../../src/domain/catalog.ts';
import type { Clock } from '../../src/domain/clock.ts';
import { deadlineSignal } from '../../src/server/deadline.ts';
import type { PlatformAdapter, Route } from '../../src/server/http-types.ts';
import type { Metrics } from '../../src/server/metrics.ts';
import type { Store } from '../../src/store/store.ts';
import { cachedAuthorize } from './authorize.ts';
import { boltLogger } from './bolt-logger.ts';
import { responseUrlTimeout } from './ephemeral.ts';
import { registerListeners } from './listeners.ts';
import { channelGate } from './rate-gate.ts';
import { HostReceiver } from './receiver.ts';
import { createSlackSender, type SlackSenderOptions } from './sender.ts';
import { SocketModeHost } from './socket-receiver.ts';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackAdapterConfig {
  botToken: string;
  signingSecret: string;
  /** Socket Mode (development behind a firewall): events arrive over a WebSocket, no public URL. */
  socketMode?: boolean;
  appToken?: string;
  /** Web API base URL (SLACK_API_URL): tests and GovSlack-style deployments point it elsewhere. */
  apiUrl?: string;
}

export interface SlackAdapterDeps {
  config: SlackAdapterConfig;
  turn: TurnRunner;
  store: Store;
  clock: Clock;
  /**
   * Real time for the protocol (request signatures), when `clock` may be simulated (MIDLERBOT_NOW,
   * `/at`); default `clock`.
   */
  wallClock?: Clock;
  /** Call titles and step labels for the Home tab (without it, ids are shown). */
  catalog?: Catalog;
  log: Logger;
  /** Latest moment Slack gets its 200 (default 2500 ms; Slack gives up at 3 s). */
  ackTimeoutMs?: number;
  /** Tuning of the proactive sender (rate window, 429 bounds, sleep for tests). */
  sender?: Omit<SlackSenderOptions, 'client' | 'store' | 'clock' | 'log'>;
  /**
   * Socket Mode only: the receiver that holds the WebSocket (default Bolt's SocketModeReceiver on the
   * app token). Tests pass one that never connects and emit envelopes through it.
   */
  socketReceiver?: Receiver;
  /** Deadline of every Web API call and response_url post (OUTBOUND_TIMEOUT_SECONDS). Default 10 s. */
  outboundTimeoutMs?: number;
  /** Failed Web API calls are counted here. */
  metrics?: Metrics;
}

export interface SlackAdapter extends PlatformAdapter {
  readonly platform: 'slack';
  /** Resolves once work that continued after its ack has finished. */
  idle(): Promise<void>;
}

function apiUrlOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * Slack on the shared host: Bolt behind a custom receiver at POST /slack/events, or Socket Mode. Both
 * hand the same payloads to the same listeners, which de-duplicate them the same way (delivery.ts).
 */
export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  const { config, log } = deps;
  const logger = boltLogger(log);
  const slackApiUrl = apiUrlOf(config.apiUrl);
  const timeout = deps.outboundTimeoutMs ?? 10_000;
  responseUrlTimeout.ms = timeout;
  // Each call is cancelled at its own deadline (web-api's `timeout`) or at the enclosing one (a
  // reminder send's, src/server/deadline.ts), whichever comes first.
  const fetchWithDeadline: typeof fetch = (url, init) => {
    const outer = deadlineSignal();
    const signal = outer && init?.signal ? AbortSignal.any([outer, init.signal]) : (outer ?? init?.signal);
    return fetch(url, { ...init, ...(signal ? { signal } : {}) });
  };
  const base = { ...(slackApiUrl ? { slackApiUrl } : {}), logger, timeout, fetch: fetchWithDeadline };

  let receiver: HostReceiver | SocketModeHost;
  if (config.socketMode) {
    if (!config.appToken && !deps.socketReceiver) throw new Error('Slack Socket Mode needs SLACK_APP_TOKEN');
    // Bolt's SocketModeReceiver, wrapped so its events get the same ack deadline as over HTTP.
    receiver = new SocketModeHost({
      inner: deps.socketReceiver ?? new SocketModeReceiver({ appToken: config.appToken ?? '', logger }),
      log,
      ...(deps.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: deps.ackTimeoutMs }),
    });
  } else {
    receiver = new HostReceiver({
      signingSecret: config.signingSecret,
      clock: deps.wallClock ?? deps.clock,
      ...(deps.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: deps.ackTimeoutMs }),
    });
  }

  // In-turn answers: the retry policy's in-turn profile (src/server/retry-policy.ts), jittered.
  const clientOptions = {
    ...base,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2000, randomize: true },
  };
  const auth = cachedAuthorize(new webApi.WebClient(undefined, clientOptions), config.botToken, log);
  const app = new App({
    // The bot's ids are looked up once, not per event (authorize.ts); start-up does not wait for Slack.
    authorize: auth.authorize,
    receiver,
    logger,
    // Dialog state lives in the Store, not in Bolt's per-process conversation store.
    convoStore: false,
    clientOptions,
  });
  registerListeners(app, {
    turn: deps.turn,
    metrics: deps.metrics,
    store: deps.store,
    clock: deps.clock,
    ...(deps.catalog ? { catalog: deps.catalog } : {}),
    log,
    // In-place updates during a turn wait for the proactive sender's channel window, same settings.
    gate: channelGate({
      store: deps.store,
      clock: deps.clock,
      perChannel: deps.sender?.perChannel,
      windowMs: deps.sender?.windowMs,
      maxQueueMs: deps.sender?.maxQueueMs,
      sleep: deps.sender?.sleep,
    }),
  });

  const sender = createSlackSender({
    ...deps.sender,
    // No client retries: a retried post after a lost answer is how duplicates happen; 429s are ours.
    client: new webApi.WebClient(config.botToken, {
      ...base,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    }),
    store: deps.store,
    clock: deps.clock,
    log,
    onFailure: (call, reason) => deps.metrics?.outboundFailures.inc({ platform: 'slack', call, reason }),
  });

  const host = receiver instanceof HostReceiver ? receiver : undefined;
  const routes: Route[] = host
    ? [{ method: 'POST', path: SLACK_EVENTS_PATH, handler: (req) => host.handle(req) }]
    : [];

  return {
    platform: 'slack',
    routes,
    sender,
    async start() {
      auth.warm();
      if (!host) await app.start();
    },
    async stop() {
      await app.stop();
    },
    idle: () => receiver.idle(),
  };
}
