import type { Catalog } from '../domain/catalog.ts';
import type { Store } from '../store/store.ts';
import type { Route } from './http-types.ts';
import type { Metrics } from './metrics.ts';

export interface HealthDeps {
  store: Store;
  catalog: () => Catalog | undefined;
  /** Each loaded call's version (a hash of its file and text), so an operator sees a reload took. */
  versions?: () => { id: string; version: string }[];
  metrics: Metrics;
  /** True once shutdown began: the load balancer should stop sending traffic. */
  draining: () => boolean;
  /** Bound on the store ping, so a hung Redis makes /readyz answer 503 instead of hanging. */
  pingTimeoutMs?: number;
  /** What the background loops report as wrong (a stalled reminder tick). */
  problems?: () => string[];
}

async function pingWithin(store: Store, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      store.ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET /healthz (the process answers), GET /readyz (store reachable, calls loaded, no loop stalled),
 * GET /metrics.
 */
export function healthRoutes(deps: HealthDeps): Route[] {
  return [
    { method: 'GET', path: '/healthz', handler: async () => ({ status: 200, body: { status: 'ok' } }) },
    {
      method: 'GET',
      path: '/readyz',
      handler: async (req) => {
        const reasons: string[] = [];
        if (deps.draining()) reasons.push('shutting down');
        try {
          await pingWithin(deps.store, deps.pingTimeoutMs ?? 2_000);
        } catch (e) {
          deps.metrics.redisErrors.inc();
          req.log.warn({ err: e }, 'readiness: store ping failed');
          reasons.push('store unreachable');
        }
        const catalog = deps.catalog();
        if (!catalog || catalog.calls.length === 0) reasons.push('no calls loaded');
        reasons.push(...(deps.problems?.() ?? []));
        return reasons.length === 0
          ? {
              status: 200,
              body: {
                status: 'ready',
                calls: catalog?.calls.map((c) => c.id) ?? [],
                ...(deps.versions ? { versions: deps.versions() } : {}),
              },
            }
          : { status: 503, body: { status: 'not-ready', reasons } };
      },
    },
  ];
}
