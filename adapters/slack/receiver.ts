import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Clock } from '../../src/domain/clock.ts';
import type { HostRequest, HostResponse } from '../../src/server/http-types.ts';
import { dedupKeyOf, parseSlackBody } from './parse.ts';
import { verifySlackSignature } from './verify.ts';

export interface HostReceiverOptions {
  signingSecret: string;
  clock: Clock;
  /** Slack wants an answer within 3 s; an empty 200 goes out at this point at the latest. */
  ackTimeoutMs?: number;
  /** How long a delivery id is remembered for deduplication (Slack retries within minutes). */
  dedupTtlSeconds?: number;
}

/** Custom context given to listeners: whether the HTTP answer already went out without them. */
export interface AckState {
  ackExpired: () => boolean;
}

/**
 * Custom context given to listeners (`context.delivery`): the once-only key of this delivery. Slack
 * retries events it got no timely ack for with the same id; the listener that has an effect claims
 * it, a chat turn through `Inbound.bookkeeping.once`.
 */
export interface DeliveryClaim {
  key: string;
  ttlSeconds: number;
}

function headerOf(req: HostRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function toResponse(answer: unknown): HostResponse {
  if (answer === undefined || answer === null || answer === '') return { status: 200 };
  if (typeof answer === 'string')
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: answer };
  return { status: 200, body: answer };
}

/**
 * Bolt's receiver on the shared host (bolt-js "custom receivers"): it only verifies, parses, names the
 * delivery's dedup key and acknowledges, then hands the body to `app.processEvent`. The HTTP answer is
 * whatever the listener acks with, or an empty 200 after `ackTimeoutMs`; the work goes on after it.
 */
export class HostReceiver implements Receiver {
  private app: App | undefined;
  private readonly pending = new Set<Promise<void>>();
  private readonly ackTimeoutMs: number;
  private readonly dedupTtl: number;

  constructor(private readonly options: HostReceiverOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 2500;
    this.dedupTtl = options.dedupTtlSeconds ?? 3600;
  }

  init(app: App): void {
    this.app = app;
  }

  /** The host owns the listening socket. */
  async start(): Promise<void> {}

  /** Waits for work still running after its ack (graceful shutdown, and tests). */
  async stop(): Promise<void> {
    await this.idle();
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async handle(req: HostRequest): Promise<HostResponse> {
    const verdict = verifySlackSignature(
      req.headers,
      req.rawBody,
      this.options.signingSecret,
      this.options.clock(),
    );
    if (!verdict.ok) {
      req.log.warn({ reason: verdict.reason }, 'slack request refused: signature');
      return { status: 401, body: { error: 'invalid-signature' } };
    }
    const parsed = parseSlackBody(req.headers, req.rawBody);
    if (parsed.kind === 'invalid') {
      if (new URLSearchParams(req.rawBody.toString('utf8')).get('ssl_check') === '1') return { status: 200 };
      req.log.warn('slack request refused: unreadable body');
      return { status: 400, body: { error: 'bad-request' } };
    }
    if (parsed.kind === 'url_verification') return { status: 200, body: { challenge: parsed.challenge } };
    const app = this.app;
    if (!app) throw new Error('HostReceiver used before Bolt initialised it');

    const body = parsed.body;
    const key = dedupKeyOf(body);
    const team = typeof body.team_id === 'string' ? body.team_id : teamOf(body);
    // Dedup is not done here (that would be a round trip of its own before the turn): the listener that
    // acts on the delivery claims it, a turn in the engine's first round trip (see docs/redis.md).
    const delivery: DeliveryClaim | undefined =
      key === undefined ? undefined : { key: `slack:delivery:${team}:${key}`, ttlSeconds: this.dedupTtl };

    return new Promise<HostResponse>((resolve) => {
      let answered = false;
      let expired = false;
      const answer = (out: HostResponse) => {
        if (answered) return;
        answered = true;
        resolve(out);
      };
      const timer = setTimeout(() => {
        if (answered) return;
        expired = true;
        req.log.warn(
          { ackTimeoutMs: this.ackTimeoutMs },
          'slack ack timed out; answered empty, work continues',
        );
        answer({ status: 200 });
      }, this.ackTimeoutMs);
      const retryNum = Number(headerOf(req, 'x-slack-retry-num'));
      const retryReason = headerOf(req, 'x-slack-retry-reason');
      const state: AckState = { ackExpired: () => expired };
      const event: ReceiverEvent = {
        body,
        ack: async (response?: unknown) => {
          clearTimeout(timer);
          answer(toResponse(response));
        },
        ...(Number.isInteger(retryNum) ? { retryNum } : {}),
        ...(retryReason ? { retryReason } : {}),
        customProperties: { ackState: state, ...(delivery ? { delivery } : {}) },
      };
      const work: Promise<void> = app
        .processEvent(event)
        .catch((e: unknown) => req.log.error({ err: e }, 'slack event processing failed'))
        .finally(() => {
          clearTimeout(timer);
          // No listener acked (nothing matched, or a middleware dropped it): Slack still gets its 200.
          answer({ status: 200 });
          this.pending.delete(work);
        });
      this.pending.add(work);
    });
  }
}

function teamOf(body: Record<string, unknown>): string {
  const team = body.team;
  if (typeof team === 'object' && team !== null && 'id' in team && typeof team.id === 'string')
    return team.id;
  return 'unknown';
}
