import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from 'pino';
import type { AckState } from './delivery.ts';

export interface SocketModeHostOptions {
  /**
   * The receiver holding the WebSocket: Bolt's SocketModeReceiver (tests pass one that never
   * connects). It hands every envelope's payload to `app.processEvent`, as it does for an App.
   */
  inner: Receiver;
  log: Logger;
  /** Slack wants the envelope acked within 3 s; an empty ack goes out at this point at the latest. */
  ackTimeoutMs?: number;
}

/**
 * Socket Mode with the same ack rules as the HTTP `HostReceiver`: Bolt's SocketModeReceiver acks only
 * when a listener does (a slow modal submit would be acked after Slack gave up, and its answer lost
 * without notice). This wraps it: between the socket and the App every event gets an ack deadline
 * (an empty ack at `ackTimeoutMs`), `context.ackState` telling listeners whether their own ack still
 * counts (the deadline passed, or the socket could not send it), and an empty ack when no listener
 * acked. De-duplication is not here: the listeners name the delivery from the payload
 * (`delivery.ts`), identically for both receivers.
 */
export class SocketModeHost implements Receiver {
  private readonly pending = new Set<Promise<void>>();
  private readonly ackTimeoutMs: number;

  constructor(private readonly options: SocketModeHostOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 2500;
  }

  init(app: App): void {
    // The inner receiver only calls `processEvent` on the App it is given: it gets this relay, which
    // guards each event's ack before the real App sees it.
    const relay = { processEvent: (event: ReceiverEvent) => this.process(app, event) };
    this.options.inner.init(relay as unknown as App);
  }

  start(...args: unknown[]): Promise<unknown> {
    return this.options.inner.start(...args);
  }

  async stop(...args: unknown[]): Promise<unknown> {
    await this.idle();
    return this.options.inner.stop(...args);
  }

  /** Waits for work still running after its ack (graceful shutdown, and tests). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private process(app: App, event: ReceiverEvent): Promise<void> {
    const { log } = this.options;
    const send = event.ack;
    let acked = false;
    let expired = false;
    let timer: NodeJS.Timeout | undefined;
    const ack = async (response?: unknown): Promise<void> => {
      clearTimeout(timer);
      if (acked) return;
      acked = true;
      try {
        await send(response);
      } catch (e) {
        // The socket is gone (Slack redelivers events to another connection; the dedup claim drops
        // the copy). The listener's answer did not reach Slack: it goes to the chat instead.
        expired = true;
        log.warn({ err: e }, 'slack socket ack failed; work continues');
      }
    };
    timer = setTimeout(() => {
      if (acked) return;
      expired = true;
      log.warn({ ackTimeoutMs: this.ackTimeoutMs }, 'slack ack timed out; acked empty, work continues');
      void ack();
    }, this.ackTimeoutMs);
    const state: AckState = { ackExpired: () => expired };
    const guarded: ReceiverEvent = {
      ...event,
      ack,
      customProperties: { ...event.customProperties, ackState: state },
    };
    const work = app.processEvent(guarded).finally(async () => {
      clearTimeout(timer);
      // No listener acked (nothing matched, or a middleware dropped it): Slack still gets its ack.
      if (!acked) await ack();
    });
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(settled);
    void settled.finally(() => this.pending.delete(settled));
    // Errors go back to the inner receiver, whose error handler decides (its ack is then a no-op).
    return work;
  }
}
