import { type Activity, CloudAdapter, type ResourceResponse, type TurnContext } from 'botbuilder';
import type {
  AuthenticateRequestResult,
  BotFrameworkAuthentication,
  ConnectorClient,
} from 'botframework-connector';
import type { Logger } from 'pino';
import type { TurnReplies, TurnRunner } from '../../src/bot/engine-port.ts';
import type { Inbound } from '../../src/bot/messages.ts';
import type { Clock } from '../../src/domain/clock.ts';
import { isDeadlineError, withAmbientDeadline, withDeadline } from '../../src/server/deadline.ts';
import type { PlatformAdapter, Route } from '../../src/server/http-types.ts';
import type { Metrics } from '../../src/server/metrics.ts';
import type { Store } from '../../src/store/store.ts';
import { localeOf, parseActivity, TeamsActivity } from './activity-parse.ts';
import { authenticateActivity, createTeamsAuth, type TeamsAuthSettings } from './auth.ts';
import { readConnectorFailure } from './connector-errors.ts';
import { refFromActivity } from './conversation-ref.ts';
import { type Directory, directoryChoices, withDirectoryNames } from './directory.ts';
import { createGraphInstaller, type GraphInstallSettings } from './graph-install.ts';
import { invokeAnswerFor } from './invoke-answers.ts';
import { withPickedNames } from './people.ts';
import { createPlainConnector, type PlainConnector } from './plain-connector.ts';
import { createTeamsSender } from './proactive-sender.ts';
import { createRateGate, realSleep, type Sleep } from './rate-limit.ts';
import { type ReplyDeps, sendReplies } from './replies.ts';
import { checkInbound } from './service-url.ts';
import { setTurnDeadline, turnDeadlineOf } from './turn-deadline.ts';
import { startTyping, type TypingSettings, unrefSleep } from './typing.ts';

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
  /** Deadline of each Bot Connector and token call (OUTBOUND_TIMEOUT_SECONDS). Default 10 s. */
  outboundTimeoutMs?: number;
  /** The request is answered by then at the latest (Teams gives up at 15 s). Default 12 s. */
  answerWithinMs?: number;
  /** Failed connector calls and undelivered answers are counted here. */
  metrics?: Metrics;
  /** People a person input lists for clients without the people picker (TEAMS_PEOPLE_FILE). */
  directory?: Directory;
  /** Install the app for a user without it through Microsoft Graph (TEAMS_GRAPH_INSTALL); off when absent. */
  graphInstall?: GraphInstallSettings;
  /** The typing indicator of slow message turns (TEAMS_TYPING_INDICATOR); off when absent. */
  typing?: TypingSettings;
  /** The typing indicator's timer (tests pass one they release); default real, unref'd timers. */
  typingWait?: Sleep;
  /**
   * How replies and proactive messages reach the Bot Connector: `plain` (the default) posts them as
   * plain HTTP (plain-connector.ts); `sdk` through botbuilder's connector client. The tests compare
   * the two; the SDK path is kept for that and as a fallback.
   */
  sendPath?: 'plain' | 'sdk';
}

export interface TeamsAdapter extends PlatformAdapter {
  readonly platform: 'teams';
  /** False when no app id is configured (local development). */
  readonly authenticated: boolean;
}

/**
 * CloudAdapter whose protected processActivity takes our pre-authenticated result, and whose message
 * posts and updates go over plain HTTP when given a PlainConnector. Everything else stays
 * botbuilder's: the turn context, the conversation reference applied to each reply, the connector
 * client (its credentials sign the plain requests), invoke responses, delays and traces.
 */
class HostedCloudAdapter extends CloudAdapter {
  constructor(
    authentication: BotFrameworkAuthentication,
    private readonly plain: PlainConnector | undefined,
  ) {
    super(authentication);
  }

  run(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(auth, activity, logic);
  }

  private clientOf(context: TurnContext): ConnectorClient {
    const client = context.turnState.get<ConnectorClient | undefined>(this.ConnectorClientKey);
    if (!client) throw new Error('Unable to extract ConnectorClient from turn context.');
    return client;
  }

  override async sendActivities(
    context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    const plain = this.plain;
    if (!plain) return super.sendActivities(context, activities);
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      // What CloudAdapterBase does without a connector call (a delay, the invoke response, a trace).
      const local =
        activity.type === 'delay' ||
        activity.type === 'invokeResponse' ||
        (activity.type === 'trace' && activity.channelId !== 'emulator');
      if (local) {
        responses.push(...(await super.sendActivities(context, [activity])));
        continue;
      }
      delete activity.id;
      responses.push(await plain.send(this.clientOf(context), activity, turnDeadlineOf(context)));
    }
    return responses;
  }

  override async updateActivity(
    context: TurnContext,
    activity: Partial<Activity>,
  ): Promise<ResourceResponse | undefined> {
    if (!this.plain) return (await super.updateActivity(context, activity)) ?? undefined;
    return this.plain.update(this.clientOf(context), activity, turnDeadlineOf(context));
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
  const auth = createTeamsAuth(options.settings, options.production, options.outboundTimeoutMs ?? 10_000);
  const answerWithinMs = options.answerWithinMs ?? 12_000;
  const cloud = new HostedCloudAdapter(
    auth.authentication,
    options.sendPath === 'sdk' ? undefined : createPlainConnector(options.outboundTimeoutMs ?? 10_000),
  );
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
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  const graph = options.graphInstall
    ? createGraphInstaller({
        settings: options.graphInstall,
        store,
        clock: options.clock,
        sleep,
        log,
        timeoutMs: options.outboundTimeoutMs ?? 10_000,
      })
    : undefined;
  const replyDeps: ReplyDeps = {
    log,
    sleep,
    now: () => options.clock().getTime(),
    onFailure: (call, reason) => options.metrics?.outboundFailures.inc({ platform: 'teams', call, reason }),
  };

  /** Sends the turn's replies and settles its de-duplication by how that went. */
  async function answer(
    context: TurnContext,
    turn: TurnReplies,
    clicked?: Parameters<typeof sendReplies>[3],
  ) {
    try {
      const people = options.directory
        ? directoryChoices(options.directory, context.activity.from?.aadObjectId)
        : undefined;
      // The few words the renderer adds (an "Answer" button, "Please fill in") follow the turn's language.
      const locale = turn.locale ?? localeOf(context.activity.locale);
      const deps = { ...replyDeps, render: { ...(people ? { people } : {}), ...(locale ? { locale } : {}) } };
      const invokeResponse = await sendReplies(context, turn.replies, deps, clicked);
      await turn.settle?.('answered');
      return invokeResponse;
    } catch (e) {
      // Unclear (timeout, reset, 5xx): the platform's redelivery is answered; refused: it would not help.
      const unclear = isDeadlineError(e) || readConnectorFailure(e, Date.now()).verdict === 'unknown';
      await turn.settle?.(unclear ? 'unanswered' : 'answered');
      throw e;
    }
  }

  /** The running turn's settle, so the route can give its lease back when the answer deadline passes. */
  type Pending = { settle?: TurnReplies['settle'] };

  async function handleTurn(context: TurnContext, activity: TeamsActivity, pending: Pending): Promise<void> {
    const event = parseActivity(activity, options.clock());
    const ref = refFromActivity(activity, options.clock());
    graph?.observe(ref);
    if (event.kind === 'ignored') {
      log.debug({ reason: event.reason, type: activity.type }, 'teams: activity ignored');
      // An invoke always gets its answer (botbuilder would send 501 with no body).
      if (activity.type === 'invoke')
        await context.sendActivity({
          type: 'invokeResponse',
          value: invokeAnswerFor(activity, localeOf(activity.locale)),
        });
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
      const greeting = await options.runTurn({
        platform: 'teams',
        user: {
          id: activity.from.aadObjectId ?? activity.from.id,
          name: activity.from.name ?? '',
          // The greeting is in the language of the client that installed the app.
          ...(localeOf(activity.locale) ? { locale: localeOf(activity.locale) } : {}),
        },
        conversation: { id: ref.conversationId, kind: ref.kind },
        text: options.greetingText ?? 'help',
        generated: true,
        at: options.clock(),
      });
      pending.settle = greeting.settle;
      await answer(context, greeting);
      return;
    }
    // The engine does the bookkeeping in its first round trip (issue 3). Teams retries activities it
    // got no timely answer for: one effect per activity id. Personal chats refresh their reference, so
    // users who talked to the bot stay reachable. While the store is down the turn answers "try again".
    // People picked in a submitted card are named first (time-boxed, needs this turn's context).
    const typing =
      options.typing && !event.invoke
        ? startTyping(context, options.typing, options.typingWait ?? unrefSleep, log)
        : undefined;
    const inbound = await withPickedNames(context, withDirectoryNames(event.inbound, options.directory), log);
    const turn = await options.runTurn({
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
    // The turn runner answers its own errors, so the turn is done here (the indicator also stops by itself).
    typing?.stop();
    pending.settle = turn.settle;
    if (turn.duplicate)
      log.info({ activityId: activity.id, type: activity.type }, 'teams: duplicate activity ignored');
    // A duplicate has no replies: an invoke still gets its (empty) answer, or Teams shows an error.
    const clickedRef = event.inbound.action?.messageRef;
    const invokeResponse = await answer(
      context,
      turn,
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
      const body: unknown = req.json ?? JSON.parse(req.rawBody.toString('utf8'));
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
      // No open relay: where the answer goes is checked before anything is processed or stored.
      const refused = checkInbound(parsed.data.serviceUrl, outcome.result, {
        authenticated: auth.enabled,
        allowed: options.settings.allowedServiceUrls ?? [],
      });
      if (refused) {
        req.log.warn({ reason: refused, serviceUrl: parsed.data.serviceUrl }, 'teams: serviceUrl refused');
        options.metrics?.inputRefused.inc({ platform: 'teams', reason: 'service-url' });
        return { status: 403, body: { error: 'service-url-not-allowed' } };
      }
      const conversation = parsed.data.conversation.id;
      const pending: Pending = {};
      try {
        // The SDK send path reads the turn's deadline from async context (deadline.ts); the plain
        // one from the turn context, which keeps the process free of promise hooks.
        const deadline = options.sendPath === 'sdk' ? withAmbientDeadline : withDeadline;
        const response = await deadline(answerWithinMs, 'teams turn', (signal) =>
          cloud.run(outcome.result, body as Activity, (context) => {
            setTurnDeadline(context, signal);
            return handleTurn(context, parsed.data, pending);
          }),
        );
        return {
          status: response?.status ?? 200,
          ...(response?.body !== undefined ? { body: response.body } : {}),
        };
      } catch (e) {
        const failure = readConnectorFailure(e, Date.now());
        if (isDeadlineError(e) || failure.verdict === 'unknown') {
          // Answered in time all the same, and the lease given back now (the turn's own settle may
          // still be retrying, and a settle is final once made): the redelivery is answered.
          await pending.settle?.('unanswered');
          req.log.warn(
            { err: e, conversation, reason: failure.reason },
            'teams: the answer could not be delivered',
          );
          options.metrics?.turnsUnanswered.inc({ platform: 'teams' });
          return { status: 503, body: { error: 'answer-not-delivered' } };
        }
        if (failure.status !== undefined) {
          // Refused by the connector (the bot was removed, the message is gone): retrying cannot help.
          req.log.warn({ err: e, conversation, status: failure.status }, 'teams: the answer was refused');
          return { status: 200, body: {} };
        }
        throw e;
      }
    },
  };

  return {
    platform: 'teams',
    authenticated: auth.enabled,
    routes: [route],
    sender: graph ? graph.wrap(sender) : sender,
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
