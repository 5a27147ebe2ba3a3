import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Outbound } from '../../src/bot/messages.ts';
import { RETRY, type RetryDeps, retrying } from '../../src/server/retry-policy.ts';
import { ADAPTIVE_CARD, type RenderOptions, renderOutbound } from './adaptive-card.ts';
import { readConnectorFailure } from './connector-errors.ts';
import { turnDeadlineOf } from './turn-deadline.ts';

/** How a turn's replies are sent: the retry policy's in-turn profile over the Bot Connector. */
export interface ReplyDeps extends Omit<RetryDeps, 'onRetry'> {
  log: Logger;
  /** Called for every failed connector call (metrics). */
  onFailure?: (call: string, reason: string) => void;
  /** What the deployment adds to cards (the people a person input lists, directory.ts). */
  render?: RenderOptions;
}

/** The clicked card a turn may replace: its id, whether by the invoke response, and whether it is the presser's own. */
export interface Clicked {
  ref: string;
  invoke: boolean;
  own: boolean;
}

/**
 * Sends one turn's replies. A clicked card is replaced by the card that says it replaces that
 * message, and by the first card of the turn when the clicked card is the presser's own (see
 * `ownCard` in teams-adapter.ts): in an invoke (Action.Execute) through the invoke response itself;
 * for the Action.Submit fallback of older clients (a message with `value` and `replyToId`) by
 * updating the clicked message, so its buttons do not stay live. Other cards with `replaces` are
 * updated by PUT. Each connector call is retried as the in-turn policy says (a few seconds); one that
 * still fails throws, and the turn is left to the platform's redelivery.
 */
export async function sendReplies(
  context: TurnContext,
  replies: Outbound[],
  deps: ReplyDeps,
  clicked?: Clicked,
): Promise<InvokeResponse | undefined> {
  const call = <T>(what: string, work: () => Promise<T>) =>
    retrying(RETRY.inTurn, work, (e) => readConnectorFailure(e, deps.now()), {
      ...deps,
      signal: turnDeadlineOf(context),
      onRetry: (failure, waitMs, attempt) => {
        deps.onFailure?.(what, failure.reason);
        deps.log.info({ call: what, reason: failure.reason, waitMs, attempt }, 'teams: retrying a reply');
      },
    }).catch((e: unknown) => {
      deps.onFailure?.(what, readConnectorFailure(e, deps.now()).reason);
      throw e;
    });
  const cards = replies.filter((r) => r.kind === 'card');
  const inPlace = clicked
    ? (cards.find((c) => c.replaces === clicked.ref) ??
      (clicked.own ? cards.find((c) => !c.replaces) : undefined))
    : undefined;
  let invokeResponse: InvokeResponse | undefined;
  for (const reply of replies) {
    const replaces = reply.kind === 'card' ? reply.replaces : undefined;
    for (const [i, activity] of renderOutbound(reply, deps.render).entries()) {
      const card = (activity.attachments as { contentType: string; content: unknown }[] | undefined)?.[0];
      if (clicked && i === 0 && reply === inPlace && card?.contentType === ADAPTIVE_CARD) {
        if (clicked.invoke) {
          invokeResponse = {
            status: 200,
            body: { statusCode: 200, type: ADAPTIVE_CARD, value: card.content },
          };
        } else {
          await updateOrSend(context, activity, clicked.ref, call, deps.log);
        }
      } else if (i === 0 && replaces) {
        await call('update', () => context.updateActivity({ ...activity, id: replaces }));
      } else {
        await call('send', () => context.sendActivity(activity));
      }
    }
  }
  return invokeResponse;
}

type Call = <T>(what: string, work: () => Promise<T>) => Promise<T>;

/** The clicked message may be gone or too old to edit: then the next step is posted as new. */
async function updateOrSend(
  context: TurnContext,
  activity: Partial<Activity>,
  id: string,
  call: Call,
  log: Logger,
): Promise<void> {
  try {
    await call('update', () => context.updateActivity({ ...activity, id }));
  } catch (e) {
    if (readConnectorFailure(e, Date.now()).verdict === 'unknown') throw e;
    log.warn({ err: e, activityId: id }, 'teams: could not update the clicked card; sending a new one');
    await call('send', () => context.sendActivity(activity));
  }
}
