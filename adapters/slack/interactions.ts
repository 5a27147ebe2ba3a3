import { createHash } from 'node:crypto';
import type { App, ViewResponseAction, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Card, Inbound, Outbound } from '../../src/bot/messages.ts';
import type { BotDms } from './bot-dm.ts';
import { decodeButtonValue } from './button-value.ts';
import { deliverReplies, type InPlace, modalWhereOf, type ReplyTarget, targetOfModal } from './deliver.ts';
import { afterAck } from './delivery.ts';
import { kindOf } from './inbound.ts';
import { pickedUsers } from './people.ts';
import {
  decodeModalMeta,
  FORM_CALLBACK_ID,
  modalErrors,
  renderAnswerModal,
  renderModal,
} from './render-modal.ts';
import { inputsFromState, StateValues } from './state-values.ts';
import { ackStateOf, delivered, type Run, str } from './turn.ts';
import { messageRefOf } from './web-errors.ts';

type WebClient = webApi.WebClient;

interface Deps {
  run: Run;
  dms: BotDms;
  log: Logger;
  /** Lets a press's first card answer replace the pressed message (deliver.ts, `InPlace`). */
  inPlace?: InPlace | undefined;
}

/** Button presses (messages, modals, the Home tab) and modal submits. */
export function registerInteractions(app: App, { run, dms, log, inPlace }: Deps): void {
  app.action({ type: 'block_actions' }, async ({ body, ack, client, context }) => {
    await ack();
    await afterAck();
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
    const userId = body.user.id;
    let where: Omit<ReplyTarget, 'userId' | 'locale'>;
    if (meta) {
      where = targetOfModal(meta);
    } else if (view) {
      // The Home tab: answers go to the user's DM with the bot (the app's Messages tab).
      where = { channel: await dms.of(client, userId), kind: 'personal' };
    } else {
      where = await messageTarget(client, body, userId, dms);
    }
    const stateRaw = view ? view.state.values : body.state?.values;
    const parsed = StateValues.safeParse(stateRaw ?? {});
    const inputs = parsed.success ? inputsFromState(parsed.data) : {};
    const action: NonNullable<Inbound['action']> = {
      id: decoded.action,
      data: decoded.data,
      ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
      ...(where.messageRef ? { messageRef: where.messageRef } : {}),
    };
    // A press in a channel is answered to the presser alone (ephemeral), as is one inside a modal.
    const answeredPrivately =
      where.kind !== 'personal' && (where.ephemeral !== undefined || Boolean(meta && view));
    const who = {
      userId,
      channel: where.channel,
      kind: where.kind,
      ...(answeredPrivately ? { private: true } : {}),
    };
    const picked = parsed.success ? pickedUsers(parsed.data, userId) : [];
    const turn = await run(client, who, { action }, context, picked);
    const { replies, locale } = turn;
    const target: ReplyTarget = { ...where, userId, locale, triggerId: body.trigger_id };
    await delivered(turn, () =>
      meta && view
        ? answerInModal(client, { id: view.id, hash: view.hash }, replies, target, dms, log)
        : deliverReplies(client, replies, target, dms, log, inPlace),
    );
  });

  app.view(
    { callback_id: FORM_CALLBACK_ID, type: 'view_submission' },
    async ({ ack, body, view, client, context }) => {
      const meta = decodeModalMeta(view.private_metadata);
      if (!meta?.a) {
        await ack();
        return;
      }
      const parsed = StateValues.safeParse(view.state.values);
      const inputs = parsed.success ? inputsFromState(parsed.data) : {};
      const where = targetOfModal(meta);
      const who = { userId: body.user.id, channel: where.channel, kind: where.kind, private: true };
      const action = { id: meta.a, data: meta.d, inputs, ...(meta.m ? { messageRef: meta.m } : {}) };
      const picked = parsed.success ? pickedUsers(parsed.data, body.user.id) : [];
      const turn = await run(client, who, { action }, context, picked);
      const { replies, locale } = turn;
      const target: ReplyTarget = { ...where, userId: body.user.id, locale };
      const acks = ackStateOf(context);
      /** Acks with the modal's answer; if that ack no longer counted, everything goes to the chat. */
      const answer = async (response: ViewResponseAction, rest: Outbound[]) => {
        await ack(response);
        const late = acks.ackExpired();
        if (late) log.info('modal answer missed the ack deadline; posted to the chat');
        await deliverReplies(client, late ? replies : rest, target, dms, log);
      };
      const respond = async () => {
        if (acks.ackExpired()) {
          // Slack already got its empty ack (the modal closed): the answer goes to the chat instead.
          log.info('modal submit answered after the ack deadline; posted to the chat');
          await deliverReplies(client, replies, target, dms, log);
          return;
        }
        const shown = new Set(
          view.blocks.flatMap((b) => (b.type === 'input' && b.block_id ? [b.block_id] : [])),
        );
        const invalid = replies.find((r): r is Card => r.kind === 'card' && modalErrors(r, shown) !== null);
        if (invalid) {
          await answer(
            { response_action: 'errors', errors: modalErrors(invalid, shown) ?? {} },
            without(replies, invalid),
          );
          return;
        }
        const next = nextForm(replies);
        if (next) {
          await answer(
            { response_action: 'update', view: renderModal(next, locale, modalWhereOf(target)) },
            without(replies, next),
          );
          return;
        }
        await ack();
        await deliverReplies(client, replies, target, dms, log);
      };
      await delivered(turn, respond);
    },
  );
}

/** Where a press on a message answers: its channel (ephemeral to the presser in a channel), its thread. */
async function messageTarget(
  client: WebClient,
  body: {
    container: Record<string, unknown>;
    channel?: { id: string };
    message?: unknown;
    response_url: string;
    actions: unknown[];
  },
  userId: string,
  dms: BotDms,
): Promise<Omit<ReplyTarget, 'userId' | 'locale'>> {
  const { container } = body;
  const message = (body.message ?? {}) as Record<string, unknown>;
  let channel = str(container.channel_id) ?? body.channel?.id ?? '';
  const kind = kindOf(channel);
  const ts = str(container.message_ts) ?? str(message.ts);
  const threadTs = str(container.thread_ts) ?? str(message.thread_ts);
  if (kind === 'personal') {
    // Only the user's own DM with the bot is answered in place; anything else goes there.
    const dm = await dms.of(client, userId);
    if (dm !== channel) return { channel: dm, kind };
    channel = dm;
    // A message the bot posted in its DM may be replaced by the answer (deliver.ts, inPlaceCard).
    const ours = str(message.bot_id) !== undefined;
    return {
      channel,
      kind,
      ...(ts ? { messageRef: messageRefOf(channel, ts) } : {}),
      ...(ts && ours ? { pressed: { rendering: renderingOf(message.blocks) } } : {}),
      threadTs,
    };
  }
  const ephemeral = container.is_ephemeral === true;
  const responseUrl = str(body.response_url);
  return {
    channel,
    kind,
    ...(ts ? { messageRef: messageRefOf(channel, ts) } : {}),
    // The presser alone sees the answer; under a public message the bot posted, it is a member.
    ephemeral: { responseUrl, botIsMember: !ephemeral },
    // Only an ephemeral answer is the presser's own to replace; a public message is everyone's.
    ...(ephemeral ? { ephemeralMessage: true } : {}),
    ...(ephemeral && ts && responseUrl
      ? { pressed: { rendering: renderingOf(undefined, body.actions[0]) } }
      : {}),
    threadTs,
  };
}

/**
 * Names what the presser saw: the pressed message's blocks as the payload carries them (a message
 * replaced in place carries new ones), else (ephemeral messages come without them) the pressed
 * action's block id, which Slack draws anew for every message it renders.
 */
function renderingOf(blocks: unknown, action?: unknown): string {
  const blockId =
    typeof action === 'object' && action !== null && 'block_id' in action ? str(action.block_id) : undefined;
  const seen = blockId ?? JSON.stringify(blocks ?? null);
  return createHash('sha256').update(seen).digest('base64url').slice(0, 22);
}

/** A reply that asks for input: it replaces the modal (a form, else a card with one input). */
function nextForm(replies: Outbound[]): Card | undefined {
  const withInputs = replies.filter((r): r is Card => r.kind === 'card' && (r.inputs?.length ?? 0) > 0);
  return withInputs.find((c) => (c.inputs?.length ?? 0) >= 2) ?? withInputs[0];
}

/**
 * A button inside a modal (not its submit). Slack lets only a submit close a modal, so the modal is
 * always updated: a reply asking for input replaces it (the rest goes to the chat); any other answer
 * is shown in it, and also posted to the chat, where answers live after the modal is closed.
 */
async function answerInModal(
  client: WebClient,
  view: { id: string; hash: string },
  replies: Outbound[],
  target: ReplyTarget,
  dms: BotDms,
  log: Logger,
): Promise<void> {
  const chat = { ...target, triggerId: undefined };
  const where = modalWhereOf(target);
  const next = nextForm(replies);
  try {
    const shown = next
      ? renderModal(next, target.locale, where)
      : renderAnswerModal(replies, target.locale, where);
    await client.views.update({ view_id: view.id, hash: view.hash, view: shown });
  } catch (e) {
    log.warn({ err: e }, 'views.update failed; answering in the chat');
    await deliverReplies(client, replies, chat, dms, log);
    return;
  }
  await deliverReplies(client, without(replies, next), chat, dms, log);
}

function without(replies: Outbound[], one: Outbound | undefined): Outbound[] {
  return one === undefined ? replies : replies.filter((r) => r !== one);
}
