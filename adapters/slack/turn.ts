import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { TurnReplies, TurnRunner } from '../../src/bot/engine-port.ts';
import type { Inbound, Outbound } from '../../src/bot/messages.ts';
import type { Locale } from '../../src/domain/call.ts';
import type { Clock } from '../../src/domain/clock.ts';
import { isDeadlineError } from '../../src/server/deadline.ts';
import type { Metrics } from '../../src/server/metrics.ts';
import type { AckState, DeliveryClaim } from './delivery.ts';
import { type IdentityCache, identify } from './identity.ts';
import type { ConversationKind } from './inbound.ts';
import { namesOf, withPickedNames } from './people.ts';
import { readSlackFailure } from './web-errors.ts';

type WebClient = webApi.WebClient;

/**
 * Who a turn is for and where it happens. A `personal` channel is always the user's own DM with the
 * bot (callers resolve it with BotDms): only that may become their personal conversation reference.
 */
export interface Who {
  userId: string;
  teamId?: string | undefined;
  channel: string;
  kind: ConversationKind;
  /** The answers go to this person only (ephemeral in a channel, or a modal). */
  private?: boolean;
}

export function deliveryOf(context: Record<string, unknown>): DeliveryClaim | undefined {
  const d = context.delivery;
  if (typeof d !== 'object' || d === null || !('key' in d) || !('ttlSeconds' in d)) return undefined;
  return typeof d.key === 'string' && typeof d.ttlSeconds === 'number'
    ? { key: d.key, ttlSeconds: d.ttlSeconds }
    : undefined;
}

export function ackStateOf(context: Record<string, unknown>): AckState {
  const state = context.ackState;
  if (
    typeof state === 'object' &&
    state !== null &&
    'ackExpired' in state &&
    typeof state.ackExpired === 'function'
  ) {
    return state as AckState;
  }
  return { ackExpired: () => false };
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export interface RunDeps {
  turn: TurnRunner;
  clock: Clock;
  log: Logger;
  identities: IdentityCache;
  metrics?: Metrics | undefined;
}

/** A turn's replies, with how to settle its de-duplication once they are delivered. */
export interface RunResult {
  replies: Outbound[];
  locale: Locale;
  settle?: TurnReplies['settle'];
}

/** Slack conversation ids: a payload naming anything else names no conversation. */
const CHANNEL_ID = /^[A-Z0-9]{2,}$/;

export type Run = (
  client: WebClient,
  who: Who,
  body: Pick<Inbound, 'text' | 'action'>,
  context: Record<string, unknown>,
  /** Slack user ids picked in the submitted form's users_select elements: named for the dialog. */
  picked?: readonly string[],
) => Promise<RunResult>;

/**
 * Builds the Inbound and runs the turn. The delivery's dedup claim, the conversation reference (where
 * the user can be reached) and, after a users.info lookup, the profile are the turn's bookkeeping:
 * the engine sends them with its own Store calls instead of each costing a round trip.
 */
export function makeRun(deps: RunDeps): Run {
  const { clock, log, identities } = deps;
  return async (client, who, body, context, picked = []) => {
    if (typeof who.channel !== 'string' || !CHANNEL_ID.test(who.channel)) {
      // Signed, but about no conversation: nothing to answer in, and no reference to keep.
      log.warn({ userId: who.userId, kind: who.kind }, 'slack payload without a channel refused');
      deps.metrics?.inputRefused.inc({ platform: 'slack', reason: 'no-channel' });
      return { replies: [], locale: 'nb' };
    }
    // The sender and the people they picked are looked up together: a modal submit waits for this.
    const [me, action] = await Promise.all([
      identify(identities, client, who.userId, log),
      withPickedNames(body.action, picked, (ids) => namesOf(ids, identities, client, log)),
    ]);
    const once = deliveryOf(context);
    const inbound: Inbound = {
      platform: 'slack',
      user: { id: who.userId, name: me.name, ...(me.locale ? { locale: me.locale } : {}) },
      conversation: { id: who.channel, kind: who.kind, ...(who.private ? { private: true } : {}) },
      ...body,
      ...(action ? { action } : {}),
      at: clock(),
      bookkeeping: {
        ...(once ? { once } : {}),
        remember: {
          platform: 'slack',
          key: `slack:${who.channel}`,
          conversationId: who.channel,
          kind: who.kind,
          ...(who.kind === 'personal' ? { userId: who.userId } : {}),
          data: { channel: who.channel, ...(who.teamId ? { teamId: who.teamId } : {}) },
          updatedAt: clock().toISOString(),
        },
        ...(me.fresh ? { keepProfile: true } : {}),
      },
    };
    const result = await deps.turn(inbound);
    const locale = result.locale ?? me.locale ?? 'nb';
    identities.noteLocale(who.userId, locale);
    return { replies: result.replies, locale, ...(result.settle ? { settle: result.settle } : {}) };
  };
}

/**
 * Delivers a turn's replies and settles its de-duplication (docs/reliability.md, "Turns"): answered
 * once delivered, or when delivery failed for a reason a redelivery cannot fix; given back when it
 * failed unclearly (a timeout, a reset, a 5xx), so Slack's retry of the event is answered.
 */
export async function delivered(turn: RunResult, deliver: () => Promise<void>): Promise<void> {
  try {
    await deliver();
    await turn.settle?.('answered');
  } catch (e) {
    const unclear = isDeadlineError(e) || readSlackFailure(e).verdict === 'unknown';
    await turn.settle?.(unclear ? 'unanswered' : 'answered');
    throw e;
  }
}
