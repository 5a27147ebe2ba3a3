import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort, startRedis, type TestRedis } from './redis-server.ts';

const run = promisify(execFile);

/** A three-master Redis Cluster on loopback ports that a test owns. */
export interface TestRedisCluster {
  ports: number[];
  /** `redis+cluster://127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3` */
  url: string;
  stop(): Promise<void>;
}

async function waitForClusterOk(port: number, timeoutMs: number): Promise<void> {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await client.connect();
    const until = Date.now() + timeoutMs;
    for (;;) {
      const info = await client.cluster('INFO');
      if (info.includes('cluster_state:ok')) return;
      if (Date.now() > until) throw new Error(`cluster node ${port} not ok: ${info.split('\n')[0]}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    client.disconnect();
  }
}

export async function startRedisCluster(): Promise<TestRedisCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'midlerbot-cluster-'));
  const nodes: TestRedis[] = [];
  const stop = async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < 3; i += 1) {
      const port = await freePort();
      const args = ['--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`)];
      nodes.push(await startRedis([...args, '--cluster-node-timeout', '5000', '--dir', dir], port));
    }
    const addresses = nodes.map((n) => `127.0.0.1:${n.port}`);
    await run(
      'redis-cli',
      ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'],
      {
        timeout: 30_000,
      },
    );
    await Promise.all(nodes.map((n) => waitForClusterOk(n.port, 20_000)));
    return { ports: nodes.map((n) => n.port), url: `redis+cluster://${addresses.join(',')}`, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
