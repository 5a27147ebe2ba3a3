import type { TeamsAuthSettings } from '../../adapters/teams/auth.ts';
import type { GraphInstallSettings } from '../../adapters/teams/graph-install.ts';
import type { TypingSettings } from '../../adapters/teams/typing.ts';
import type { DialogSettings } from '../bot/dialog.ts';
import type { ReminderLoopDeps } from '../scheduler/reminder-loop.ts';
import type { Config } from './config.ts';
import type { TurnLeaseOptions } from './turn-lease.ts';

/** What the host needs from configuration (a subset of loadConfig()'s result). */
export interface HostConfig {
  port: number;
  /** Bind address (HOST); default 127.0.0.1 (loadConfig picks 0.0.0.0 in production). */
  host?: string;
  /** With a token, /metrics is also served on the bot's port to `Authorization: Bearer <token>`. */
  metrics?: { token?: string };
  nodeEnv: string;
  logLevel?: string;
  redisUrl?: string;
  redisPrefix?: string;
  redisMode?: 'single' | 'sentinel' | 'cluster';
  callsDir?: string;
  /** Reload the calls when a file in callsDir changes; without it only `reloadCalls` (SIGHUP) does. */
  callsWatch?: boolean;
  dialogTtlSeconds?: number;
  bodyLimitBytes?: number;
  shutdownGraceMs?: number;
  /** Where the host clock starts (MIDLERBOT_NOW); it runs on from there. */
  clockStart?: Date;
  /** Whether a typed `/at` moves the clock (default: in development only). */
  movableClock?: boolean;
  /** TEAMS_PEOPLE_FILE: people a person input lists for clients without the people picker. */
  teamsPeopleFile?: string;
  /** Deadline of every outbound platform call (OUTBOUND_TIMEOUT_SECONDS, ms). Default 10 s. */
  outboundTimeoutMs?: number;
  /** Longest typed text a turn reads (MAX_TEXT_CHARS). Default 4000. */
  maxTextChars?: number;
  /** Teams: the request is answered by then at the latest (default 12 s; Teams gives up at 15 s). */
  teamsAnswerWithinMs?: number;
  /** A turn's de-duplication lease (tests shorten it; docs/reliability.md). */
  turnLease?: TurnLeaseOptions;
  /** Teams: how messages reach the Bot Connector (default plain HTTP; tests compare it with `sdk`). */
  teamsSendPath?: 'plain' | 'sdk';
  teams: TeamsAuthSettings;
  /**
   * Teams: install the app through Microsoft Graph for a user without it (TEAMS_GRAPH_INSTALL, off by
   * default; adapters/teams/graph-install.ts). Absent: such a user is reported `not-installed`.
   */
  teamsGraphInstall?: GraphInstallSettings;
  /** Teams: the typing indicator of message turns slower than `afterMs` (TEAMS_TYPING_INDICATOR). Absent: none. */
  teamsTyping?: TypingSettings;
  slack?: Config['slack'];
  reminders?: {
    enabled: boolean;
    admins?: DialogSettings['reminderAdmins'];
    /** Delivery tuning (tests): tick interval, lease, per-send deadline, concurrency. */
    loop?: Partial<Pick<ReminderLoopDeps, 'intervalMs' | 'leaseMs' | 'sendDeadlineMs' | 'concurrency'>>;
  };
  trustQualityChiefs?: DialogSettings['trustQualityChiefs'];
  showPriorityRank?: boolean;
}
