import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Outbound } from '../../src/bot/messages.ts';
import type { Locale } from '../../src/domain/call.ts';
import { deadlineSignal } from '../../src/server/deadline.ts';
import { plainRequest } from '../../src/server/plain-http.ts';
import type { SlackMessage } from './block-kit.ts';
import { renderMessages } from './render-blocks.ts';

type WebClient = webApi.WebClient;

/**
 * Answers only the asker sees, in a channel or group: a slash command's or a button press's
 * `response_url` (works where the bot is not a member; at most 5 uses in 30 minutes), else
 * chat.postEphemeral (needs the bot in the channel). In a thread, or under a message the bot posted,
 * chat.postEphemeral goes first: it takes the thread's ts and uses up nothing.
 */
export interface EphemeralWhere {
  channel: string;
  userId: string;
  responseUrl?: string | undefined;
  threadTs?: string | undefined;
  /** The bot posted the message pressed here, so it is a member: chat.postEphemeral goes first. */
  botIsMember?: boolean | undefined;
}

/**
 * The deadline of a response_url post: OUTBOUND_TIMEOUT_SECONDS, set by the adapter at start-up
 * (one setting per process; the posts are made from many places that do not carry it).
 */
export const responseUrlTimeout = { ms: 10_000 };

/** POSTs a message to a response_url; throws unless Slack accepted it (`ok`, or `{"ok":true}`). */
export async function postToResponseUrl(url: string, body: Record<string, unknown>): Promise<void> {
  // Cancelled at its own deadline, or at a reminder send's (the ambient one), whichever is first;
  // link-local and metadata addresses are refused there, by URL and after DNS.
  const { status, text } = await plainRequest(new URL(url), {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    timeoutMs: responseUrlTimeout.ms,
    what: 'slack response_url',
    signal: deadlineSignal(),
  });
  if (status < 200 || status >= 300)
    throw new Error(`response_url answered ${status}: ${text.slice(0, 100)}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return; // Slack's plain `ok`.
  }
  if (typeof parsed === 'object' && parsed !== null && 'ok' in parsed && parsed.ok === false) {
    const error = 'error' in parsed ? String(parsed.error) : 'unknown';
    throw new Error(`response_url refused the message: ${error}`);
  }
}

async function onePage(client: WebClient, where: EphemeralWhere, page: SlackMessage, log: Logger) {
  const viaUrl = async () => {
    if (!where.responseUrl) throw new Error('no response_url');
    await postToResponseUrl(where.responseUrl, {
      response_type: 'ephemeral',
      replace_original: false,
      text: page.text,
      blocks: page.blocks,
    });
  };
  const viaApi = async () => {
    await client.chat.postEphemeral({
      channel: where.channel,
      user: where.userId,
      text: page.text,
      blocks: page.blocks,
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    });
  };
  const [first, second] = where.threadTs || where.botIsMember ? [viaApi, viaUrl] : [viaUrl, viaApi];
  try {
    await first();
  } catch (e) {
    log.info({ err: e, channel: where.channel }, 'ephemeral answer failed; trying the other way');
    await second();
  }
}

/** Posts a message only the user sees; throws when neither way worked (the caller falls back to the DM). */
export async function postEphemeralOutbound(
  client: WebClient,
  where: EphemeralWhere,
  out: Outbound,
  locale: Locale,
  log: Logger,
): Promise<void> {
  for (const page of renderMessages(out, { locale })) await onePage(client, where, page, log);
}

/**
 * Replaces an ephemeral message in place through the press's response_url (chat.update cannot edit
 * ephemeral messages); further pages follow as new ephemeral messages.
 */
export async function replaceEphemeralOutbound(
  client: WebClient,
  where: EphemeralWhere & { responseUrl: string },
  out: Outbound,
  locale: Locale,
  log: Logger,
): Promise<void> {
  const [first, ...rest] = renderMessages(out, { locale });
  if (first) {
    await postToResponseUrl(where.responseUrl, {
      replace_original: true,
      text: first.text,
      blocks: first.blocks,
    });
  }
  for (const page of rest) await onePage(client, where, page, log);
}
