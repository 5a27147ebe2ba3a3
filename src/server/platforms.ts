import type { Route } from './http-types.ts';

/**
 * Which chat platforms this host serves, and why. A platform is on when its credentials are set:
 * Teams with `MicrosoftAppId` (plus password or managed identity), Slack with `SLACK_BOT_TOKEN` and
 * its signing secret (or Socket Mode). Outside production, Teams without an app id runs
 * unauthenticated for local development (the emulator, `npm start` on a laptop, the tests).
 */

export interface PlatformState {
  enabled: boolean;
  /** Human-readable, for the start-up log and error bodies; never holds a secret. */
  reason: string;
}

export interface PlatformStatus {
  teams: PlatformState & { authenticated: boolean };
  slack: PlatformState;
}

export interface PlatformSettings {
  nodeEnv: string;
  teams: { MicrosoftAppId?: string; MicrosoftAppType?: string };
  slack?: { enabled: boolean; botToken?: string; socketMode?: boolean };
}

export const NO_PLATFORM_MESSAGE =
  'MicrosoftAppId: set it (Teams) or SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (Slack): ' +
  'production needs at least one platform';

export function platformStatus(c: PlatformSettings): PlatformStatus {
  const appId = c.teams.MicrosoftAppId?.trim();
  const teams = appId
    ? {
        enabled: true,
        authenticated: true,
        reason: `authenticated (MicrosoftAppId set, ${c.teams.MicrosoftAppType ?? 'MultiTenant'})`,
      }
    : c.nodeEnv === 'production'
      ? { enabled: false, authenticated: false, reason: 'disabled (MicrosoftAppId not set)' }
      : {
          enabled: true,
          authenticated: false,
          reason: 'UNAUTHENTICATED for local development (MicrosoftAppId not set)',
        };
  const slackOn = Boolean(c.slack?.enabled && c.slack.botToken);
  const slack = slackOn
    ? {
        enabled: true,
        reason: `enabled (${c.slack?.socketMode ? 'Socket Mode' : 'POST /slack/events'}; SLACK_BOT_TOKEN set)`,
      }
    : { enabled: false, reason: 'disabled (SLACK_BOT_TOKEN not set)' };
  return { teams, slack };
}

/**
 * What /api/messages answers when Teams is off: 404 (Bot Framework does not retry it like a 5xx)
 * with a body that says why, instead of a bare "not found".
 */
export function teamsDisabledRoutes(): Route[] {
  const handler = async () => ({
    status: 404,
    body: {
      error: 'teams-disabled',
      message: 'Teams is not enabled on this host: MicrosoftAppId is not set.',
    },
  });
  return [
    { method: 'POST', path: '/api/messages', handler },
    { method: 'GET', path: '/api/messages', handler },
  ];
}
