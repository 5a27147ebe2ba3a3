import { signSlackRequest } from '../../adapters/slack/verify.ts';
import { CAPTURE_BOT } from './slack-capture.ts';

/**
 * Requests shaped exactly as Slack sends them (docs.slack.dev: slash commands, Events API, interaction
 * payloads), with faked ids. One helper file for every payload, as bolt-js keeps its test factories.
 */
/** When the Slack protocol tests happen: the host's clock and the signed requests' timestamps. */
export const NOW = new Date('2023-09-04T08:00:00Z');
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);
export const SIGNING_SECRET = 'test-signing-secret-8f14e45fceea167a5a36dedd4bea2543';
export const TEAM = CAPTURE_BOT.teamId;

/** Slack switched on over HTTP with its Web API at a capture (`apiUrl`), as the tests configure it. */
export const slackConfig = (apiUrl: string, botToken = 'xoxb-test-token') => ({
  enabled: true,
  socketMode: false,
  botToken,
  signingSecret: SIGNING_SECRET,
  apiUrl,
});
export const APP_ID = 'A0MIDLER01';
export const USER = 'U0KARI001';
export const OTHER_USER = 'U0OLA0002';
export const CHANNEL = 'C0INNOV01';
export const DM = 'D0KARI001';

let counter = 0;
const next = () => {
  counter += 1;
  return counter;
};

export interface SlackRequest {
  body: string;
  contentType: string;
}

export interface SignOptions {
  /** Unix seconds; default: the test clock's now. */
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
}

/** Headers Slack adds: the v0 signature over `v0:{ts}:{body}` and its timestamp. */
export function slackHeaders(
  req: SlackRequest,
  nowSeconds: number,
  options: SignOptions = {},
): Record<string, string> {
  const ts = options.timestamp ?? nowSeconds;
  return {
    'content-type': req.contentType,
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': signSlackRequest(options.secret ?? SIGNING_SECRET, ts, req.body),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...options.headers,
  };
}

export async function postSlack(
  port: number,
  req: SlackRequest,
  nowSeconds: number,
  options: SignOptions & { rawHeaders?: Record<string, string>; bodyOverride?: string } = {},
): Promise<Response> {
  const headers = options.rawHeaders ?? slackHeaders(req, nowSeconds, options);
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers,
    body: options.bodyOverride ?? req.body,
  });
}

function json(body: unknown): SlackRequest {
  return { body: JSON.stringify(body), contentType: 'application/json' };
}

function interaction(payload: unknown): SlackRequest {
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}

export function urlVerification(challenge: string): SlackRequest {
  return json({ token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl', challenge, type: 'url_verification' });
}

export function slashCommand(
  text: string,
  opts: { user?: string; channel?: string; channelName?: string } = {},
): SlackRequest {
  const n = next();
  const form = new URLSearchParams({
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    team_id: TEAM,
    team_domain: 'midler',
    channel_id: opts.channel ?? CHANNEL,
    channel_name: opts.channelName ?? 'innovasjon',
    user_id: opts.user ?? USER,
    user_name: 'kari.nordmann',
    command: '/midler',
    text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: `https://hooks.slack.com/commands/${TEAM}/${n}/xyz`,
    trigger_id: `${n}.1234567890.trigger${n}`,
  });
  return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}

export interface EventOptions {
  eventId?: string;
}

function eventCallback(event: Record<string, unknown>, opts: EventOptions = {}) {
  const n = next();
  return {
    token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
    team_id: TEAM,
    context_team_id: TEAM,
    api_app_id: APP_ID,
    event,
    type: 'event_callback',
    event_id: opts.eventId ?? `Ev0${String(n).padStart(8, '0')}`,
    event_time: 1693814400 + n,
    authorizations: [
      {
        enterprise_id: null,
        team_id: TEAM,
        user_id: CAPTURE_BOT.userId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-eyJldCI6ImFwcF9tZW50aW9uIn0-${n}`,
  };
}

export function appMention(
  text: string,
  opts: EventOptions & { user?: string; channel?: string } = {},
): SlackRequest {
  const ts = `1693814400.${String(next()).padStart(6, '0')}`;
  return json(
    eventCallback(
      {
        type: 'app_mention',
        user: opts.user ?? USER,
        text: `<@${CAPTURE_BOT.userId}> ${text}`,
        ts,
        client_msg_id: `c0ffee00-0000-4000-8000-${String(next()).padStart(12, '0')}`,
        team: TEAM,
        channel: opts.channel ?? CHANNEL,
        event_ts: ts,
      },
      opts,
    ),
  );
}

export function directMessage(
  text: string,
  opts: EventOptions & { user?: string; botId?: string; subtype?: string } = {},
): SlackRequest {
  const ts = `1693814400.${String(next()).padStart(6, '0')}`;
  return json(
    eventCallback(
      {
        type: 'message',
        ...(opts.subtype ? { subtype: opts.subtype } : {}),
        ...(opts.botId ? { bot_id: opts.botId } : {}),
        user: opts.user ?? USER,
        text,
        ts,
        team: TEAM,
        channel: DM,
        event_ts: ts,
        channel_type: 'im',
      },
      opts,
    ),
  );
}

export function appHomeOpened(user: string = USER, opts: EventOptions = {}): SlackRequest {
  return json(
    eventCallback(
      { type: 'app_home_opened', user, channel: DM, tab: 'home', event_ts: '1693814400.000001' },
      opts,
    ),
  );
}

export function blockActions(opts: {
  actionId: string;
  value: string;
  channel?: string;
  messageTs?: string;
  user?: string;
  values?: Record<string, Record<string, unknown>>;
  view?: Record<string, unknown>;
}): SlackRequest {
  const n = next();
  const channel = opts.channel ?? CHANNEL;
  const messageTs = opts.messageTs ?? '1693814400.000100';
  const container = opts.view
    ? { type: 'view', view_id: opts.view.id }
    : { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: false };
  return interaction({
    type: 'block_actions',
    user: { id: opts.user ?? USER, username: 'kari.nordmann', name: 'kari.nordmann', team_id: TEAM },
    api_app_id: APP_ID,
    token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
    container,
    trigger_id: `${n}.1234567890.action${n}`,
    team: { id: TEAM, domain: 'midler' },
    enterprise: null,
    is_enterprise_install: false,
    ...(opts.view
      ? { view: opts.view }
      : {
          channel: { id: channel, name: 'innovasjon' },
          message: {
            type: 'message',
            user: CAPTURE_BOT.userId,
            bot_id: CAPTURE_BOT.botId,
            ts: messageTs,
            text: 'card',
            blocks: [],
          },
          state: { values: opts.values ?? {} },
        }),
    response_url: `https://hooks.slack.com/actions/${TEAM}/${n}/abc`,
    actions: [
      {
        action_id: opts.actionId,
        block_id: `b${n}`,
        text: { type: 'plain_text', text: 'Button', emoji: true },
        value: opts.value,
        type: 'button',
        action_ts: `1693814500.${String(n).padStart(6, '0')}`,
      },
    ],
  });
}

/** The view Slack sends back on submit: our blocks, plus state.values for the inputs. */
export function viewSubmission(opts: {
  privateMetadata: string;
  blocks: unknown[];
  values: Record<string, Record<string, unknown>>;
  user?: string;
}): SlackRequest {
  const n = next();
  return interaction({
    type: 'view_submission',
    team: { id: TEAM, domain: 'midler' },
    user: { id: opts.user ?? USER, username: 'kari.nordmann', name: 'kari.nordmann', team_id: TEAM },
    api_app_id: APP_ID,
    token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
    trigger_id: `${n}.1234567890.submit${n}`,
    view: {
      id: `V0VIEW${n}`,
      team_id: TEAM,
      type: 'modal',
      blocks: opts.blocks,
      private_metadata: opts.privateMetadata,
      callback_id: 'midler.form',
      state: { values: opts.values },
      hash: `1693814400.hash${n}`,
      title: { type: 'plain_text', text: 'Skjema', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: { type: 'plain_text', text: 'Lukk', emoji: true },
      submit: { type: 'plain_text', text: 'Send', emoji: true },
      previous_view_id: null,
      root_view_id: `V0VIEW${n}`,
      app_id: APP_ID,
      external_id: '',
      app_installed_team_id: TEAM,
      bot_id: CAPTURE_BOT.botId,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  });
}
