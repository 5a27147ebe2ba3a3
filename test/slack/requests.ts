import type { SlackCall, SlackCapture } from '../support/slack-capture.ts';
import { appMention, blockActions, type SlackRequest, slashCommand } from '../support/slack-fixtures.ts';

/**
 * The fixtures' requests with their `response_url` pointed at the local capture (Slack's are
 * https://hooks.slack.com/…; tests never go out), plus the payload variants Slack sends for
 * ephemeral messages and threads. The capture records a response_url post as method `response.url`.
 */
export const RESPONSE_URL = 'response.url';

function responseUrl(capture: SlackCapture, original: string): string {
  return `${capture.apiUrl}${RESPONSE_URL}?hook=${encodeURIComponent(new URL(original).pathname)}`;
}

function rewritePayload(req: SlackRequest, change: (payload: Record<string, unknown>) => void): SlackRequest {
  const form = new URLSearchParams(req.body);
  const payload = JSON.parse(form.get('payload') ?? '{}') as Record<string, unknown>;
  change(payload);
  form.set('payload', JSON.stringify(payload));
  return { ...req, body: form.toString() };
}

/** `/midler …` as Slack sends it, answering to the capture's response_url. */
export function slash(
  capture: SlackCapture,
  text: string,
  opts: Parameters<typeof slashCommand>[1] = {},
): SlackRequest {
  const req = slashCommand(text, opts);
  const form = new URLSearchParams(req.body);
  form.set('response_url', responseUrl(capture, form.get('response_url') ?? 'https://x/'));
  return { ...req, body: form.toString() };
}

/**
 * The blocks the bot last showed in message `ts` of `channel`, as Slack would send them with a press
 * on it: its chat.postMessage (the capture numbers their ts in order) or a later chat.update.
 */
export function shownBlocks(capture: SlackCapture, channel: string, ts: string): unknown[] | undefined {
  let position = 0;
  let shown: unknown[] | undefined;
  for (const c of capture.calls) {
    const here = c.args.channel === channel;
    if (c.method === 'chat.postMessage') {
      position += 1;
      if (here && ts === `1693814400.${String(position).padStart(6, '0')}`)
        shown = c.args.blocks as unknown[];
    } else if (c.method === 'chat.update' && here && c.args.ts === ts) {
      shown = c.args.blocks as unknown[];
    }
  }
  return shown;
}

/**
 * A button press on a message; `ephemeral` for a message only the presser sees (Slack marks the
 * container `is_ephemeral` and sends no stored `message`), `threadTs` for a message in a thread.
 * The payload's `message.blocks` are what the bot last showed in that message (`shownBlocks`), as
 * Slack sends them; `shown` overrides them (a press on an older rendering: a double click, or a
 * client that had not redrawn the message yet).
 */
export function press(
  capture: SlackCapture,
  opts: Parameters<typeof blockActions>[0] & { ephemeral?: boolean; threadTs?: string; shown?: unknown[] },
): SlackRequest {
  const { ephemeral, threadTs, shown, ...rest } = opts;
  return rewritePayload(blockActions(rest), (payload) => {
    payload.response_url = responseUrl(capture, String(payload.response_url));
    const container = payload.container as Record<string, unknown>;
    const message = payload.message as Record<string, unknown> | undefined;
    if (message && typeof container.channel_id === 'string' && typeof container.message_ts === 'string') {
      const blocks = shown ?? shownBlocks(capture, container.channel_id, container.message_ts);
      if (blocks) message.blocks = blocks;
    }
    if (ephemeral && container.type === 'message') {
      container.is_ephemeral = true;
      delete payload.message;
    }
    if (threadTs) {
      container.thread_ts = threadTs;
      const message = payload.message as Record<string, unknown> | undefined;
      if (message) message.thread_ts = threadTs;
    }
  });
}

/** A press of the first button for `action` on its card, carrying `data` as the bot rendered it. */
export function pressOf(
  capture: SlackCapture,
  action: string,
  data: Record<string, unknown>,
  where: Omit<Parameters<typeof press>[1], 'actionId' | 'value'> = {},
): SlackRequest {
  return press(capture, { actionId: `${action}#0`, value: JSON.stringify({ a: action, d: data }), ...where });
}

/** An @mention written as a reply in a thread (the event carries the parent's `thread_ts`). */
export function mentionInThread(text: string, threadTs: string, opts: Parameters<typeof appMention>[1] = {}) {
  const req = appMention(text, opts);
  const body = JSON.parse(req.body) as { event: Record<string, unknown> };
  body.event.thread_ts = threadTs;
  return { ...req, body: JSON.stringify(body) };
}

/** The messages posted to response_urls, in order. */
export function responses(capture: SlackCapture): SlackCall[] {
  return capture.of(RESPONSE_URL);
}
