import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Card, Outbound } from '../../src/bot/messages.ts';
import type { Locale } from '../../src/domain/call.ts';
import { renderMessages } from './render-blocks.ts';
import { isForm, renderModal } from './render-modal.ts';
import { GONE_ERRORS, messageRefOf, parseMessageRef, platformErrorOf } from './web-errors.ts';

type WebClient = webApi.WebClient;

/** Where a turn's replies go, and what the turn brought along for them. */
export interface ReplyTarget {
  channel: string;
  kind: 'personal' | 'group' | 'channel';
  userId: string;
  locale: Locale;
  /** From a slash command or an interaction: lets one form open as a modal (valid for 3 s). */
  triggerId?: string;
  /** The message whose button started the turn, for forms opened from it. */
  messageRef?: string;
}

/** Posts a neutral message (as many Slack messages as its size needs); returns the last one's ref. */
export async function postOutbound(
  client: WebClient,
  channel: string,
  out: Outbound,
  locale: Locale,
): Promise<string> {
  let ref = '';
  for (const page of renderMessages(out, { locale })) {
    const res = await client.chat.postMessage({ channel, text: page.text, blocks: page.blocks });
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

/** The user's DM channel with the bot (conversations.open is idempotent on Slack's side). */
export async function openDm(client: WebClient, userId: string): Promise<string> {
  const res = await client.conversations.open({ users: userId });
  const id = res.channel?.id;
  if (!id) throw new Error('conversations.open returned no channel');
  return id;
}

/**
 * Sends one turn's replies: a form opens as a modal when a trigger id is at hand, a card that
 * `replaces` an earlier message updates it, everything else is posted. A channel the bot cannot post
 * in (a slash command where it is not a member) falls back to the user's DM.
 */
export async function deliverReplies(
  client: WebClient,
  replies: Outbound[],
  target: ReplyTarget,
  log: Logger,
): Promise<void> {
  let channel = target.channel;
  let triggerId = target.triggerId;
  // The trigger id expires 3 s after the click: a form goes first so its modal opens in time.
  const ordered = triggerId
    ? [...replies.filter(isModalCandidate), ...replies.filter((r) => !isModalCandidate(r))]
    : replies;
  for (const out of ordered) {
    if (out.kind === 'card' && isForm(out) && triggerId) {
      const trigger = triggerId;
      triggerId = undefined;
      try {
        const view = renderModal(out, target.locale, {
          c: channel,
          k: target.kind,
          ...(target.messageRef ? { m: target.messageRef } : {}),
        });
        await client.views.open({ trigger_id: trigger, view });
        continue;
      } catch (e) {
        log.warn({ err: e }, 'views.open failed; posting the form inline');
      }
    }
    if (out.kind === 'card' && out.replaces && parseMessageRef(out.replaces)) {
      try {
        await updateOutbound(client, out.replaces, out, target.locale);
        continue;
      } catch (e) {
        log.warn({ err: e }, 'chat.update failed; posting a new message');
      }
    }
    try {
      await postOutbound(client, channel, out, target.locale);
    } catch (e) {
      const error = platformErrorOf(e);
      if (!error || !GONE_ERRORS.has(error) || target.kind === 'personal') throw e;
      log.info({ channel, error }, 'cannot post in channel; answering in the user DM');
      channel = await openDm(client, target.userId);
      await postOutbound(client, channel, out, target.locale);
    }
  }
}

function isModalCandidate(out: Outbound): out is Card {
  return out.kind === 'card' && isForm(out);
}
