import { type ChainableCommander, Cluster, type Redis } from 'ioredis';
import { MidlerError } from '../domain/errors.ts';
import { hashTagOf } from './keys.ts';

/** One command of a batch: the key names its slot, `add` queues it on a pipeline. */
export interface Step {
  key: string;
  add(p: ChainableCommander): void;
}

export const step = (key: string, add: (p: ChainableCommander) => void): Step => ({ key, add });

/** Parses a stored JSON value; a missing key (null) stays null. */
export const json = <T>(text: unknown): T | null =>
  typeof text === 'string' ? (JSON.parse(text) as T) : null;

/** Redis replies that mean "not now" (failover, loading, cluster reshaping), not a bug in a command. */
const TRANSIENT = /^(LOADING|CLUSTERDOWN|TRYAGAIN|MASTERDOWN|READONLY|BUSY|NOREPLICAS|MOVED|ASK)\b/;

export function toStoreError(op: string, e: unknown): Error {
  if (e instanceof MidlerError) return e;
  const err = e instanceof Error ? e : new Error(String(e));
  if (err.name === 'ReplyError' && !TRANSIENT.test(err.message)) {
    return new Error(`redis ${op}: ${err.message}`, { cause: err });
  }
  return new MidlerError('store.unavailable', `redis ${op} failed: ${err.message}`, { cause: err });
}

/**
 * Runs commands with fail-fast semantics: a call waits at most `readyWaitMs` for a connection that is
 * being (re)established, then rejects with store.unavailable. Each waiting call holds only its own
 * promise, so nothing queues without bound while Redis is away.
 */
export class RedisExec {
  readonly cluster: boolean;
  /** The connection's last error while it is not ready (its message never holds the password). */
  private connectionError: string | undefined;

  constructor(
    readonly client: Redis | Cluster,
    private readonly readyWaitMs: number,
  ) {
    this.cluster = client instanceof Cluster;
    // ioredis emits connection errors as events; without a listener Node would treat them as fatal.
    // The last one is kept, so "not connected" can say why (refused, wrong password, no master, ...).
    client.on('error', (e: unknown) => {
      this.connectionError = e instanceof Error ? e.message : String(e);
    });
    client.on('ready', () => {
      this.connectionError = undefined;
    });
  }

  private whenReady(op: string): Promise<void> {
    const { client } = this;
    if (client.status === 'ready') return Promise.resolve();
    if (client.status === 'end') {
      return Promise.reject(new MidlerError('store.unavailable', `redis ${op}: the store is closed`));
    }
    return new Promise((resolve, reject) => {
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        client.off('ready', onReady);
        const why = this.connectionError ? `: ${this.connectionError}` : '';
        reject(new MidlerError('store.unavailable', `redis ${op}: not connected (${client.status}${why})`));
      }, this.readyWaitMs);
      client.once('ready', onReady);
    });
  }

  /** Runs one call against the client, mapping failures to store.unavailable. */
  async run<T>(op: string, fn: (client: Redis | Cluster) => Promise<T>): Promise<T> {
    await this.whenReady(op);
    try {
      return await fn(this.client);
    } catch (e) {
      throw toStoreError(op, e);
    }
  }

  /**
   * One round trip for several commands. On a single server (or Sentinel) it is one pipeline, executed
   * in order on one connection. On Cluster, commands are grouped by hash tag, one pipeline per group, all
   * sent at once; groups are not ordered against each other (see docs/redis.md).
   */
  async batch(op: string, steps: Step[]): Promise<unknown[]> {
    if (steps.length === 0) return [];
    return this.run(op, async (client) => {
      const groups = new Map<string, number[]>();
      steps.forEach((s, i) => {
        const g = this.cluster ? hashTagOf(s.key) : '';
        groups.set(g, [...(groups.get(g) ?? []), i]);
      });
      const results: unknown[] = new Array(steps.length);
      let failure: unknown;
      await Promise.all(
        [...groups.values()].map(async (indexes) => {
          const p = client.pipeline();
          for (const i of indexes) steps[i]?.add(p);
          const replies = await p
            .exec()
            .catch((e: unknown) => indexes.map(() => [e, null] as [unknown, unknown]));
          (replies ?? []).forEach(([err, value], j) => {
            if (err && failure === undefined) failure = err;
            results[indexes[j] ?? 0] = value;
          });
        }),
      );
      if (failure !== undefined) throw failure;
      return results;
    });
  }
}
