import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import { createHttpHost } from './http-host.ts';
import type { HostResponse, Route } from './http-types.ts';
import type { Metrics } from './metrics.ts';

/**
 * Where Prometheus reads /metrics. The series tell an outsider how busy the bot is and which
 * platforms fail, so they are not public: they are served on their own listener (METRICS_PORT,
 * loopback unless METRICS_HOST says otherwise), and on the bot's public port only to a caller with
 * `Authorization: Bearer <METRICS_TOKEN>` when a token is set; without one not at all there.
 */

function metricsRoute(metrics: Metrics, allowed: (authorization: string | undefined) => boolean): Route {
  return {
    method: 'GET',
    path: '/metrics',
    handler: async (req): Promise<HostResponse> => {
      if (!allowed(req.headers.authorization)) {
        req.log.warn('metrics: refused a request without the right bearer token');
        return {
          status: 401,
          headers: { 'www-authenticate': 'Bearer realm="metrics"' },
          body: { error: 'unauthorized' },
        };
      }
      return { status: 200, headers: { 'content-type': metrics.contentType }, body: await metrics.render() };
    },
  };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** True when `authorization` is `Bearer <token>`; compared in constant time. */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

/** /metrics for the bot's public port: only with a token set, and only to a caller who presents it. */
export function publicMetricsRoutes(metrics: Metrics, token: string | undefined): Route[] {
  return token ? [metricsRoute(metrics, (auth) => bearerMatches(auth, token))] : [];
}

export interface MetricsListener {
  readonly port: number;
  /** e.g. http://127.0.0.1:9464/metrics, for the start-up log. */
  readonly url: string;
  close(): Promise<void>;
}

/** The metrics-only listener (no token: who can reach the address may read). */
export async function listenMetrics(options: {
  metrics: Metrics;
  log: Logger;
  port: number;
  host: string;
}): Promise<MetricsListener> {
  const host = createHttpHost({
    log: options.log,
    metrics: options.metrics,
    routes: [metricsRoute(options.metrics, () => true)],
  });
  const port = await host.listen(options.port, options.host);
  const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
  return { port, url: `http://${shown}:${port}/metrics`, close: () => host.close(1_000) };
}
