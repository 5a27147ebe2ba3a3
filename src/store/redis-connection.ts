import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';
import { MidlerError } from '../domain/errors.ts';

export type RedisMode = 'single' | 'sentinel' | 'cluster';

/** How to reach Redis and how quickly to give up while it is away. */
export interface RedisConnectionOptions {
  /** `redis://`, `rediss://`, `redis+sentinel://`, `redis+cluster://` (see docs/redis.md). */
  url: string;
  /** Overrides the mode the URL scheme implies (e.g. `cluster` with a plain `redis://` seed node). */
  mode?: RedisMode;
  /** A command with no reply after this long fails (ms). */
  commandTimeoutMs?: number;
  /** A connection attempt that takes longer fails (ms). */
  connectTimeoutMs?: number;
  /** Reconnect back-off cap (ms); the delay doubles from 50 ms up to this. */
  maxReconnectDelayMs?: number;
}

export interface RedisEndpoint {
  host: string;
  port: number;
}

export interface ParsedRedisUrl {
  mode: RedisMode;
  tls: boolean;
  endpoints: RedisEndpoint[];
  username?: string;
  password?: string;
  db?: number;
  /** Sentinel: the monitored master's name. */
  masterName?: string;
  sentinelPassword?: string;
}

const URL_RE =
  /^(redis|rediss)(?:\+(sentinel|cluster))?:\/\/(?:([^@/]*)@)?([^/?#]+)(\/[^?#]*)?(?:\?([^#]*))?$/;

function invalid(message: string): MidlerError {
  // The URL may carry a password: never echo it.
  return new MidlerError('config.invalid', `REDIS_URL: ${message}`);
}

function parseEndpoint(text: string, defaultPort: number): RedisEndpoint {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(text.trim());
  if (!m?.[1]) throw invalid('a host is not of the form host:port');
  const port = m[2] === undefined ? defaultPort : Number(m[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid('a port is out of range');
  return { host: m[1].replace(/^\[|\]$/g, ''), port };
}

/** Parses the URL forms of docs/redis.md; `mode` (REDIS_MODE) may turn a plain URL into cluster/sentinel. */
export function parseRedisUrl(url: string, mode?: RedisMode): ParsedRedisUrl {
  const m = URL_RE.exec(url.trim());
  if (!m) throw invalid('expected redis://, rediss://, redis+sentinel:// or redis+cluster://');
  const [, scheme, kind, userinfo, hostlist, path, query] = m;
  const schemeMode: RedisMode = kind === 'sentinel' ? 'sentinel' : kind === 'cluster' ? 'cluster' : 'single';
  if (kind && mode && mode !== schemeMode)
    throw invalid(`the URL is for ${schemeMode} but REDIS_MODE is ${mode}`);
  const effective = mode ?? schemeMode;
  const params = new URLSearchParams(query ?? '');
  const parsed: ParsedRedisUrl = {
    mode: effective,
    tls: scheme === 'rediss',
    endpoints: (hostlist ?? '')
      .split(',')
      .filter((h) => h.trim() !== '')
      .map((h) => parseEndpoint(h, effective === 'sentinel' ? 26379 : 6379)),
  };
  if (parsed.endpoints.length === 0) throw invalid('no host');
  if (effective === 'single' && parsed.endpoints.length > 1)
    throw invalid('several hosts need +sentinel or +cluster');
  if (userinfo) {
    const colon = userinfo.indexOf(':');
    const user = colon < 0 ? '' : decodeURIComponent(userinfo.slice(0, colon));
    const pass = decodeURIComponent(colon < 0 ? userinfo : userinfo.slice(colon + 1));
    if (user) parsed.username = user;
    if (pass) parsed.password = pass;
  }
  const segments = (path ?? '').split('/').filter((s) => s !== '');
  if (effective === 'sentinel') {
    const master = segments.shift();
    if (master) parsed.masterName = decodeURIComponent(master);
    if (!parsed.masterName) throw invalid('a sentinel URL needs the master name as its path');
    const sp = params.get('sentinelPassword');
    if (sp) parsed.sentinelPassword = sp;
  }
  const dbText = segments[0] ?? params.get('db') ?? undefined;
  if (dbText !== undefined) {
    const db = Number(dbText);
    if (!Number.isInteger(db) || db < 0) throw invalid('the database number is not a whole number');
    if (effective === 'cluster' && db !== 0) throw invalid('Redis Cluster has only database 0');
    parsed.db = db;
  }
  return parsed;
}

export function backoff(maxMs: number): (times: number) => number {
  return (times) => Math.min(50 * 2 ** Math.min(times, 16), maxMs);
}

/**
 * A client that fails fast: no offline queue (a command while disconnected rejects at once), no retry
 * or resend of in-flight commands after a drop (a write is never applied late, after its caller gave
 * up), a command timeout, and reconnection with capped back-off so the client recovers by itself.
 */
export function createRedisClient(options: RedisConnectionOptions): Redis | Cluster {
  const p = parseRedisUrl(options.url, options.mode);
  const retry = backoff(options.maxReconnectDelayMs ?? 2000);
  const common = {
    commandTimeout: options.commandTimeoutMs ?? 2000,
    connectTimeout: options.connectTimeoutMs ?? 2000,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    ...(p.username ? { username: p.username } : {}),
    ...(p.password ? { password: p.password } : {}),
    ...(p.tls ? { tls: {} } : {}),
  } satisfies RedisOptions;
  if (p.mode === 'cluster') {
    const clusterOptions: ClusterOptions = {
      enableOfflineQueue: false,
      clusterRetryStrategy: retry,
      slotsRefreshTimeout: common.connectTimeout,
      redisOptions: common,
    };
    return new Cluster(p.endpoints, clusterOptions);
  }
  const fast: RedisOptions = { ...common, enableOfflineQueue: false, retryStrategy: retry, db: p.db ?? 0 };
  if (p.mode === 'sentinel') {
    return new Redis({
      ...fast,
      sentinels: p.endpoints,
      name: p.masterName ?? '',
      ...(p.sentinelPassword ? { sentinelPassword: p.sentinelPassword } : {}),
      sentinelRetryStrategy: retry,
    });
  }
  const [only] = p.endpoints;
  return new Redis({ ...fast, host: only?.host ?? '127.0.0.1', port: only?.port ?? 6379 });
}
