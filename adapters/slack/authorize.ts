import type { Authorize, AuthorizeResult, webApi } from '@slack/bolt';
import type { Logger } from 'pino';

type BotIds = Pick<AuthorizeResult, 'botId' | 'botUserId'>;

export interface CachedAuthorize {
  authorize: Authorize<boolean>;
  /** Starts the one `auth.test` early (at start-up) without making start-up wait for Slack. */
  warm(): void;
}

/**
 * Bolt's single-workspace authorize calls `auth.test` on every event when token verification is off
 * (bolt-js `singleAuthorization`): a Slack round trip before every ack. This one asks once and keeps
 * the bot's ids; a failed look-up is forgotten so the next event asks again instead of failing forever.
 */
export function cachedAuthorize(client: webApi.WebClient, botToken: string, log: Logger): CachedAuthorize {
  let ids: Promise<BotIds> | undefined;

  function lookUp(): Promise<BotIds> {
    ids ??= client.auth.test({ token: botToken }).then(
      (r) => ({
        ...(r.bot_id ? { botId: r.bot_id } : {}),
        ...(r.user_id ? { botUserId: r.user_id } : {}),
      }),
      (error: unknown) => {
        ids = undefined;
        throw error;
      },
    );
    return ids;
  }

  return {
    authorize: async ({ isEnterpriseInstall }) => ({ botToken, isEnterpriseInstall, ...(await lookUp()) }),
    warm() {
      lookUp().catch((error: unknown) => {
        log.warn({ err: error }, 'slack auth.test failed at start-up; the first event asks again');
      });
    },
  };
}
