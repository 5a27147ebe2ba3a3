import type { Inbound, TurnResult } from './messages.ts';

/** What an adapter drives: one neutral event in, the replies and notifications out. */
export interface Engine {
  handle(event: Inbound): Promise<TurnResult>;
}

/**
 * What adapters call per turn: runs the engine, delivers its notifications to other people through
 * the platforms' senders, and returns the replies for the current conversation.
 */
export type TurnRunner = (event: Inbound) => Promise<import('./messages.ts').Outbound[]>;
