import type { Inbound, TurnResult } from './messages.ts';

/** What an adapter drives: one neutral event in, the replies and notifications out. */
export interface Engine {
  handle(event: Inbound): Promise<TurnResult>;
}
