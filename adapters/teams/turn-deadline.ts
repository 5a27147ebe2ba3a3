import type { TurnContext } from 'botbuilder';
import { deadlineSignal } from '../../src/server/deadline.ts';

/**
 * The answer deadline of the turn a context belongs to, carried on the context so the connector
 * calls of its replies are cancelled with it (src/server/deadline.ts). A proactive send has no turn
 * deadline of its own: it runs under the reminder send's ambient one.
 */
const TURN_DEADLINE = Symbol('midlerbot.turnDeadline');

export function setTurnDeadline(context: TurnContext, signal: AbortSignal): void {
  context.turnState.set(TURN_DEADLINE, signal);
}

export function turnDeadlineOf(context: TurnContext): AbortSignal | undefined {
  return context.turnState.get<AbortSignal | undefined>(TURN_DEADLINE) ?? deadlineSignal();
}
