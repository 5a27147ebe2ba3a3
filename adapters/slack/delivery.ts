import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/**
 * Custom context given to listeners (`context.delivery`): the once-only key of this delivery. Slack
 * retries events it got no timely ack for with the same id; the listener that has an effect claims
 * it, a chat turn through `Inbound.bookkeeping.once`.
 */
export interface DeliveryClaim {
  key: string;
  ttlSeconds: number;
}

/**
 * Custom context given to listeners (`context.ackState`) by both receivers: whether Slack's answer
 * already went out without the listener (the ack deadline passed, or the ack could not be sent), so a
 * listener that acks with content (a modal submit) posts that content to the chat instead.
 */
export interface AckState {
  ackExpired: () => boolean;
}

/** How long a delivery id is remembered (Slack retries within minutes). */
export const DELIVERY_TTL_SECONDS = 3600;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The id a delivery is deduplicated on, from the payload alone, so it is the same whichever receiver
 * brought it (HTTP, or a Socket Mode envelope, whose `payload` is the same body): the event id for
 * Events API callbacks (Slack retries with the same one), otherwise the interaction's or command's
 * trigger id, or action_ts + message ts for a button press without one.
 *
 * A view id is never used: a modal whose submit was answered with inline errors is submitted again
 * with the same view id and hash (and a new trigger id), which is a new delivery.
 */
export function deliveryIdOf(body: Record<string, unknown>): string | undefined {
  if (body.type === 'event_callback' && typeof body.event_id === 'string') return `evt:${body.event_id}`;
  if (typeof body.trigger_id === 'string' && body.trigger_id !== '') return `trg:${body.trigger_id}`;
  const actions = Array.isArray(body.actions) ? body.actions : [];
  const first: unknown = actions[0];
  const container = isObject(body.container) ? body.container : {};
  if (isObject(first) && typeof first.action_ts === 'string') {
    return `act:${first.action_ts}:${String(container.message_ts ?? '')}`;
  }
  return undefined;
}

function teamOf(body: Record<string, unknown>): string {
  if (typeof body.team_id === 'string') return body.team_id;
  const team = body.team;
  if (isObject(team) && typeof team.id === 'string') return team.id;
  return 'unknown';
}

/** The delivery's claim, `slack:delivery:{team}:{id}`, or undefined when the payload names no id. */
export function deliveryClaimOf(
  body: Record<string, unknown>,
  ttlSeconds: number = DELIVERY_TTL_SECONDS,
): DeliveryClaim | undefined {
  const id = deliveryIdOf(body);
  return id === undefined ? undefined : { key: `slack:delivery:${teamOf(body)}:${id}`, ttlSeconds };
}

/**
 * Global middleware: names every payload's delivery claim in `context.delivery` before any listener
 * runs, whichever receiver delivered it. Nothing is claimed here (that would be a Store round trip of
 * its own before the turn): the listener that acts claims it, a turn in the engine's first round trip.
 */
export function deliveryMiddleware(ttlSeconds: number = DELIVERY_TTL_SECONDS): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const claim = deliveryClaimOf(body as unknown as Record<string, unknown>, ttlSeconds);
    if (claim) context.delivery = claim;
    else delete context.delivery;
    await next();
  };
}

/**
 * Called right after an ack: the turn's work waits one turn of the event loop, so requests that
 * arrived meanwhile are read and acked first. Under a burst of commands the acks (Slack's 3 s limit)
 * then go before the answers (which have minutes through response_url), docs/performance.md.
 */
export function afterAck(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
