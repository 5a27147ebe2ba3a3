import type { types } from '@slack/bolt';
import type { Block, Button, Card, Mention, Outbound } from '../../src/bot/messages.ts';
import type { Locale } from '../../src/domain/call.ts';
import type { ActionsBlock, SlackBlock, SlackMessage } from './block-kit.ts';
import { plain } from './block-kit.ts';
import { encodeButtonValue } from './button-value.ts';
import { LIMITS, splitText, truncate } from './limits.ts';
import { escapeMrkdwn, toMrkdwn, toPlain } from './mrkdwn.ts';
import { renderInput } from './render-inputs.ts';
import { slackText } from './texts.ts';

const EMPHASIS: Record<string, string> = {
  warning: ':warning: ',
  attention: ':exclamation: ',
  good: ':white_check_mark: ',
};

const STEP_ICON: Record<string, string> = {
  done: ':white_check_mark:',
  current: ':arrow_forward:',
  waiting: ':hourglass_flowing_sand:',
  todo: ':white_circle:',
  declined: ':x:',
  skipped: ':heavy_minus_sign:',
};

function sections(mrkdwn: string): SlackBlock[] {
  return splitText(mrkdwn, LIMITS.sectionText).map((piece) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: piece },
  }));
}

function contexts(mrkdwn: string): SlackBlock[] {
  return splitText(mrkdwn, LIMITS.sectionText).map((piece) => ({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: piece }],
  }));
}

/** A title fits a header block; a longer one becomes a bold section so nothing is cut. */
export function titleBlocks(title: string): SlackBlock[] {
  const flat = toPlain(title).replace(/\s+/g, ' ').trim();
  if (Array.from(flat).length <= LIMITS.headerText) return [{ type: 'header', text: plain(flat) }];
  return sections(`*${escapeMrkdwn(flat)}*`);
}

function factBlocks(facts: { label: string; value: string }[]): SlackBlock[] {
  const out: SlackBlock[] = [];
  let fields: string[] = [];
  const flush = () => {
    if (fields.length === 0) return;
    out.push({ type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn', text })) });
    fields = [];
  };
  for (const fact of facts) {
    const text = `*${escapeMrkdwn(toPlain(fact.label))}*\n${toMrkdwn(fact.value)}`;
    if (Array.from(text).length > LIMITS.fieldText) {
      // Too long for a field: it gets sections of its own, in order.
      flush();
      out.push(...sections(text));
      continue;
    }
    fields.push(text);
    if (fields.length === LIMITS.sectionFields) flush();
  }
  flush();
  return out;
}

function progressBar(current: number, total: number): string {
  const width = 10;
  const safeTotal = Math.max(1, total);
  const filled = Math.max(0, Math.min(width, Math.round((current / safeTotal) * width)));
  return `${'▰'.repeat(filled)}${'▱'.repeat(width - filled)}`;
}

/** One neutral block as Block Kit blocks (several when it is long). */
export function renderBlock(block: Block): SlackBlock[] {
  switch (block.kind) {
    case 'text': {
      if (block.emphasis === 'subtle') return contexts(toMrkdwn(block.text));
      return sections(`${EMPHASIS[block.emphasis ?? ''] ?? ''}${toMrkdwn(block.text)}`);
    }
    case 'facts':
      return factBlocks(block.facts);
    case 'steps': {
      const lines = block.steps.map((s) => {
        const label = s.state === 'current' ? `*${toMrkdwn(s.label)}*` : toMrkdwn(s.label);
        return `${STEP_ICON[s.state] ?? ''} ${label}${s.detail ? ` — ${toMrkdwn(s.detail)}` : ''}`;
      });
      return sections(lines.join('\n'));
    }
    case 'progress': {
      // The label already counts ("Spørsmål 2 av 7"); without one the bar gets the numbers.
      const bar = progressBar(block.current, block.total);
      return contexts(
        block.label ? `${toMrkdwn(block.label)} ${bar}` : `${bar} ${block.current}/${block.total}`,
      );
    }
    case 'quote': {
      const quoted = toMrkdwn(block.text)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
      return [...sections(quoted), ...contexts(`— ${escapeMrkdwn(block.source)}`)];
    }
  }
}

export function renderButton(button: Button, index: number) {
  return {
    type: 'button' as const,
    text: plain(truncate(toPlain(button.label), LIMITS.buttonText)),
    action_id: truncate(`${button.action}#${index}`, LIMITS.actionId),
    value: encodeButtonValue(button.action, button.data ?? {}),
    ...(button.style === 'primary' || button.style === 'danger' ? { style: button.style } : {}),
  };
}

export function actionsBlocks(buttons: Button[]): ActionsBlock[] {
  const out: ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    const slice = buttons.slice(i, i + LIMITS.actionsElements);
    out.push({ type: 'actions', elements: slice.map((b, j) => renderButton(b, i + j)) });
  }
  return out;
}

/** The informational part of a card: title and blocks. */
export function cardInfoBlocks(card: Card): SlackBlock[] {
  return [...(card.title ? titleBlocks(card.title) : []), ...card.blocks.flatMap(renderBlock)];
}

/** Pages blocks into messages of at most 50, keeping the interactive tail together on the last page. */
export function paginate(
  info: SlackBlock[],
  interactive: SlackBlock[],
  max: number = LIMITS.blocksPerMessage,
): SlackBlock[][] {
  const pages: SlackBlock[][] = [];
  for (let i = 0; i < info.length; i += max) pages.push(info.slice(i, i + max));
  if (interactive.length === 0) return pages.length > 0 ? pages : [[]];
  const last = pages.at(-1);
  if (last && last.length + interactive.length <= max) {
    last.push(...interactive);
    return pages;
  }
  for (let i = 0; i < interactive.length; i += max) pages.push(interactive.slice(i, i + max));
  return pages;
}

function fallbackOf(out: Outbound): string {
  const first =
    out.kind === 'text'
      ? out.text
      : (out.title ?? out.blocks.find((b) => b.kind === 'text')?.text ?? 'Midlerbot');
  return truncate(toPlain(first), LIMITS.fallbackText);
}

/** The first place `name` stands in `text` as Slack's mention of the user. */
function mentionOnce(text: string, name: string, userId: string): string {
  const at = name ? text.indexOf(name) : -1;
  return at < 0 ? text : `${text.slice(0, at)}<@${userId}>${text.slice(at + name.length)}`;
}

/** Each person mentioned in the first section that names them. */
function withMentions(blocks: SlackBlock[], mentions: readonly Mention[]): SlackBlock[] {
  for (const m of mentions) {
    const name = toMrkdwn(m.name);
    const section = blocks.find(
      (b): b is types.SectionBlock & { text: types.MrkdwnElement } =>
        b.type === 'section' && b.text?.type === 'mrkdwn' && b.text.text.includes(name),
    );
    if (section) section.text = { ...section.text, text: mentionOnce(section.text.text, name, m.userId) };
  }
  return blocks;
}

export interface RenderOptions {
  locale: Locale;
}

/**
 * A neutral message as one or more Slack messages. Inputs are rendered inline as input blocks (their
 * values come back in `state.values` with the button press); forms with several inputs are opened as
 * modals instead when a trigger id is at hand (see render-modal.ts).
 */
export function renderMessages(out: Outbound, options: RenderOptions): SlackMessage[] {
  const mentions = out.mentions ?? [];
  // The notification text carries the mentions too: Slack notifies from either.
  const text = mentions.reduce((t, m) => mentionOnce(t, toPlain(m.name), m.userId), fallbackOf(out));
  if (out.kind === 'text') {
    const body = mentions.reduce((t, m) => mentionOnce(t, toMrkdwn(m.name), m.userId), toMrkdwn(out.text));
    return paginate(sections(body), []).map((blocks) => ({ text, blocks }));
  }
  const interactive: SlackBlock[] = [
    ...(out.inputs ?? []).map((input) => renderInput(input, out.errors?.[input.id])),
    ...actionsBlocks(out.buttons ?? []),
  ];
  const pages = paginate(withMentions(cardInfoBlocks(out), mentions), interactive);
  return pages.map((blocks, i) => ({
    text: i === 0 ? text : `${text} ${slackText(options.locale, 'page.continued')}`,
    blocks,
  }));
}
