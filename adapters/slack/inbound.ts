import type { Inbound } from '../../src/bot/messages.ts';

export type ConversationKind = Inbound['conversation']['kind'];

/**
 * A conversation's kind from Slack's channel id (D: a DM with the bot; C/G: a channel, G also a group
 * DM, which slash commands name `mpdm-…`).
 */
export function kindOf(channelId: string, channelType?: string, channelName?: string): ConversationKind {
  if (channelType === 'im' || channelId.startsWith('D') || channelName === 'directmessage') return 'personal';
  if (channelType === 'mpim' || channelName?.startsWith('mpdm-')) return 'group';
  return 'channel';
}

/**
 * `/midler` sub-words in both languages, as the phrases the engine's router knows. Other text is
 * passed on as typed; an empty command asks for help.
 */
const SUB_WORDS: Record<string, string> = {
  hjelp: 'hjelp',
  help: 'help',
  sjekk: 'kan jeg søke',
  check: 'can i apply',
  beløp: 'beløp',
  belop: 'beløp',
  amount: 'amount',
  status: 'status',
  påminnelser: 'påminnelser',
  paminnelser: 'påminnelser',
  reminders: 'reminders',
  søknad: 'ny søknad',
  soknad: 'ny søknad',
  apply: 'new application',
  personvern: 'personvern',
  privacy: 'privacy',
  // `/midler spør når er fristen?`: the rest is a question about the calls (the engine knows the word).
  spør: 'spør',
  spor: 'spør',
  ask: 'ask',
  // `/midler at 2023-08-25 09:00`: the development clock (src/server/clock-command.ts); elsewhere unknown.
  at: '/at',
};

export function slashText(text: string | undefined): string {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return 'hjelp';
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const mapped = SUB_WORDS[first.toLowerCase()];
  return mapped === undefined ? trimmed : [mapped, ...rest].join(' ');
}

/** Removes the bot's mention (`<@U123>` or `<@U123|name>`) so the engine sees only the words. */
export function stripMention(text: string, botUserId: string | undefined): string {
  const own = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g') : /^\s*<@[A-Z0-9]+(\|[^>]*)?>/;
  return text.replace(own, ' ').replace(/\s+/g, ' ').trim();
}
