import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Card, Outbound } from '../../src/bot/messages.ts';
import type { Locale } from '../../src/domain/call.ts';
import type { BotDms } from './bot-dm.ts';
import { postEphemeralOutbound, replaceEphemeralOutbound } from './ephemeral.ts';
import type { ChannelGate } from './rate-gate.ts';
import { renderMessages } from './render-blocks.ts';
import { isForm, type ModalWhere, renderModal } from './render-modal.ts';
import { GONE_ERRORS, messageRefOf, parseMessageRef, platformErrorOf } from './web-errors.ts';

type WebClient = webApi.WebClient;

/** Where a turn's replies go, and what the turn brought along for them. */
export interface ReplyTarget {
  channel: string;
  kind: 'personal' | 'group' | 'channel';
  userId: string;
  locale: Locale;
  /** From a slash command or an interaction: lets one form open as a modal (valid for 3 s). */
  triggerId?: string | undefined;
  /** The message whose button started the turn, for forms opened from it. */
  messageRef?: string | undefined;
  /**
   * Answers to one person in a channel or group: only they see them (docs/slack.md, "Who sees an
   * answer"), through this response_url when there is one, else chat.postEphemeral.
   */
  ephemeral?: { responseUrl?: string | undefined; botIsMember?: boolean | undefined } | undefined;
  /** `messageRef` is an ephemeral message: a card replacing it goes through the response_url. */
  ephemeralMessage?: boolean | undefined;
  /** The thread the turn came from: answers go there, not to the channel root. */
  threadTs?: string | undefined;
  /**
   * A press on a message the turn's first card may replace (a bot message in the user's DM with the
   * bot, or an ephemeral answer in a channel); `rendering` names what the presser saw, so only one
   * press per rendering replaces it (docs/slack.md, "Answering a press in place").
   */
  pressed?: { rendering: string } | undefined;
}

/** What replacing a pressed message needs from the host: the Store's claim and the channel window. */
export interface InPlace {
  /** Once per key (Store.claimOnce); false when another press already replaced that rendering. */
  claim(key: string): Promise<boolean>;
  /** The proactive sender's per-channel window (rate-gate.ts); false when none came in time. */
  gate: ChannelGate;
}

/** Posts a neutral message (as many Slack messages as its size needs); returns the last one's ref. */
export async function postOutbound(
  client: WebClient,
  channel: string,
  out: Outbound,
  locale: Locale,
  threadTs?: string,
): Promise<string> {
  let ref = '';
  for (const page of renderMessages(out, { locale })) {
    const res = await client.chat.postMessage({
      channel,
      text: page.text,
      blocks: page.blocks,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
    ref = messageRefOf(res.channel ?? channel, res.ts ?? '');
  }
  return ref;
}

/** Replaces a message in place with the first page; any further pages follow as new messages. */
export async function updateOutbound(
  client: WebClient,
  ref: string,
  out: Outbound,
  locale: Locale,
): Promise<string> {
  const target = parseMessageRef(ref);
  if (!target) throw new Error(`not a Slack message ref: ${ref}`);
  const [first, ...rest] = renderMessages(out, { locale });
  let last = ref;
  if (first)
    await client.chat.update({
      channel: target.channel,
      ts: target.ts,
      text: first.text,
      blocks: first.blocks,
    });
  for (const page of rest) {
    const res = await client.chat.postMessage({
      channel: target.channel,
      text: page.text,
      blocks: page.blocks,
    });
    last = messageRefOf(res.channel ?? target.channel, res.ts ?? '');
  }
  return last;
}

/** Where a modal opened from this target answers after it closes. */
export function modalWhereOf(target: ReplyTarget): ModalWhere {
  return {
    c: target.channel,
    k: target.kind,
    ...(target.messageRef ? { m: target.messageRef } : {}),
    ...(target.ephemeral?.responseUrl ? { r: target.ephemeral.responseUrl } : {}),
    ...(target.ephemeralMessage ? { e: true } : {}),
    ...(target.threadTs ? { t: target.threadTs } : {}),
  };
}

/** The ReplyTarget fields a modal's private_metadata brought back. */
export function targetOfModal(meta: ModalWhere): Omit<ReplyTarget, 'userId' | 'locale'> {
  const shared = meta.k !== 'personal';
  return {
    channel: meta.c,
    kind: meta.k,
    ...(meta.m ? { messageRef: meta.m } : {}),
    ...(shared ? { ephemeral: { responseUrl: meta.r } } : {}),
    ...(meta.e ? { ephemeralMessage: true } : {}),
    ...(meta.t ? { threadTs: meta.t } : {}),
  };
}

/**
 * Sends one turn's replies: a form opens as a modal when a trigger id is at hand, a card that
 * `replaces` an earlier message updates it (an ephemeral one through the response_url), answers to one
 * person in a channel are ephemeral, everything else is posted (in the turn's thread). When the
 * conversation cannot be posted in (a channel the bot is not in, a personal conversation that is not
 * the bot's DM), the answer goes to the user's DM with the bot. A pressed message is replaced by the
 * turn's first reply when that is a card (see `inPlaceCard`), as Teams replaces a clicked card.
 */
export async function deliverReplies(
  client: WebClient,
  replies: Outbound[],
  target: ReplyTarget,
  dms: BotDms,
  log: Logger,
  inPlace?: InPlace,
): Promise<void> {
  let channel = target.channel;
  let triggerId = target.triggerId;
  let inDm = false;
  const replacing = inPlace ? inPlaceCard(replies, target) : undefined;
  // The trigger id expires 3 s after the click: a form goes first so its modal opens in time.
  const ordered = triggerId
    ? [...replies.filter(isModalCandidate), ...replies.filter((r) => !isModalCandidate(r))]
    : replies;

  const toDm = async (out: Outbound, why: unknown) => {
    const dm = await dms.of(client, target.userId);
    log.info({ channel, dm, err: why }, 'cannot answer in the conversation; answering in the user DM');
    channel = dm;
    inDm = true;
    await postOutbound(client, dm, out, target.locale);
  };

  for (const out of ordered) {
    if (inPlace && out === replacing && !inDm) {
      try {
        if (await replacePressed(client, out, target, inPlace, log)) continue;
      } catch (e) {
        log.warn({ err: e }, 'replacing the pressed message failed; posting a new message');
      }
    }
    if (out.kind === 'card' && isForm(out) && triggerId) {
      const trigger = triggerId;
      triggerId = undefined;
      try {
        const where = inDm ? { c: channel, k: 'personal' as const } : modalWhereOf(target);
        await client.views.open({ trigger_id: trigger, view: renderModal(out, target.locale, where) });
        continue;
      } catch (e) {
        log.warn({ err: e }, 'views.open failed; posting the form inline');
      }
    }
    if (out.kind === 'card' && out.replaces && parseMessageRef(out.replaces) && !inDm) {
      try {
        if (target.ephemeralMessage && out.replaces === target.messageRef) {
          if (!(await replaceEphemeral(client, out, target, log)))
            throw new Error('an ephemeral message needs the response_url to be replaced');
        } else {
          await updateOutbound(client, out.replaces, out, target.locale);
        }
        continue;
      } catch (e) {
        log.warn({ err: e }, 'in-place update failed; posting a new message');
      }
    }
    if (target.ephemeral && !inDm) {
      try {
        await postEphemeralOutbound(client, whereOf(target), out, target.locale, log);
      } catch (e) {
        await toDm(out, e);
      }
      continue;
    }
    try {
      await postOutbound(client, channel, out, target.locale, inDm ? undefined : target.threadTs);
    } catch (e) {
      const error = platformErrorOf(e);
      if (inDm || !error || !GONE_ERRORS.has(error)) throw e;
      if (target.kind === 'personal' && channel === (await dms.of(client, target.userId))) throw e;
      await toDm(out, e);
    }
  }
}

/** Replaces the ephemeral message the turn came from through its response_url; false without one. */
async function replaceEphemeral(
  client: WebClient,
  out: Card,
  target: ReplyTarget,
  log: Logger,
): Promise<boolean> {
  const url = target.ephemeral?.responseUrl;
  if (!url) return false;
  await replaceEphemeralOutbound(client, { ...whereOf(target), responseUrl: url }, out, target.locale, log);
  return true;
}

/**
 * The card that replaces the pressed message: the turn's first reply, when it is a card that neither
 * opens as a modal (a form) nor targets a message itself (`replaces`), and no reply of the turn
 * explicitly replaces the pressed message (endorsement cards keep their own way). Text first, or
 * anything else, is posted as before.
 */
function inPlaceCard(replies: Outbound[], target: ReplyTarget): Card | undefined {
  const [first] = replies;
  if (!target.pressed || !target.messageRef || first?.kind !== 'card') return undefined;
  if (first.replaces || isForm(first)) return undefined;
  if (replies.some((r) => r.kind === 'card' && r.replaces === target.messageRef)) return undefined;
  return first;
}

/**
 * Replaces the pressed message with the card: an ephemeral one through the press's response_url
 * (`replace_original`, as for `replaces`), a DM message with chat.update in the channel's window.
 * Only the first press on what the presser saw does it (a double click, or a press on the old
 * buttons before the client redrew them, is answered with new messages, so the live card is never
 * overwritten by the answer to a stale press). False: post the card as a new message instead.
 */
async function replacePressed(
  client: WebClient,
  out: Card,
  target: ReplyTarget,
  inPlace: InPlace,
  log: Logger,
): Promise<boolean> {
  const ref = target.messageRef;
  const pressed = target.pressed;
  const message = ref ? parseMessageRef(ref) : null;
  if (!ref || !pressed || !message) return false;
  if (!(await inPlace.claim(`slack:pressed:${ref}:${pressed.rendering}`))) {
    log.info({ messageRef: ref }, 'pressed message already replaced for this press; posting the answer');
    return false;
  }
  if (target.ephemeralMessage) return replaceEphemeral(client, out, target, log);
  if (!(await inPlace.gate(message.channel))) {
    log.info({ channel: message.channel }, 'no rate window for the in-place update; posting the answer');
    return false;
  }
  await updateOutbound(client, ref, out, target.locale);
  return true;
}

function whereOf(target: ReplyTarget) {
  return {
    channel: target.channel,
    userId: target.userId,
    responseUrl: target.ephemeral?.responseUrl,
    threadTs: target.threadTs,
    botIsMember: target.ephemeral?.botIsMember,
  };
}

function isModalCandidate(out: Outbound): out is Card {
  return out.kind === 'card' && isForm(out);
}
