import { expect } from 'vitest';
import type { Block, Outbound } from '../../src/bot/messages.ts';

/**
 * What a person sees of one message on any surface, read back from what the bot sent (an Outbound,
 * an Adaptive Card, Block Kit blocks or a Slack modal), so a scenario reads the same everywhere.
 * `text` uses one plain format on every surface (see `render`); `raw` keeps the platform's payload
 * for the assertions only one platform can make.
 */
export interface Shown {
  /** The platform's id of the message (Teams activity id, Slack `{channel}/{ts}`, engine `msg-N`). */
  ref: string;
  kind: 'text' | 'card' | 'modal';
  title?: string;
  /** Everything readable, one plain format on every surface (see `render`). */
  text: string;
  buttons: ShownButton[];
  inputs: ShownInput[];
  /** How often the message was replaced in place since it was posted. */
  updates: number;
  /** The platform payload: an Outbound, an Adaptive Card, Slack args or a modal view. */
  raw: unknown;
}

export interface ShownButton {
  label: string;
  /** The engine action the button carries, and its data (read back from the platform's encoding). */
  action: string;
  data: Record<string, unknown>;
  style?: 'primary' | 'danger' | 'default';
  /** A Slack modal's own submit button (the view's submit, not a block). */
  submit?: true;
  /** Whatever the surface needs to press it again (action id and data, verb, action_id and value). */
  press: Record<string, unknown>;
}

export interface ShownInput {
  id: string;
  label: string;
  /** The surface's own element type (`text`, `Input.Text`, `plain_text_input`, …). */
  type: string;
  value?: unknown;
  required?: boolean;
  error?: string;
}

/** Input values a test gives: plain values, or a persona for a person picker (see kit/persona.ts). */
export type Inputs = Record<string, unknown>;

export const STEP_STATES = ['done', 'current', 'waiting', 'todo', 'declined', 'skipped'] as const;
export type StepState = (typeof STEP_STATES)[number];

/**
 * The one text format: `# title`, text lines, `label: value` facts, `[state] step – detail`,
 * `> quote (source)`, `<type id: label> = value` inputs with `! id: error`, `[button]`. Bold markers
 * are dropped, so `**x**` on Teams and `*x*` on Slack both read `x`.
 */
export function render(parts: {
  title?: string | undefined;
  lines: string[];
  inputs: ShownInput[];
  buttons: ShownButton[];
}): string {
  const out: string[] = [];
  if (parts.title) out.push(`# ${parts.title}`);
  out.push(...parts.lines);
  for (const i of parts.inputs) {
    out.push(`<${i.type} ${i.id}: ${i.label}>${i.value === undefined ? '' : ` = ${String(i.value)}`}`);
    if (i.error) out.push(`! ${i.id}: ${i.error}`);
  }
  for (const b of parts.buttons) out.push(`[${b.label}]`);
  return unbold(out.join('\n'));
}

export const unbold = (s: string): string => s.replace(/\*\*(.+?)\*\*/gs, '$1');

export const stepLine = (state: string, label: string, detail?: string): string =>
  `[${state}] ${label}${detail ? ` – ${detail}` : ''}`;

function blockLines(b: Block): string[] {
  switch (b.kind) {
    case 'text':
      return [b.text];
    case 'facts':
      return b.facts.map((f) => `${f.label}: ${f.value}`);
    case 'steps':
      return b.steps.map((s) => stepLine(s.state, s.label, s.detail));
    case 'progress':
      return [`(${b.current}/${b.total}) ${b.label ?? ''}`];
    case 'quote':
      return [`> ${b.text} (${b.source})`];
  }
}

/** An engine reply as shown; `ref` is where it sits in the chat. */
export function fromOutbound(out: Outbound, ref: string): Shown {
  if (out.kind === 'text') {
    return { ref, kind: 'text', text: unbold(out.text), buttons: [], inputs: [], updates: 0, raw: out };
  }
  const inputs: ShownInput[] = (out.inputs ?? []).map((i) => ({
    id: i.id,
    label: i.label,
    type: i.kind,
    ...('value' in i && i.value !== undefined ? { value: i.value } : {}),
    ...(i.required ? { required: true } : {}),
    ...(out.errors?.[i.id] ? { error: out.errors[i.id] } : {}),
  }));
  const buttons: ShownButton[] = (out.buttons ?? []).map((b) => ({
    label: b.label,
    action: b.action,
    data: b.data ?? {},
    ...(b.style ? { style: b.style } : {}),
    press: { action: b.action, data: b.data ?? {} },
  }));
  const lines = out.blocks.flatMap(blockLines);
  // Choice options are part of what a person reads on the card.
  for (const i of out.inputs ?? [])
    if (i.kind === 'choice') lines.push(...i.options.map((o) => `( ) ${o.label}`));
  return {
    ref,
    kind: 'card',
    ...(out.title ? { title: out.title } : {}),
    text: render({ title: out.title, lines, inputs, buttons }),
    buttons,
    inputs,
    updates: 0,
    raw: out,
  };
}

export type Expected = string | RegExp;

const matches = (text: string, e: Expected) => (typeof e === 'string' ? text.includes(e) : e.test(text));

/** Everything in `shown` as one string, messages separated as a chat shows them. */
export const textOf = (shown: readonly Shown[] | Shown | undefined): string =>
  (Array.isArray(shown) ? shown : shown ? [shown] : []).map((s) => s.text).join('\n---\n');

/** Asserts that every expected text is in what was shown (and no unexpected one); the message shows it all. */
export function expectShown(
  shown: readonly Shown[] | Shown | undefined,
  expected: readonly Expected[],
  not: readonly Expected[] = [],
  what = 'the replies',
): void {
  const text = textOf(shown);
  for (const e of expected)
    expect(matches(text, e), `${what} does not show ${String(e)}:\n${text}`).toBe(true);
  for (const e of not) expect(matches(text, e), `${what} shows ${String(e)}:\n${text}`).toBe(false);
}

export function hasButton(shown: Shown, label: Expected): boolean {
  return shown.buttons.some((b) => matches(b.label, label));
}

export function buttonOf(shown: Shown, label: Expected): ShownButton {
  const found = shown.buttons.filter((b) =>
    typeof label === 'string' ? b.label === label : label.test(b.label),
  );
  const button = found.at(-1);
  if (!button)
    throw new Error(
      `no button ${String(label)} on:\n${shown.text}\n(buttons: ${shown.buttons.map((b) => b.label).join(' | ')})`,
    );
  return button;
}

export const labels = (shown: Shown | undefined): string[] => shown?.buttons.map((b) => b.label) ?? [];
