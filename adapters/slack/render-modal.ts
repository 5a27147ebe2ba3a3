import { z } from 'zod';
import type { Button, Card, Outbound } from '../../src/bot/messages.ts';
import type { Locale } from '../../src/domain/call.ts';
import type { ModalView, SlackBlock } from './block-kit.ts';
import { plain } from './block-kit.ts';
import { LIMITS, truncate } from './limits.ts';
import { toPlain } from './mrkdwn.ts';
import { actionsBlocks, cardInfoBlocks, renderBlock } from './render-blocks.ts';
import { renderInput } from './render-inputs.ts';
import { slackText } from './texts.ts';

export const FORM_CALLBACK_ID = 'midler.form';

/** Where a modal came from and what its submit means, kept in the view's private_metadata. */
const ModalMeta = z.object({
  /** The submit button's action id and data. */
  a: z.string(),
  d: z.record(z.string(), z.unknown()).default({}),
  /** Channel to answer in after the modal closes, and its kind. */
  c: z.string(),
  k: z.enum(['personal', 'group', 'channel']),
  /** The message that carried the button that opened the form, if any. */
  m: z.string().optional(),
  /** The response_url of the command or press that opened it: answers in a channel stay ephemeral. */
  r: z.string().optional(),
  /** `m` is an ephemeral message (replaced through `r`, never chat.update). */
  e: z.boolean().optional(),
  /** The thread it was opened from. */
  t: z.string().optional(),
});
export type ModalMeta = z.infer<typeof ModalMeta>;
/** Where a modal's answers go: its metadata without the submit action. */
export type ModalWhere = Omit<ModalMeta, 'a' | 'd'>;

export function encodeModalMeta(meta: ModalMeta): string {
  const full = JSON.stringify(meta);
  if (full.length <= LIMITS.privateMetadata) return full;
  return JSON.stringify({ ...meta, d: {} });
}

export function decodeModalMeta(raw: string | undefined): ModalMeta | null {
  if (!raw) return null;
  try {
    const parsed = ModalMeta.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A card that should open as a modal: a form with several inputs. */
export function isForm(card: Card): boolean {
  return (card.inputs?.length ?? 0) >= 2;
}

/** The button whose press submits the inputs: the primary one, else the first. */
export function submitButton(card: Card): Button | undefined {
  return card.buttons?.find((b) => b.style === 'primary') ?? card.buttons?.[0];
}

/**
 * A form card as a modal: info blocks, input blocks (with any errors as hints), the other buttons as
 * actions, and the submit button as the modal's own submit. Stays within 100 blocks by cutting the
 * informational part (with a note), never the inputs.
 */
export function renderModal(card: Card, locale: Locale, where: ModalWhere): ModalView {
  const submit = submitButton(card);
  const others = (card.buttons ?? []).filter((b) => b !== submit);
  const interactive: SlackBlock[] = [
    ...(card.inputs ?? []).map((input) => renderInput(input, card.errors?.[input.id])),
    ...actionsBlocks(others),
  ];
  let info = card.blocks.length > 0 || card.title ? cardInfoBlocks({ ...card, title: undefined }) : [];
  const room = LIMITS.blocksPerView - interactive.length;
  if (info.length > room) {
    info = [
      ...info.slice(0, Math.max(0, room - 1)),
      { type: 'context', elements: [{ type: 'mrkdwn', text: slackText(locale, 'page.truncated') }] },
    ];
  }
  const meta: ModalMeta = { ...where, a: submit?.action ?? 'form.submit', d: submit?.data ?? {} };
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    title: plain(truncate(toPlain(card.title ?? slackText(locale, 'home.title')), LIMITS.modalTitle)),
    submit: plain(truncate(toPlain(submit?.label ?? slackText(locale, 'modal.submit')), LIMITS.modalButton)),
    close: plain(slackText(locale, 'modal.close')),
    private_metadata: encodeModalMeta(meta),
    blocks: [...info, ...interactive].slice(0, LIMITS.blocksPerView),
  };
}

/**
 * Answers without inputs shown in the modal that asked for them (a button inside a modal cannot close
 * it): their blocks and buttons, no submit, "Close". The buttons keep working from the modal.
 */
export function renderAnswerModal(replies: Outbound[], locale: Locale, where: ModalWhere): ModalView {
  const blocks: SlackBlock[] = [];
  for (const [i, out] of replies.entries()) {
    if (i > 0) blocks.push({ type: 'divider' });
    if (out.kind === 'text') blocks.push(...renderBlock({ kind: 'text', text: out.text }));
    else blocks.push(...cardInfoBlocks({ ...out, title: i === 0 ? undefined : out.title }));
    if (out.kind === 'card') blocks.push(...actionsBlocks(out.buttons ?? []));
  }
  const first = replies[0];
  const title = first?.kind === 'card' && first.title ? first.title : slackText(locale, 'home.title');
  const kept =
    blocks.length <= LIMITS.blocksPerView
      ? blocks
      : [
          ...blocks.slice(0, LIMITS.blocksPerView - 1),
          {
            type: 'context' as const,
            elements: [{ type: 'mrkdwn' as const, text: slackText(locale, 'page.truncated') }],
          },
        ];
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    title: plain(truncate(toPlain(title), LIMITS.modalTitle)),
    close: plain(slackText(locale, 'modal.close')),
    private_metadata: encodeModalMeta({ ...where, a: '', d: {} }),
    blocks: kept,
  };
}

/** Errors for `response_action: errors`, keyed by block id (= input id); only inputs the modal has. */
export function modalErrors(card: Card, shown: ReadonlySet<string>): Record<string, string> | null {
  const entries = Object.entries(card.errors ?? {}).filter(([id]) => shown.has(id));
  return entries.length > 0
    ? Object.fromEntries(entries.map(([id, msg]) => [id, truncate(toPlain(msg), 150)]))
    : null;
}
