import type { Locale } from '../domain/call.ts';
import type { Inbound, Outbound, TurnResult } from './messages.ts';

/** What an adapter drives: one neutral event in, the replies and notifications out. */
export interface Engine {
  handle(event: Inbound): Promise<TurnResult>;
  /**
   * True when `handle` does the event's `bookkeeping` itself, in its first round trip (createEngine
   * does). For other engines (test doubles) the turn runner does it before calling them.
   */
  readonly doesBookkeeping?: boolean;
}

/** What a turn gives back to the adapter that ran it. */
export interface TurnReplies {
  /** Replies for the current conversation (empty for a duplicate). */
  replies: Outbound[];
  /** The language the replies are in, when the engine said (the user's choice wins over the platform's). */
  locale?: Locale;
  /** A redelivery of an event already handled (`bookkeeping.once` was claimed before): nothing was done. */
  duplicate?: boolean;
  /**
   * The adapter says how the answer went, once it knows (docs/reliability.md, "Turns"): `answered`
   * (sent, or refused for a reason a redelivery cannot fix) marks the delivery done; `unanswered` (a
   * timeout, a reset, a 5xx) gives it back so the platform's redelivery is answered. Absent when there
   * is nothing to settle (no dedup key, a duplicate).
   */
  settle?: (outcome: 'answered' | 'unanswered') => Promise<void>;
}

/**
 * What adapters call per turn: runs the engine, delivers its notifications to other people through
 * the platforms' senders, and returns the replies for the current conversation.
 */
export type TurnRunner = (event: Inbound) => Promise<TurnReplies>;
