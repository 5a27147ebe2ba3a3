import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Clock } from '../../src/domain/clock.ts';
import type { HostRequest, HostResponse } from '../../src/server/http-types.ts';
import type { AckState } from './delivery.ts';
import { parseSlackBody } from './parse.ts';
import { verifySlackSignature } from './verify.ts';

export interface HostReceiverOptions {
  signingSecret: string;
  clock: Clock;
  /** Slack wants an answer within 3 s; an empty 200 goes out at this point at the latest. */
  ackTimeoutMs?: number;
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
 * Bolt's receiver on the shared host (bolt-js "custom receivers"): it only verifies, parses and
 * acknowledges, then hands the body to `app.processEvent`. The HTTP answer is whatever the listener
 * acks with, or an empty 200 after `ackTimeoutMs`; the work goes on after it. The delivery's dedup key
 * is named by the listeners' middleware from the body (`delivery.ts`), as for Socket Mode.
 */
export class HostReceiver implements Receiver {
  private app: App | undefined;
  private readonly pending = new Set<Promise<void>>();
  private readonly ackTimeoutMs: number;

  constructor(private readonly options: HostReceiverOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 2500;
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
        customProperties: { ackState: state },
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
