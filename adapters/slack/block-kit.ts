import type { types } from '@slack/bolt';

/** The Block Kit shapes the renderers produce, named once so the rest reads plainly. */
export type SlackBlock = types.KnownBlock;
export type ActionsBlock = types.ActionsBlock;
export type InputBlock = types.InputBlock;
export type ModalView = types.ModalView;
export type HomeView = types.HomeView;
export type PlainText = types.PlainTextElement;
export type Option = types.PlainTextOption;

/** One chat message as chat.postMessage / chat.update take it. */
export interface SlackMessage {
  /** Notification and screen-reader text; Slack shows it when blocks cannot be shown. */
  text: string;
  blocks: SlackBlock[];
}

export function plain(text: string): PlainText {
  return { type: 'plain_text', text, emoji: true };
}
