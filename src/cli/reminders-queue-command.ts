import { isMidlerError } from '../domain/errors.ts';
import { OSLO } from '../domain/timeline.ts';
import { type Config, loadConfig, loadDotEnv } from '../server/config.ts';
import { parseRedisUrl } from '../store/redis-connection.ts';
import { createRedisStore } from '../store/redis-store.ts';
import type { ReminderQueuePeek, Store } from '../store/store.ts';
import { type CliOutput, failure, success, usageError } from './output.ts';
import { renderTable, toRow } from './reminders-queue-view.ts';

export type { QueueRow, QueueState } from './reminders-queue-view.ts';

export const USAGE = [
  'Usage: midlerbot reminders queue [--json] [--limit N] [--target PREFIX]',
  "  Prints what is queued in the deployment's Store right now, by due time: each reminder's id, due",
  '  time (UTC and Europe/Oslo), target, kind, call and milestone/steps, and its delivery state',
  '  (attempts, retry time, lease). Read-only. The Store is the one the bot uses: REDIS_URL,',
  '  REDIS_PREFIX and REDIS_MODE from the environment (and .env outside production).',
  '  --limit N        show at most N reminders (default 50)',
  '  --target PREFIX  only reminders whose target key starts with PREFIX, e.g. slack:C0123,',
  '                   teams:, user:slack:U0456 (channel keys are platform:conversationId,',
  '                   personal ones user:platform:userId)',
  '  --json           one JSON document for scripts',
  '  -h, --help       this text.',
].join('\n');

export const DEFAULT_LIMIT = 50;

export interface QueueCommandOptions {
  /** Environment to read the configuration from (default `process.env`; not modified). */
  env?: Record<string, string | undefined>;
  /** `.env` file read outside production, without overriding `env` (default `.env`); false: none. */
  dotEnv?: string | false;
  clock?: () => Date;
  /** How long to wait for Redis to answer before giving up (ms, default 5000). */
  timeoutMs?: number;
}

/** `midlerbot reminders queue ...` (the words after `queue`). */
export async function run(args: string[], options: QueueCommandOptions = {}): Promise<CliOutput> {
  const parsed = parseOptions(args);
  if ('error' in parsed) return usageError(parsed.error, USAGE);
  const { json, limit, target } = parsed;

  const env = { ...(options.env ?? process.env) };
  if (env.NODE_ENV !== 'production' && options.dotEnv !== false) loadDotEnv(options.dotEnv ?? '.env', env);
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (e) {
    // loadConfig names the variables, never their values.
    if (isMidlerError(e)) return failure(`midlerbot reminders queue: ${e.message}`);
    throw e;
  }
  const now = (options.clock ?? (() => new Date()))();

  if (!config.redisUrl) {
    const note =
      'REDIS_URL is not set: the bot would use its in-memory store, which lives inside each bot process ' +
      'and is empty here, so there is no queue to show. Set REDIS_URL (and REDIS_PREFIX, REDIS_MODE) ' +
      "to the deployment's values to see its queue.";
    if (json) {
      return success(
        JSON.stringify(
          { store: 'memory', now: now.toISOString(), total: 0, matching: 0, shown: 0, reminders: [], note },
          null,
          2,
        ),
      );
    }
    return success(note);
  }

  const where = describeRedis(config);
  let peek: ReminderQueuePeek;
  const store = openStore(config, options.timeoutMs ?? 5_000);
  try {
    peek = await store.peekReminders();
  } catch (e) {
    // Store errors name the operation and the connection's own error, never the URL or password.
    const message = e instanceof Error ? e.message : String(e);
    return failure(`midlerbot reminders queue: could not read the queue from ${where.text}: ${message}`);
  } finally {
    await store.close();
  }

  const matching = peek.reminders.filter((r) => target === undefined || r.targetKey.startsWith(target));
  const shown = matching.slice(0, limit).map((r) => toRow(r, now));
  if (json) {
    return success(
      JSON.stringify(
        {
          store: 'redis',
          redis: where.url,
          prefix: where.prefix,
          now: now.toISOString(),
          zone: OSLO,
          target: target ?? null,
          limit,
          total: peek.reminders.length,
          matching: matching.length,
          shown: shown.length,
          dangling: peek.dangling,
          reminders: shown,
        },
        null,
        2,
      ),
    );
  }
  return success(
    renderTable(shown, {
      total: peek.reminders.length,
      matching: matching.length,
      target,
      where: where.text,
      now,
      dangling: peek.dangling,
    }),
  );
}

/**
 * The bot's own Store, made from config as src/server/app.ts makes it (URL, prefix, mode), with the
 * command's patience: every wait (connecting, a reply) is at most `timeoutMs`.
 */
function openStore(config: Config, timeoutMs: number): Store {
  return createRedisStore({
    url: config.redisUrl ?? '',
    ...(config.redisPrefix ? { prefix: config.redisPrefix } : {}),
    ...(config.redisMode ? { mode: config.redisMode } : {}),
    commandTimeoutMs: timeoutMs,
    connectTimeoutMs: timeoutMs,
    readyWaitMs: timeoutMs,
    maxReconnectDelayMs: 500,
  });
}

/** Where the queue was read, with no credentials: the URL is rebuilt from its parts, never echoed. */
function describeRedis(config: Config): { url: string; prefix: string; text: string } {
  const p = parseRedisUrl(config.redisUrl ?? '', config.redisMode);
  const scheme = `${p.tls ? 'rediss' : 'redis'}${p.mode === 'single' ? '' : `+${p.mode}`}`;
  const hosts = p.endpoints.map((e) =>
    e.host.includes(':') ? `[${e.host}]:${e.port}` : `${e.host}:${e.port}`,
  );
  const path = [p.masterName, p.db === undefined ? undefined : String(p.db)].filter((s) => s !== undefined);
  const url = `${scheme}://${hosts.join(',')}${path.length > 0 ? `/${path.join('/')}` : ''}`;
  return { url, prefix: config.redisPrefix, text: `${url} (prefix ${config.redisPrefix})` };
}

function parseOptions(
  args: string[],
): { json: boolean; limit: number; target: string | undefined } | { error: string } {
  let json = false;
  let limit = DEFAULT_LIMIT;
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const eq = arg.indexOf('=');
    const [name, inline] =
      arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (name === '--json' && inline === undefined) json = true;
    else if (name === '--limit' || name === '--target') {
      const value = inline ?? args[++i];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--')))
        return { error: `${name} needs a value.` };
      if (name === '--target') target = value;
      else if (!/^\d{1,6}$/.test(value) || Number(value) < 1)
        return { error: '--limit takes a whole number of reminders, at least 1.' };
      else limit = Number(value);
    } else return { error: `Unknown option: ${arg}` };
  }
  return { json, limit, target };
}
