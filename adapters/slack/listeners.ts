import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { TurnRunner } from '../../src/bot/engine-port.ts';
import type { Catalog } from '../../src/domain/catalog.ts';
import type { Clock } from '../../src/domain/clock.ts';
import type { Metrics } from '../../src/server/metrics.ts';
import { unlessStoreDown } from '../../src/store/degrade.ts';
import type { Store } from '../../src/store/store.ts';
import { BotDms } from './bot-dm.ts';
import { deliverReplies, type InPlace } from './deliver.ts';
import { afterAck, DELIVERY_TTL_SECONDS, deliveryMiddleware } from './delivery.ts';
import { postToResponseUrl } from './ephemeral.ts';
import { homeItem, renderHome } from './home.ts';
import { IdentityCache, identify } from './identity.ts';
import { kindOf, slashText, stripMention } from './inbound.ts';
import { registerInteractions } from './interactions.ts';
import { type ChannelGate, channelGate } from './rate-gate.ts';
import { slackText } from './texts.ts';
import { delivered, deliveryOf, makeRun, type Who } from './turn.ts';

export interface ListenerDeps {
  turn: TurnRunner;
  store: Store;
  clock: Clock;
  catalog?: Catalog;
  log: Logger;
  /** The channel window a press's in-place update waits for (the proactive sender's, rate-gate.ts). */
  gate?: ChannelGate;
  /** How long a delivery id is remembered for de-duplication (default 1 h; Slack retries within minutes). */
  dedupTtlSeconds?: number;
  /** Payloads refused before a turn (no channel) are counted here. */
  metrics?: Metrics | undefined;
}

/** How long a replaced message's old rendering is remembered (presses on it then post anew). */
const PRESSED_TTL_SECONDS = 7 * 24 * 3600;

/** The Slack entry points, each turned into one neutral Inbound and answered through the Web API. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const { store, clock, log } = deps;
  const identities = new IdentityCache({ clock });
  const dms = new BotDms();
  const run = makeRun({ turn: deps.turn, clock, log, identities, metrics: deps.metrics });

  // Every payload names its once-only delivery key from the body itself, whichever receiver brought
  // it (HTTP or Socket Mode): the listener that acts claims it (a turn in its first round trip).
  app.use(deliveryMiddleware(deps.dedupTtlSeconds ?? DELIVERY_TTL_SECONDS));

  // Other bots (and, through Bolt's ignoreSelf, this one) never start a turn: no loops.
  app.use(async ({ body, next }) => {
    const event: unknown = 'event' in body ? body.event : undefined;
    if (typeof event === 'object' && event !== null) {
      if ('bot_id' in event && event.bot_id) return;
      if ('subtype' in event && event.subtype === 'bot_message') return;
    }
    await next();
  });

  app.command('/midler', async ({ command, ack, client, logger, context }) => {
    await ack();
    await afterAck();
    // A payload without a channel is refused by `run` with a log line (never kept as a reference).
    const kind = kindOf(command.channel_id ?? '', undefined, command.channel_name);
    try {
      // A DM is answered in the user's own DM with the bot: the bot cannot post in a DM between two
      // people, and only its own DM may become the user's personal conversation.
      const channel = kind === 'personal' ? await dms.of(client, command.user_id) : command.channel_id;
      // In a channel only the caller sees a slash command's answers (ephemeral, below).
      const who: Who = {
        userId: command.user_id,
        teamId: command.team_id,
        channel,
        kind,
        ...(kind !== 'personal' ? { private: true } : {}),
      };
      const turn = await run(client, who, { text: slashText(command.text) }, context);
      const { replies, locale } = turn;
      const shared = kind !== 'personal';
      const target = {
        ...who,
        locale,
        triggerId: command.trigger_id,
        // In a channel or group, only the caller sees the answers (docs/slack.md, "Who sees an answer").
        ...(shared ? { ephemeral: { responseUrl: command.response_url } } : {}),
      };
      await delivered(turn, () => deliverReplies(client, replies, target, dms, log));
      if (!shared && channel !== command.channel_id && command.response_url) {
        await postToResponseUrl(command.response_url, {
          response_type: 'ephemeral',
          text: slackText(locale, 'dm.answered-there'),
        }).catch((e: unknown) => log.info({ err: e }, 'could not point to the DM answer'));
      }
    } catch (e) {
      logger.error(e);
    }
  });

  app.event('app_mention', async ({ event, client, context }) => {
    if (!event.user) return;
    const kind = kindOf(event.channel ?? '');
    // The bot is only mentioned where it is a member; a DM is never anyone's personal reference here.
    if (kind === 'personal') return;
    const who: Who = { userId: event.user, channel: event.channel, kind };
    const text = stripMention(event.text, context.botUserId);
    const turn = await run(client, who, { text }, context);
    // Asked in public, answered in public: in the mention's thread when it was in one.
    await delivered(turn, () =>
      deliverReplies(
        client,
        turn.replies,
        { ...who, locale: turn.locale, threadTs: event.thread_ts },
        dms,
        log,
      ),
    );
  });

  app.message(async ({ message, client, context }) => {
    // Only plain user messages in the bot's DM; edits, joins and other subtypes are not turns.
    if (message.subtype !== undefined || message.channel_type !== 'im' || !message.user) return;
    // message.im only arrives for the bot's own DMs: this channel is the user's DM with the bot.
    if (message.channel) dms.note(message.user, message.channel);
    const who: Who = { userId: message.user, channel: message.channel, kind: 'personal' };
    const turn = await run(client, who, { text: message.text ?? '' }, context);
    await delivered(turn, () =>
      deliverReplies(client, turn.replies, { ...who, locale: turn.locale }, dms, log),
    );
  });

  app.event('app_home_opened', async ({ event, client, context }) => {
    if (event.channel) dms.note(event.user, event.channel);
    if (event.tab !== 'home') return;
    // Not a chat turn: it claims its delivery itself (a retried event publishes the view once).
    const once = deliveryOf(context);
    if (once && !(await unlessStoreDown(store.claimOnce(once.key, once.ttlSeconds), true))) return;
    const me = await identify(identities, client, event.user, log);
    const [profile, apps] = await Promise.all([
      store.getUser('slack', event.user),
      store.listApplicationsByUser('slack', event.user),
    ]);
    const locale = profile?.locale ?? me.locale ?? 'nb';
    const view = renderHome(
      apps.map((a) => homeItem(a, deps.catalog, locale, clock())),
      locale,
    );
    await client.views.publish({ user_id: event.user, view });
  });

  // A press's first card answer replaces the pressed message once per rendering (deliver.ts).
  const inPlace: InPlace = {
    claim: (key) => unlessStoreDown(store.claimOnce(key, PRESSED_TTL_SECONDS), false),
    gate: deps.gate ?? channelGate({ store, clock }),
  };
  registerInteractions(app, { run, dms, log, inPlace });

  app.error(async (error) => {
    log.error({ err: error }, 'slack listener failed');
  });
}
