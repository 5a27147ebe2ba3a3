import type { Cluster, Redis } from 'ioredis';
import { isMidlerError } from '../domain/errors.ts';
import { ID_PREFIX, parseTargetKey, type ReminderKind } from '../domain/reminder-types.ts';
import { formatLocal, OSLO } from '../domain/timeline.ts';
import { type Config, loadConfig, loadDotEnv } from '../server/config.ts';
import { createKeys, type KeySchema } from '../store/keys.ts';
import { createRedisClient, parseRedisUrl } from '../store/redis-connection.ts';
import { RedisExec } from '../store/redis-exec.ts';
import type { QueuedReminder } from '../store/store.ts';
import { type CliOutput, failure, success, usageError } from './output.ts';

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

const KIND_LABEL: Record<ReminderKind, string> = {
  'channel-milestone': 'channel reminder',
  'applicant-nudge': 'applicant nudge',
  'leader-nudge': 'leader nudge',
  'report-reminder': 'report',
};

/**
 * Where a queued reminder is in its delivery:
 * - `scheduled`: waiting for its due time;
 * - `due`: due, not claimed yet (the next loop tick takes it);
 * - `leased`: claimed by a replica (`lease.owner`) that is delivering it until `lease.until`;
 * - `lease-expired`: claimed, but the lease ran out without an ack (a replica died): claimable again;
 * - `retry`: given back after a failed, throttled or deferred attempt; next try at `nextAttemptAt`.
 */
export type QueueState = 'scheduled' | 'due' | 'leased' | 'lease-expired' | 'retry';

export interface QueueRow {
  id: string;
  kind: ReminderKind | 'unknown';
  kindLabel: string;
  /** The planned due time. */
  dueAt: string;
  dueLocal: string;
  /** When the loop may claim it next: the due time, a retry time, or a lease expiry. */
  nextAttemptAt: string | null;
  /** The milestone instant: still queued after it, it is dropped, not sent. */
  expiresAt: string;
  expired: boolean;
  target: {
    key: string;
    kind: 'channel' | 'user' | 'unknown';
    platform: string | null;
    /** Channel reminders: the conversation key; personal ones: the user id. */
    id: string;
  };
  callId: string | null;
  milestone: string | null;
  milestoneKind: string | null;
  /** Nudges: the ids of the open steps they are about. */
  steps: string[];
  applicationId: string | null;
  state: QueueState;
  /** Claims so far (0 until the loop first takes it). */
  attempts: number;
  lease: { owner: string; until: string } | null;
}

export interface QueueSnapshot {
  rows: QueueRow[];
  /** Ids in the due index with no stored item (removed mid-read, or left by a crash): not shown. */
  dangling: number;
}

interface Lease {
  owner?: unknown;
  until?: unknown;
  attempts?: unknown;
}

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
  const timeoutMs = options.timeoutMs ?? 5_000;
  const client = createRedisClient({
    url: config.redisUrl,
    ...(config.redisMode ? { mode: config.redisMode } : {}),
    commandTimeoutMs: timeoutMs,
    connectTimeoutMs: timeoutMs,
    maxReconnectDelayMs: 500,
  });
  // RedisExec only says "not connected": keep the connection's own error (never holds the password).
  let lastError: string | undefined;
  client.on('error', (e: Error) => {
    lastError = e.message;
  });
  let snapshot: QueueSnapshot;
  try {
    snapshot = await readQueue(new RedisExec(client, timeoutMs), createKeys(config.redisPrefix), now);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const cause = lastError && !message.includes(lastError) ? ` (${lastError})` : '';
    return failure(
      `midlerbot reminders queue: could not read the queue from ${where.text}: ${message}${cause}`,
    );
  } finally {
    await close(client);
  }

  const matching = snapshot.rows.filter((r) => target === undefined || r.target.key.startsWith(target));
  const shown = matching.slice(0, limit);
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
          total: snapshot.rows.length,
          matching: matching.length,
          shown: shown.length,
          dangling: snapshot.dangling,
          reminders: shown,
        },
        null,
        2,
      ),
    );
  }
  return success(renderTable(shown, { total: snapshot.rows.length, matching, target, where, now, snapshot }));
}

/**
 * Reads the whole queue in one MULTI (the due index, the items and the leases share the `{reminders}`
 * hash tag, so this is one atomic snapshot on a single server, Sentinel and Cluster alike), sorted by
 * due time. Read-only: nothing is claimed, released or cleaned up.
 */
export async function readQueue(exec: RedisExec, keys: KeySchema, now: Date): Promise<QueueSnapshot> {
  const replies = await exec.run('readReminderQueue', async (c) => {
    const out = await c
      .multi()
      .zrange(keys.reminderDue(), 0, '-1', 'WITHSCORES')
      .hgetall(keys.reminderItems())
      .hgetall(keys.reminderLeases())
      .exec();
    if (!out) throw new Error('the read transaction was aborted');
    for (const [err] of out) if (err) throw err;
    return out.map(([, value]) => value);
  });
  const [flat, items, leases] = replies as [string[], Record<string, string>, Record<string, string>];
  const rows: QueueRow[] = [];
  let dangling = 0;
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const id = flat[i] ?? '';
    const score = Number(flat[i + 1]);
    const item = parseJson<QueuedReminder>(items[id]);
    if (!item || typeof item.dueAt !== 'string') {
      dangling++;
      continue;
    }
    rows.push(toRow(id, item, Number.isFinite(score) ? score : null, parseJson<Lease>(leases[id]), now));
  }
  rows.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rows, dangling };
}

function toRow(
  id: string,
  item: QueuedReminder,
  score: number | null,
  lease: Lease | null,
  now: Date,
): QueueRow {
  const payload = (item.payload ?? {}) as Record<string, unknown>;
  const kind = kindOf(id, payload.kind);
  const target = parseTargetKey(item.targetKey ?? '');
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const steps = Array.isArray(payload.steps)
    ? payload.steps.flatMap((s) =>
        typeof (s as { id?: unknown })?.id === 'string' ? [(s as { id: string }).id] : [],
      )
    : [];
  const attempts = typeof lease?.attempts === 'number' ? lease.attempts : 0;
  const owner = typeof lease?.owner === 'string' ? lease.owner : '';
  const until = typeof lease?.until === 'number' ? lease.until : 0;
  const dueMs = Date.parse(item.dueAt);
  let state: QueueState;
  if (lease && owner !== '') state = until > now.getTime() ? 'leased' : 'lease-expired';
  else if (lease) state = 'retry';
  else state = (score ?? dueMs) <= now.getTime() ? 'due' : 'scheduled';
  return {
    id,
    kind,
    kindLabel: kind === 'unknown' ? 'unknown' : KIND_LABEL[kind],
    dueAt: new Date(dueMs).toISOString(),
    dueLocal: formatLocal(new Date(dueMs)),
    nextAttemptAt: score === null ? null : new Date(score).toISOString(),
    expiresAt: item.expiresAt,
    expired: Date.parse(item.expiresAt) <= now.getTime(),
    target: target
      ? {
          key: item.targetKey,
          kind: target.kind === 'conversation' ? 'channel' : 'user',
          platform: target.platform,
          id: target.kind === 'conversation' ? target.key : target.userId,
        }
      : { key: item.targetKey ?? '', kind: 'unknown', platform: null, id: item.targetKey ?? '' },
    callId: str(payload.callId),
    milestone: str(payload.milestone),
    milestoneKind: str(payload.milestoneKind),
    steps,
    applicationId: str(payload.applicationId),
    state,
    attempts,
    lease: owner === '' ? null : { owner, until: new Date(until).toISOString() },
  };
}

function kindOf(id: string, kind: unknown): ReminderKind | 'unknown' {
  const kinds = Object.keys(ID_PREFIX) as ReminderKind[];
  return kinds.find((k) => k === kind) ?? kinds.find((k) => id.startsWith(ID_PREFIX[k])) ?? 'unknown';
}

function parseJson<T>(text: string | undefined): T | null {
  if (text === undefined) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
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

async function close(client: Redis | Cluster): Promise<void> {
  if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
  else client.disconnect();
}

function stateText(r: QueueRow): string {
  const tries = `${r.attempts} attempt${r.attempts === 1 ? '' : 's'}`;
  const text = {
    scheduled: 'scheduled',
    due: 'due, not claimed yet',
    leased: `leased by ${r.lease?.owner} until ${r.lease?.until} (attempt ${r.attempts})`,
    'lease-expired': `lease of ${r.lease?.owner} ran out ${r.lease?.until} (${tries}): claimable`,
    retry: `retry at ${r.nextAttemptAt} (${tries} so far)`,
  }[r.state];
  return r.expired ? `${text}; EXPIRED (${r.expiresAt}): will be dropped` : text;
}

function milestoneText(r: QueueRow): string {
  const m = r.milestone ?? '-';
  return r.steps.length > 0 ? `${m} [${r.steps.join(', ')}]` : m;
}

function renderTable(
  rows: QueueRow[],
  ctx: {
    total: number;
    matching: QueueRow[];
    target: string | undefined;
    where: { text: string };
    now: Date;
    snapshot: QueueSnapshot;
  },
): string {
  const filter = ctx.target === undefined ? '' : ` with target ${JSON.stringify(ctx.target)}*`;
  const head =
    `Reminder queue in ${ctx.where.text} at ${ctx.now.toISOString()}: ` +
    `${ctx.total} queued${ctx.target === undefined ? '' : `, ${ctx.matching.length}${filter}`}` +
    (rows.length < ctx.matching.length
      ? `; the first ${rows.length} by due time:`
      : rows.length > 0
        ? ':'
        : '.');
  const notes: string[] = [];
  if (ctx.snapshot.dangling > 0)
    notes.push(`(${ctx.snapshot.dangling} id(s) in the due index without an item: the loop removes them.)`);
  if (rows.length < ctx.matching.length)
    notes.push(`(${ctx.matching.length - rows.length} more: raise --limit.)`);
  if (rows.length === 0) return [head, ...notes].join('\n');

  const columns: [string, (r: QueueRow) => string][] = [
    [OSLO, (r) => r.dueLocal],
    ['UTC', (r) => r.dueAt],
    ['kind', (r) => r.kindLabel],
    ['target', (r) => r.target.key],
    ['call', (r) => r.callId ?? '-'],
    ['milestone [steps]', milestoneText],
    ['state', stateText],
  ];
  const cells = rows.map((r) => columns.map(([, cell]) => cell(r)));
  const widths = columns.map(([title], i) =>
    Math.max(title.length, ...cells.map((c) => (c[i] ?? '').length)),
  );
  const line = (values: string[]) =>
    `  ${values.map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd();
  const body = rows.flatMap((r, i) => [line(cells[i] ?? []), `      id ${r.id}`]);
  return [head, line(columns.map(([title]) => title)), ...body, ...notes].join('\n');
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
