import type { App, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { TurnRunner } from '../../src/bot/engine-port.ts';
import type { Card, Inbound, Outbound } from '../../src/bot/messages.ts';
import type { Catalog } from '../../src/domain/catalog.ts';
import type { Clock } from '../../src/domain/clock.ts';
import { unlessStoreDown } from '../../src/store/degrade.ts';
import type { Store } from '../../src/store/store.ts';
import { decodeButtonValue } from './button-value.ts';
import { deliverReplies, openDm, type ReplyTarget } from './deliver.ts';
import { homeItem, renderHome } from './home.ts';
import { IdentityCache, identify } from './identity.ts';
import { type ConversationKind, kindOf, slashText, stripMention } from './inbound.ts';
import type { AckState, DeliveryClaim } from './receiver.ts';
import { decodeModalMeta, FORM_CALLBACK_ID, isForm, modalErrors, renderModal } from './render-modal.ts';
import { inputsFromState, StateValues } from './state-values.ts';
import { messageRefOf } from './web-errors.ts';

type WebClient = webApi.WebClient;

export interface ListenerDeps {
  turn: TurnRunner;
  store: Store;
  clock: Clock;
  catalog?: Catalog;
  log: Logger;
}

interface Who {
  userId: string;
  teamId?: string;
  channel: string;
  kind: ConversationKind;
}

function deliveryOf(context: Record<string, unknown>): DeliveryClaim | undefined {
  const d = context.delivery;
  if (typeof d !== 'object' || d === null || !('key' in d) || !('ttlSeconds' in d)) return undefined;
  return typeof d.key === 'string' && typeof d.ttlSeconds === 'number'
    ? { key: d.key, ttlSeconds: d.ttlSeconds }
    : undefined;
}

function ackStateOf(context: Record<string, unknown>): AckState {
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

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The Slack entry points, each turned into one neutral Inbound and answered through the Web API. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const { store, clock, log } = deps;

  const identities = new IdentityCache({ clock });

  /**
   * Builds the Inbound and runs the turn. The delivery's dedup claim, the conversation reference (where
   * the user can be reached) and, after a users.info lookup, the profile are the turn's bookkeeping:
   * the engine sends them with its own Store calls instead of each costing a round trip.
   */
  async function run(
    client: WebClient,
    who: Who,
    body: Pick<Inbound, 'text' | 'action'>,
    context: Record<string, unknown>,
  ) {
    const me = await identify(identities, client, who.userId, log);
    const once = deliveryOf(context);
    const inbound: Inbound = {
      platform: 'slack',
      user: { id: who.userId, name: me.name, ...(me.locale ? { locale: me.locale } : {}) },
      conversation: { id: who.channel, kind: who.kind },
      ...body,
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
    return { replies: result.replies, locale };
  }

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
    const who: Who = {
      userId: command.user_id,
      teamId: command.team_id,
      channel: command.channel_id,
      kind: kindOf(command.channel_id, undefined, command.channel_name),
    };
    const { replies, locale } = await run(client, who, { text: slashText(command.text) }, context);
    await deliverReplies(client, replies, { ...who, locale, triggerId: command.trigger_id }, log).catch(
      (e: unknown) => logger.error(e),
    );
  });

  app.event('app_mention', async ({ event, client, context }) => {
    if (!event.user) return;
    const who: Who = { userId: event.user, channel: event.channel, kind: kindOf(event.channel) };
    const text = stripMention(event.text, context.botUserId);
    const { replies, locale } = await run(client, who, { text }, context);
    await deliverReplies(client, replies, { ...who, locale }, log);
  });

  app.message(async ({ message, client, context }) => {
    // Only plain user messages in the bot's DM; edits, joins and other subtypes are not turns.
    if (message.subtype !== undefined || message.channel_type !== 'im' || !message.user) return;
    const who: Who = { userId: message.user, channel: message.channel, kind: 'personal' };
    const { replies, locale } = await run(client, who, { text: message.text ?? '' }, context);
    await deliverReplies(client, replies, { ...who, locale }, log);
  });

  app.event('app_home_opened', async ({ event, client, context }) => {
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

  app.action({ type: 'block_actions' }, async ({ body, ack, client, context }) => {
    await ack();
    const pressed: unknown = body.actions[0];
    const raw =
      typeof pressed === 'object' && pressed !== null && 'value' in pressed ? str(pressed.value) : undefined;
    const actionId =
      typeof pressed === 'object' && pressed !== null && 'action_id' in pressed
        ? str(pressed.action_id)
        : undefined;
    const decoded = decodeButtonValue(raw) ?? { action: actionId ?? 'slack.unknown', data: {} };
    const view = body.view;
    const meta = view?.type === 'modal' ? decodeModalMeta(view.private_metadata) : null;
    const container = body.container;
    let who: Who;
    let messageRef: string | undefined;
    if (meta) {
      who = { userId: body.user.id, channel: meta.c, kind: meta.k };
      messageRef = meta.m;
    } else if (view) {
      // The Home tab: answers go to the user's DM with the bot (the app's Messages tab).
      who = { userId: body.user.id, channel: await openDm(client, body.user.id), kind: 'personal' };
    } else {
      const channel = str(container.channel_id) ?? body.channel?.id ?? '';
      who = { userId: body.user.id, channel, kind: kindOf(channel) };
      const ts = str(container.message_ts) ?? body.message?.ts;
      if (ts) messageRef = messageRefOf(channel, ts);
    }
    const stateRaw = view ? view.state.values : body.state?.values;
    const parsed = StateValues.safeParse(stateRaw ?? {});
    const inputs = parsed.success ? inputsFromState(parsed.data) : {};
    const action: NonNullable<Inbound['action']> = {
      id: decoded.action,
      data: decoded.data,
      ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
      ...(messageRef ? { messageRef } : {}),
    };
    const { replies, locale } = await run(client, who, { action }, context);
    const target: ReplyTarget = {
      ...who,
      locale,
      triggerId: body.trigger_id,
      ...(messageRef ? { messageRef } : {}),
    };
    if (meta && view) {
      // A button inside a modal: a next form replaces the modal, other answers go to the chat.
      const form = replies.find(isFormCard);
      if (form) {
        await client.views.update({
          view_id: view.id,
          hash: view.hash,
          view: renderModal(form, locale, modalWhere(meta)),
        });
      }
      await deliverReplies(client, without(replies, form), { ...target, triggerId: undefined }, log);
      return;
    }
    await deliverReplies(client, replies, target, log);
  });

  app.view(
    { callback_id: FORM_CALLBACK_ID, type: 'view_submission' },
    async ({ ack, body, view, client, context }) => {
      const meta = decodeModalMeta(view.private_metadata);
      if (!meta) {
        await ack();
        return;
      }
      const parsed = StateValues.safeParse(view.state.values);
      const inputs = parsed.success ? inputsFromState(parsed.data) : {};
      const who: Who = { userId: body.user.id, channel: meta.c, kind: meta.k };
      const action = { id: meta.a, data: meta.d, inputs, ...(meta.m ? { messageRef: meta.m } : {}) };
      const { replies, locale } = await run(client, who, { action }, context);
      const target: ReplyTarget = { ...who, locale, ...(meta.m ? { messageRef: meta.m } : {}) };
      if (ackStateOf(context).ackExpired()) {
        // Slack already got its empty 200 (the modal closed): the answer goes to the chat instead.
        await deliverReplies(client, replies, target, log);
        return;
      }
      const shown = new Set(
        view.blocks.flatMap((b) => (b.type === 'input' && b.block_id ? [b.block_id] : [])),
      );
      const invalid = replies.find((r): r is Card => r.kind === 'card' && modalErrors(r, shown) !== null);
      if (invalid) {
        await ack({ response_action: 'errors', errors: modalErrors(invalid, shown) ?? {} });
        await deliverReplies(client, without(replies, invalid), target, log);
        return;
      }
      const form = replies.find(isFormCard);
      if (form) {
        await ack({ response_action: 'update', view: renderModal(form, locale, modalWhere(meta)) });
        await deliverReplies(client, without(replies, form), target, log);
        return;
      }
      await ack();
      await deliverReplies(client, replies, target, log);
    },
  );

  app.error(async (error) => {
    log.error({ err: error }, 'slack listener failed');
  });
}

function isFormCard(out: Outbound): out is Card {
  return out.kind === 'card' && isForm(out);
}

function without(replies: Outbound[], one: Outbound | undefined): Outbound[] {
  return one === undefined ? replies : replies.filter((r) => r !== one);
}

function modalWhere(meta: { c: string; k: ConversationKind; m?: string | undefined }) {
  return { c: meta.c, k: meta.k, ...(meta.m ? { m: meta.m } : {}) };
}
