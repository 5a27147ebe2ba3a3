import type { Catalog } from '../../src/domain/catalog.ts';
import type { PlatformDeps } from '../../src/server/app.ts';
import type { PlatformAdapter } from '../../src/server/http-types.ts';
import { createSlackAdapter, type SlackAdapterDeps } from './adapter.ts';

/** The `slack` part of loadConfig()'s result. */
export interface SlackSettings {
  enabled: boolean;
  socketMode: boolean;
  botToken?: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
}

export interface SlackPlatformOptions {
  catalog?: Catalog;
  ackTimeoutMs?: number;
  sender?: SlackAdapterDeps['sender'];
  /** Socket Mode: the receiver holding the WebSocket (tests pass one that never connects). */
  socketReceiver?: SlackAdapterDeps['socketReceiver'];
}

/**
 * The factory createApp mounts (`platforms: [slackPlatform(config.slack)]`): Slack is on when the bot
 * token is set with its signing secret (HTTP) or with an app token in Socket Mode.
 */
export function slackPlatform(settings: SlackSettings, options: SlackPlatformOptions = {}) {
  return (deps: PlatformDeps): PlatformAdapter | undefined => {
    const { botToken, signingSecret, appToken } = settings;
    if (!settings.enabled || !botToken) return undefined;
    if (settings.socketMode ? !appToken : !signingSecret) return undefined;
    return createSlackAdapter({
      config: {
        botToken,
        signingSecret: signingSecret ?? '',
        socketMode: settings.socketMode,
        ...(appToken ? { appToken } : {}),
        ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}),
      },
      turn: deps.runTurn,
      store: deps.store,
      clock: deps.clock,
      log: deps.log,
      catalog: options.catalog ?? deps.catalog,
      ...(options.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: options.ackTimeoutMs }),
      ...(options.sender ? { sender: options.sender } : {}),
      ...(options.socketReceiver ? { socketReceiver: options.socketReceiver } : {}),
      ...(deps.outboundTimeoutMs ? { outboundTimeoutMs: deps.outboundTimeoutMs } : {}),
      ...(deps.metrics ? { metrics: deps.metrics } : {}),
    });
  };
}
