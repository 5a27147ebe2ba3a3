import type { Sender } from '../bot/ports.ts';
import type { Platform } from '../domain/application.ts';
import type { Catalog } from '../domain/catalog.ts';
import type { Clock } from '../domain/clock.ts';
import type { Metrics } from '../server/metrics.ts';
import type { RetryPolicy } from '../server/retry-policy.ts';
import type { Store } from '../store/store.ts';

/** The part of a pino logger the scheduler uses. */
export interface SchedulerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface RateWindow {
  limit: number;
  windowMs: number;
}

export interface ReminderLoopDeps {
  store: Store;
  senders: readonly Sender[];
  /** Reminders of a call no longer in the catalog are dropped. */
  catalog: Catalog;
  clock: Clock;
  /** This replica's name in leases. */
  owner: string;
  /**
   * How long a claim is held; must outlast a send, including the senders' own 429 and rate waits
   * (Teams: up to three Retry-After waits of 60 s). Default 5 minutes. An item of the batch reached
   * with less than half of it left is not sent but put back for the next round.
   */
  leaseMs?: number;
  /** Items claimed per tick. Default 50. */
  batch?: number;
  /** Pause between ticks of `start()`. Default 15 s. */
  intervalMs?: number;
  log: SchedulerLog;
  /** Posts per target conversation and window, per platform (Slack: about one a second per channel). */
  perTarget?: Partial<Record<Platform, RateWindow>>;
  /**
   * Back-off after unclear failures (src/server/retry-policy.ts, `reminders`): jittered, doubling per
   * claim up to `maxDelayMs`; a reminder still failing `totalMs` after it was due is dropped.
   */
  backoff?: RetryPolicy;
  /** Jitter of the back-off (tests pin it). */
  random?: () => number;
  /**
   * Each send is cut off after this (its platform calls are cancelled) and retried later as an
   * unclear failure. Default 30 s; must stay well under half the lease.
   */
  sendDeadlineMs?: number;
  /** Conversations sent to at once, per platform. Default 4. */
  concurrency?: number;
  /** Stalls are counted here (a tick running longer than three intervals). */
  metrics?: Pick<Metrics, 'reminderLoopStalled' | 'reminderStalls'>;
  /** Told how many reminders each tick claimed and when each went out (the host's metrics). */
  observe?: {
    claimed?(count: number): void;
    sent?(platform: Platform, dueAt: string, sentAt: Date): void;
  };
  /** Monotonic ms for the stall watch (default performance.now). */
  monotonic?: () => number;
  /**
   * Personal reminders are re-checked against the application and the recipient's profile before
   * they are sent. Both are read once for the batch; a read older than this (sends before it took
   * time) is read again for the rest of the batch. Default 5 s.
   */
  recheckMaxAgeMs?: number;
}

export type Outcome =
  | 'sent'
  | 'duplicate'
  | 'expired'
  | 'superseded'
  | 'obsolete'
  | 'moot'
  | 'throttled'
  | 'deferred'
  | 'retry'
  | 'unsubscribed'
  | 'unreachable'
  | 'gave-up'
  | 'refused'
  | 'released'
  | 'lease-lost';

export interface TickReport {
  claimed: number;
  outcomes: { id: string; outcome: Outcome }[];
  /** When the earliest channel whose window filled up in this tick can post again (epoch ms). */
  nextWindowAt?: number;
}

export interface ReminderLoop {
  /** Runs ticks every `intervalMs` until stopped. */
  start(): void;
  /** Stops claiming at once (shutdown began); `stop` then waits for the tick in flight. */
  drain(): void;
  /**
   * Stops claiming: the tick in flight finishes the sends it started (each within its deadline) and
   * gives back the items it had not started; resolves when it is done.
   */
  stop(): Promise<void>;
  /** Why the loop is unhealthy (a stalled tick), for /readyz; undefined when it is fine. */
  problem(): string | undefined;
  /** One round: claim what is due, deliver, acknowledge. */
  tickOnce(): Promise<TickReport>;
}
