import { type Activity, CloudAdapter, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { Logger } from 'pino';
import type { TurnRunner } from '../../src/bot/engine-port.ts';
import type { Inbound, Outbound } from '../../src/bot/messages.ts';
import type { Clock } from '../../src/domain/clock.ts';
import type { PlatformAdapter, Route } from '../../src/server/http-types.ts';
import type { Store } from '../../src/store/store.ts';
import { parseActivity, TeamsActivity } from './activity-parse.ts';
import { ADAPTIVE_CARD, renderOutbound } from './adaptive-card.ts';
import { authenticateActivity, createTeamsAuth, type TeamsAuthSettings } from './auth.ts';
import { refFromActivity } from './conversation-ref.ts';
import { withPickedNames } from './people.ts';
import { createTeamsSender } from './proactive-sender.ts';
import { createRateGate, realSleep, type Sleep } from './rate-limit.ts';

export interface TeamsAdapterOptions {
  settings: TeamsAuthSettings;
  /** NODE_ENV=production: refuses to run without an app id. */
  production: boolean;
  store: Store;
  runTurn: TurnRunner;
  clock: Clock;
  log: Logger;
  sleep?: Sleep;
  /** Longest a proactive send waits for a rate-limit slot before reporting `rate-limited`. */
  maxRateWaitMs?: number;
  /** What a new conversation is greeted with: the text is run as the user's first turn. */
  greetingText?: string;
}

export interface TeamsAdapter extends PlatformAdapter {
  readonly platform: 'teams';
  /** False when no app id is configured (local development). */
  readonly authenticated: boolean;
}

/** CloudAdapter whose protected processActivity takes our pre-authenticated result. */
class HostedCloudAdapter extends CloudAdapter {
  run(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(auth, activity, logic);
  }
}

const DEDUP_TTL_SECONDS = 24 * 3600;
const GREETED_TTL_SECONDS = 400 * 24 * 3600;

/**
 * POST /api/messages on the host. Authentication runs first, outside botbuilder's `process()`,
 * because `process()` answers a bad signature with 500 and echoes error messages in the body; the
 * authenticated result is then handed to CloudAdapter, which builds the turn and connector client.
 */
export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsAdapter {
  const log = options.log.child({ platform: 'teams' });
  const auth = createTeamsAuth(options.settings, options.production);
  const cloud = new HostedCloudAdapter(auth.authentication);
  const store = options.store;
  const sleep = options.sleep ?? realSleep;
  const sender = createTeamsSender({
    cloud,
    appId: auth.appId,
    store,
    clock: options.clock,
    sleep,
    log,
    gate: createRateGate({
      store,
      clock: options.clock,
      sleep,
      appId: auth.appId,
      maxWaitMs: options.maxRateWaitMs ?? 30_000,
    }),
  });

  /**
   * Sends the replies of one turn. A clicked card is replaced by the card that says it replaces that
   * message, and by the first card of the turn when the clicked card is the presser's own (see
   * `ownCard`): in an invoke (Action.Execute) through the invoke
   * response itself; for the Action.Submit fallback of older clients (a message with `value` and
   * `replyToId`) by updating the clicked message, so its buttons do not stay live. Other cards with
   * `replaces` are updated by PUT.
   */
  async function sendReplies(
    context: TurnContext,
    replies: Outbound[],
    clicked?: { ref: string; invoke: boolean; own: boolean },
  ): Promise<InvokeResponse | undefined> {
    const cards = replies.filter((r) => r.kind === 'card');
    const inPlace = clicked
      ? (cards.find((c) => c.replaces === clicked.ref) ??
        (clicked.own ? cards.find((c) => !c.replaces) : undefined))
      : undefined;
    let invokeResponse: InvokeResponse | undefined;
    for (const reply of replies) {
      const replaces = reply.kind === 'card' ? reply.replaces : undefined;
      for (const [i, activity] of renderOutbound(reply).entries()) {
        const card = (activity.attachments as { contentType: string; content: unknown }[] | undefined)?.[0];
        if (clicked && i === 0 && reply === inPlace && card?.contentType === ADAPTIVE_CARD) {
          if (clicked.invoke) {
            invokeResponse = {
              status: 200,
              body: { statusCode: 200, type: ADAPTIVE_CARD, value: card.content },
            };
          } else {
            await updateOrSend(context, activity, clicked.ref);
          }
        } else if (i === 0 && replaces) {
          await context.updateActivity({ ...activity, id: replaces });
        } else {
          await context.sendActivity(activity);
        }
      }
    }
    return invokeResponse;
  }

  /** The clicked message may be gone or too old to edit: then the next step is posted as new. */
  async function updateOrSend(context: TurnContext, activity: Partial<Activity>, id: string): Promise<void> {
    try {
      await context.updateActivity({ ...activity, id });
    } catch (e) {
      log.warn({ err: e, activityId: id }, 'teams: could not update the clicked card; sending a new one');
      await context.sendActivity(activity);
    }
  }

  async function handleTurn(context: TurnContext, activity: TeamsActivity): Promise<void> {
    const event = parseActivity(activity, options.clock());
    const ref = refFromActivity(activity, options.clock());
    if (event.kind === 'ignored') {
      log.debug({ reason: event.reason, type: activity.type }, 'teams: activity ignored');
      return;
    }
    if (event.kind === 'uninstalled') {
      await store.deleteConversationRef(ref.key);
      log.info({ conversation: ref.key }, 'teams: app removed from conversation');
      return;
    }
    if (event.kind === 'installed') {
      // Not a chat turn (once per installation): the reference is stored whatever the greeting claim says.
      const [, first] = await Promise.all([
        store.putConversationRef(ref),
        store.claimOnce(`teams:greeted:${ref.key}`, GREETED_TTL_SECONDS),
      ]);
      if (!first) return;
      log.info({ conversation: ref.key, kind: ref.kind }, 'teams: installed; greeting');
      const { replies } = await options.runTurn({
        platform: 'teams',
        user: { id: activity.from.aadObjectId ?? activity.from.id, name: activity.from.name ?? '' },
        conversation: { id: ref.conversationId, kind: ref.kind },
        text: options.greetingText ?? 'help',
        at: options.clock(),
      });
      await sendReplies(context, replies);
      return;
    }
    // The engine does the bookkeeping in its first round trip (issue 3). Teams retries activities it
    // got no timely answer for: one effect per activity id. Personal chats refresh their reference, so
    // users who talked to the bot stay reachable. While the store is down the turn answers "try again".
    // People picked in a submitted card are named first (time-boxed, needs this turn's context).
    const inbound = await withPickedNames(context, event.inbound, log);
    const { replies, duplicate } = await options.runTurn({
      ...inbound,
      bookkeeping: {
        ...(activity.id
          ? {
              once: {
                key: `teams:activity:${ref.conversationId}:${activity.id}`,
                ttlSeconds: DEDUP_TTL_SECONDS,
              },
            }
          : {}),
        ...(ref.kind === 'personal' ? { remember: ref } : {}),
        // Leaders picked with the people picker are shown by the name their own turns stored.
        keepProfile: true,
      },
    });
    if (duplicate)
      log.info({ activityId: activity.id, type: activity.type }, 'teams: duplicate activity ignored');
    // A duplicate has no replies: an invoke still gets its (empty) answer, or Teams shows an error.
    const clickedRef = event.inbound.action?.messageRef;
    const invokeResponse = await sendReplies(
      context,
      replies,
      clickedRef
        ? { ref: clickedRef, invoke: event.invoke, own: ownCard(ref.kind, event.inbound) }
        : undefined,
    );
    if (event.invoke) {
      await context.sendActivity({
        type: 'invokeResponse',
        value: invokeResponse ?? {
          status: 200,
          body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '' },
        },
      });
    }
  }

  const route: Route = {
    method: 'POST',
    path: '/api/messages',
    json: true,
    async handler(req) {
      const body: unknown = JSON.parse(req.rawBody.toString('utf8'));
      const parsed = TeamsActivity.safeParse(body);
      if (!parsed.success) {
        req.log.warn(
          { issues: parsed.error.issues.slice(0, 5).map((i) => i.path.join('.')) },
          'teams: not an activity',
        );
        return { status: 400, body: { error: 'invalid-activity' } };
      }
      const header = req.headers.authorization ?? '';
      const outcome = await authenticateActivity(auth, body as Activity, header);
      if (!outcome.ok) {
        req.log.warn(
          { status: outcome.status, reason: outcome.reason },
          'teams: request rejected by authentication',
        );
        return {
          status: outcome.status,
          body: { error: outcome.status === 503 ? 'auth-unavailable' : 'unauthorized' },
        };
      }
      const response = await cloud.run(outcome.result, body as Activity, (context) =>
        handleTurn(context, parsed.data),
      );
      return {
        status: response?.status ?? 200,
        ...(response?.body !== undefined ? { body: response.body } : {}),
      };
    },
  };

  return {
    platform: 'teams',
    authenticated: auth.enabled,
    routes: [route],
    sender,
    async stop() {
      // CloudAdapter keeps no connections of its own; in-flight turns are drained by the host.
    },
  };
}

/**
 * Whether a clicked card may be replaced by the presser's answer: always in a personal chat; in a
 * channel or group chat only when the press continues a dialog on its own card. A `.start` button
 * there sits on a card everyone sees (a channel reminder, a help card): it is never overwritten with
 * one person's answer, which is posted as a new message instead.
 */
function ownCard(kind: Inbound['conversation']['kind'], inbound: Inbound): boolean {
  if (kind === 'personal') return true;
  const action = inbound.action?.id ?? '';
  return action !== '' && !action.endsWith('.start');
}
