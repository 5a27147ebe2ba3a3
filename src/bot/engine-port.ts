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
}

/**
 * What adapters call per turn: runs the engine, delivers its notifications to other people through
 * the platforms' senders, and returns the replies for the current conversation.
 */
export type TurnRunner = (event: Inbound) => Promise<TurnReplies>;
