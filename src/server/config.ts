import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { GraphInstallSettings } from '../../adapters/teams/graph-install.ts';
import { DEFAULT_TYPING, type TypingSettings } from '../../adapters/teams/typing.ts';
import type { Platform } from '../domain/application.ts';
import { MidlerError } from '../domain/errors.ts';
import { parseRedisUrl } from '../store/redis-connection.ts';
import {
  chiefs,
  empty,
  flag,
  int,
  jsonSetting,
  list,
  optionalFlag,
  osloTime,
  personRef,
  text,
  url,
} from './config-fields.ts';
import { graphInstallOf, graphInstallProblems } from './config-graph.ts';
import { isForbiddenHost } from './egress.ts';
import { NO_PLATFORM_MESSAGE } from './platforms.ts';

/**
 * All settings come from environment variables (.env.example lists them), validated here once at
 * start-up: a wrong or missing value stops start-up with a message naming the variable, never its value.
 */

export interface PersonSetting {
  platform: Platform;
  userId: string;
  name?: string;
}

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** Address the bot's port binds to: 127.0.0.1 by default, 0.0.0.0 in production (HOST). */
  host: string;
  /**
   * Prometheus /metrics: its own listener on `host:port` (port 0 = none), and on the bot's port only
   * with `Authorization: Bearer <token>` when a token is set (metrics-routes.ts).
   */
  metrics: { port: number; host: string; token?: string };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Which Store backs the bot: Redis when REDIS_URL is set, else (never in production) memory. */
  store: 'redis' | 'memory';
  redisUrl?: string;
  redisPrefix: string;
  redisMode?: 'single' | 'sentinel' | 'cluster';
  callsDir: string;
  /** Reload the calls when a file in CALLS_DIR changes (CALLS_WATCH, default on); SIGHUP always does. */
  callsWatch: boolean;
  dialogTtlSeconds: number;
  bodyLimitBytes?: number;
  shutdownGraceMs?: number;
  /** Deadline of every outbound platform call, in ms (OUTBOUND_TIMEOUT_SECONDS, default 10 s). */
  outboundTimeoutMs: number;
  /** Longest typed text a turn reads (MAX_TEXT_CHARS, default 4000); longer is answered "too long". */
  maxTextChars: number;
  /** Bot Framework settings, named as botbuilder expects them. */
  teams: {
    MicrosoftAppId?: string;
    MicrosoftAppPassword?: string;
    MicrosoftAppType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    MicrosoftAppTenantId?: string;
    /** Sovereign or private clouds: where tokens come from and how they are checked. */
    ToBotFromChannelOpenIdMetadataUrl?: string;
    ToBotFromChannelTokenIssuer?: string;
    ToChannelFromBotLoginUrl?: string;
    ToChannelFromBotOAuthScope?: string;
    /**
     * Without an app id: serviceUrl origins answered besides loopback (TEAMS_ALLOWED_SERVICE_URLS).
     * Link-local and metadata addresses are refused even when listed.
     */
    allowedServiceUrls: string[];
  };
  slack: {
    enabled: boolean;
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    socketMode: boolean;
    apiUrl?: string;
  };
  publicUrl?: string;
  /** Where the host's clock starts (MIDLERBOT_NOW, never in production); it runs on from there. */
  clockStart?: Date;
  /** People a Teams person input lists where the people picker is missing (the Agents Playground). */
  teamsPeopleFile?: string;
  /** Install the Teams app through Microsoft Graph for a user without it (TEAMS_GRAPH_INSTALL=true). */
  teamsGraphInstall?: GraphInstallSettings;
  /** The Teams typing indicator of slow turns (TEAMS_TYPING_INDICATOR; default on in production only). */
  teamsTyping?: TypingSettings;
  reminders: { enabled: boolean; admins: PersonSetting[] };
  /** Trust id -> its quality chief (who prioritises the trust's applications) and optional deputy. */
  trustQualityChiefs: Record<string, { chief: PersonSetting; deputy?: PersonSetting }>;
  showPriorityRank: boolean;
  /** Things the host should log loudly at start-up (e.g. "using the in-memory store"). */
  warnings: string[];
}

const schema = z.object({
  NODE_ENV: z.preprocess((v) => empty(v) ?? 'development', z.enum(['development', 'production', 'test'])),
  PORT: int(3978, 1, 65535),
  HOST: text(),
  METRICS_PORT: int(9464, 0, 65535),
  METRICS_HOST: z.preprocess((v) => empty(v) ?? '127.0.0.1', z.string().trim()),
  METRICS_TOKEN: z.preprocess(
    empty,
    z.string().trim().min(16, 'must be at least 16 characters (a random secret)').optional(),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => empty(v) ?? 'info',
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  ),
  REDIS_URL: z.preprocess(
    empty,
    z
      .string()
      .trim()
      .superRefine((s, ctx) => {
        try {
          parseRedisUrl(s);
        } catch (err) {
          // parseRedisUrl never echoes the URL (it may hold a password).
          ctx.addIssue({
            code: 'custom',
            message: err instanceof Error ? err.message.replace(/^REDIS_URL: /, '') : 'invalid',
          });
        }
      })
      .optional(),
  ),
  REDIS_PREFIX: z.preprocess(
    (v) => empty(v) ?? 'midlerbot:',
    z.string().regex(/^[^{}\s]+$/, 'must not be empty or contain {, } or spaces'),
  ),
  REDIS_MODE: z.preprocess(empty, z.enum(['single', 'sentinel', 'cluster']).optional()),
  CALLS_DIR: z.preprocess((v) => empty(v) ?? 'calls', z.string()),
  CALLS_WATCH: flag(true),
  DIALOG_TTL_SECONDS: int(86_400, 60, 30 * 86_400),
  BODY_LIMIT_BYTES: z.preprocess(empty, int(0, 1024, 50_000_000).optional()),
  SHUTDOWN_GRACE_MS: z.preprocess(empty, int(0, 0, 600_000).optional()),
  OUTBOUND_TIMEOUT_SECONDS: int(10, 1, 60),
  MAX_TEXT_CHARS: int(4_000, 100, 100_000),
  MicrosoftAppId: text(),
  MicrosoftAppPassword: text(),
  MicrosoftAppType: z.preprocess(
    (v) => empty(v) ?? 'MultiTenant',
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']),
  ),
  MicrosoftAppTenantId: text(),
  ToBotFromChannelOpenIdMetadataUrl: url(),
  ToBotFromChannelTokenIssuer: text(),
  ToChannelFromBotLoginUrl: url(),
  ToChannelFromBotOAuthScope: text(),
  TEAMS_ALLOWED_SERVICE_URLS: list(
    z
      .string()
      .refine((s) => URL.canParse(s) && /^https?:/.test(s), 'each entry must be an http(s) URL')
      .refine(
        (s) => !URL.canParse(s) || !isForbiddenHost(new URL(s).hostname),
        'must not name a link-local or metadata address',
      )
      .transform((s) => new URL(s).origin),
  ),
  SLACK_BOT_TOKEN: z.preprocess(
    empty,
    z.string().startsWith('xoxb-', 'must be a bot token (xoxb-…)').optional(),
  ),
  SLACK_SIGNING_SECRET: text(),
  SLACK_APP_TOKEN: z.preprocess(
    empty,
    z.string().startsWith('xapp-', 'must be an app-level token (xapp-…)').optional(),
  ),
  SLACK_SOCKET_MODE: flag(false),
  SLACK_API_URL: url(),
  PUBLIC_URL: url(),
  REMINDERS_ENABLED: flag(true),
  REMINDER_ADMINS: list(personRef),
  TRUST_QUALITY_CHIEFS: jsonSetting(chiefs, {}),
  SHOW_PRIORITY_RANK: flag(false),
  TEAMS_PEOPLE_FILE: text(),
  TEAMS_TYPING_INDICATOR: optionalFlag(),
  TEAMS_GRAPH_INSTALL: flag(false),
  TEAMS_APP_CATALOG_ID: text(),
  TEAMS_GRAPH_TENANT_ID: text(),
  TEAMS_GRAPH_URL: url(),
  TEAMS_GRAPH_LOGIN_URL: url(),
  // Oslo time when no offset is given, as the console's --at and the CLI read it.
  MIDLERBOT_NOW: osloTime(),
});

export type Env = z.output<typeof schema>;

/** Every variable the configuration reads (.env.example must list each one). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

/** Rules that tie several variables together. Each issue names the variable to fix. */
function crossCheck(e: Env): string[] {
  const problems: string[] = [];
  if (e.NODE_ENV === 'production' && !e.REDIS_URL) {
    problems.push('REDIS_URL: is required when NODE_ENV=production (replicas must share state)');
  }
  if (e.NODE_ENV === 'production' && e.MIDLERBOT_NOW) {
    problems.push(
      'MIDLERBOT_NOW: is for trying the bot out and tests; a production host runs on the real clock (unset it)',
    );
  }
  if (e.METRICS_PORT !== 0 && e.METRICS_PORT === e.PORT) {
    problems.push('METRICS_PORT: must differ from PORT (or 0 for no metrics listener)');
  }
  if (e.REDIS_URL) {
    try {
      parseRedisUrl(e.REDIS_URL, e.REDIS_MODE);
    } catch (err) {
      problems.push(err instanceof Error ? err.message : 'REDIS_URL: is not a Redis URL');
    }
  }
  if (e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppId && !e.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId: is required when MicrosoftAppType=SingleTenant');
  }
  if (e.MicrosoftAppId && e.MicrosoftAppType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
    problems.push('MicrosoftAppPassword: is required when MicrosoftAppId is set (unless UserAssignedMSI)');
  }
  // A platform is on when its credentials are set (platforms.ts); production needs one.
  if (e.NODE_ENV === 'production' && !e.MicrosoftAppId && !e.SLACK_BOT_TOKEN) {
    problems.push(NO_PLATFORM_MESSAGE);
  }
  if (e.SLACK_BOT_TOKEN && e.SLACK_SOCKET_MODE && !e.SLACK_APP_TOKEN) {
    problems.push('SLACK_APP_TOKEN: is required when SLACK_SOCKET_MODE=true');
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SOCKET_MODE && !e.SLACK_SIGNING_SECRET) {
    problems.push(
      'SLACK_SIGNING_SECRET: is required to verify Slack requests (or use SLACK_SOCKET_MODE=true)',
    );
  }
  problems.push(...graphInstallProblems(e));
  return problems;
}

const opt = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** Those of `keys` that are set in `from`, under the same names. */
const given = <T, K extends keyof T>(from: T, keys: readonly K[]) =>
  Object.fromEntries(keys.flatMap((k) => (from[k] === undefined ? [] : [[k, from[k]]]))) as Partial<
    Pick<T, K>
  >;

/** botbuilder reads its settings by the variables' own names, so they are handed on as they are. */
const BOT_FRAMEWORK = [
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppTenantId',
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromChannelTokenIssuer',
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
] as const;

/** Reads and validates the configuration; throws MidlerError('config.invalid') naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  const problems = parsed.success
    ? crossCheck(parsed.data)
    : parsed.error.issues.map((i) => `${String(i.path[0] ?? '(environment)')}: ${i.message}`);
  if (!parsed.success || problems.length > 0) {
    throw new MidlerError('config.invalid', `invalid configuration:\n  ${problems.join('\n  ')}`, {
      details: { variables: problems.map((p) => p.split(':')[0]) },
    });
  }
  const e = parsed.data;
  const warnings: string[] = [];
  if (!e.REDIS_URL) {
    warnings.push(
      'REDIS_URL is not set: using the in-memory store (state is lost on restart and not shared)',
    );
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST ?? (e.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'),
    metrics: { port: e.METRICS_PORT, host: e.METRICS_HOST, ...opt('token', e.METRICS_TOKEN) },
    logLevel: e.LOG_LEVEL,
    store: e.REDIS_URL ? 'redis' : 'memory',
    ...opt('redisUrl', e.REDIS_URL),
    redisPrefix: e.REDIS_PREFIX,
    ...opt('redisMode', e.REDIS_MODE),
    callsDir: e.CALLS_DIR,
    callsWatch: e.CALLS_WATCH,
    dialogTtlSeconds: e.DIALOG_TTL_SECONDS,
    ...opt('bodyLimitBytes', e.BODY_LIMIT_BYTES),
    ...opt('shutdownGraceMs', e.SHUTDOWN_GRACE_MS),
    outboundTimeoutMs: e.OUTBOUND_TIMEOUT_SECONDS * 1000,
    maxTextChars: e.MAX_TEXT_CHARS,
    teams: {
      MicrosoftAppType: e.MicrosoftAppType,
      ...given(e, BOT_FRAMEWORK),
      allowedServiceUrls: e.TEAMS_ALLOWED_SERVICE_URLS,
    },
    slack: {
      enabled: Boolean(e.SLACK_BOT_TOKEN),
      socketMode: e.SLACK_SOCKET_MODE,
      ...opt('botToken', e.SLACK_BOT_TOKEN),
      ...opt('signingSecret', e.SLACK_SIGNING_SECRET),
      ...opt('appToken', e.SLACK_APP_TOKEN),
      ...opt('apiUrl', e.SLACK_API_URL),
    },
    ...opt('publicUrl', e.PUBLIC_URL),
    reminders: { enabled: e.REMINDERS_ENABLED, admins: e.REMINDER_ADMINS },
    trustQualityChiefs: e.TRUST_QUALITY_CHIEFS,
    showPriorityRank: e.SHOW_PRIORITY_RANK,
    ...opt('clockStart', e.MIDLERBOT_NOW),
    ...opt('teamsPeopleFile', e.TEAMS_PEOPLE_FILE),
    ...opt('teamsGraphInstall', graphInstallOf(e)),
    // On in production unless turned off; elsewhere only when asked for (local turns are fast, and a
    // typing activity would only add noise to what a development connector or a test captures).
    ...opt(
      'teamsTyping',
      (e.TEAMS_TYPING_INDICATOR ?? e.NODE_ENV === 'production') ? DEFAULT_TYPING : undefined,
    ),
    warnings,
  };
}

/** A copy that is safe to log: secrets become "[set]", a Redis URL loses its password. */
export function redactConfig(config: Config): Config {
  const secret = (v: string | undefined) => (v === undefined ? undefined : '[set]');
  return {
    ...config,
    ...opt('redisUrl', config.redisUrl?.replace(/\/\/[^@/]*@/, '//[redacted]@')),
    metrics: { ...config.metrics, ...opt('token', secret(config.metrics.token)) },
    teams: { ...config.teams, ...opt('MicrosoftAppPassword', secret(config.teams.MicrosoftAppPassword)) },
    ...opt(
      'teamsGraphInstall',
      config.teamsGraphInstall && { ...config.teamsGraphInstall, clientSecret: '[set]' },
    ),
    slack: {
      ...config.slack,
      ...opt('botToken', secret(config.slack.botToken)),
      ...opt('signingSecret', secret(config.slack.signingSecret)),
      ...opt('appToken', secret(config.slack.appToken)),
    },
  };
}

/**
 * Reads a development `.env` file into `env` without overriding what is already set. Lines are
 * `NAME=value`, `#` comments, optional `export ` and single or double quotes. Returns the names loaded.
 */
export function loadDotEnv(path = '.env', env: Record<string, string | undefined> = process.env): string[] {
  if (!existsSync(path)) return [];
  const loaded: string[] = [];
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m?.[1] || line.trimStart().startsWith('#')) continue;
    let value = m[2] ?? '';
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[1] === '"' ? (quoted[2] ?? '').replaceAll('\\n', '\n') : (quoted[2] ?? '');
    else value = value.replace(/\s+#.*$/, '');
    if (env[m[1]] !== undefined) continue;
    env[m[1]] = value;
    loaded.push(m[1]);
  }
  return loaded;
}
