import { Redis } from 'ioredis';
import { parseRedisUrl } from '../src/store/redis-connection.ts';
import { startRedis } from '../test/support/redis-server.ts';

/** The Redis the bench talks to: REDIS_URL when set, else a redis-server of its own on a free port. */
export interface RedisTarget {
  url: string;
  /** Where a plain TCP relay can forward to; undefined when the URL is TLS, Sentinel or Cluster. */
  direct?: { host: string; port: number };
  /** The same URL pointed at another loopback port (a relay in front of the server). */
  via(port: number): string;
  /** Deletes every key under the prefix, then stops the server if the bench started it. */
  release(prefix: string): Promise<void>;
  describe: string;
}

export async function acquireRedis(): Promise<RedisTarget> {
  const external = process.env.REDIS_URL;
  const own = external ? undefined : await startRedis();
  const url = external ?? own?.url ?? '';
  const parsed = parseRedisUrl(url);
  const [endpoint] = parsed.endpoints;
  const plain = parsed.mode === 'single' && !parsed.tls && endpoint !== undefined;
  return {
    url,
    ...(plain ? { direct: endpoint } : {}),
    via(port) {
      const relayed = new URL(url);
      relayed.hostname = '127.0.0.1';
      relayed.port = String(port);
      return relayed.toString();
    },
    describe: own ? `own redis-server on 127.0.0.1:${own.port}` : 'REDIS_URL',
    async release(prefix: string) {
      try {
        if (own === undefined) await deleteByPrefix(url, prefix);
      } finally {
        await own?.stop();
      }
    },
  };
}

/** On a shared server (REDIS_URL) the bench leaves nothing behind. */
async function deleteByPrefix(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await client.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
