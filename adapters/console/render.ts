import type { Block, Button, Card, Input, Outbound } from '../../src/bot/messages.ts';

/** A button shown with a number the user can type. */
export interface Choice {
  n: number;
  button: Button;
  /** The inputs of the card the button belongs to, filled in before the click is sent. */
  inputs: Input[];
  /** True for the button that submits the card's inputs: the primary one, else the first (as on Slack). */
  submits: boolean;
}

const STEP_MARK: Record<Extract<Block, { kind: 'steps' }>['steps'][number]['state'], string> = {
  done: '✔',
  current: '▶',
  waiting: '…',
  todo: '○',
  declined: '✘',
  skipped: '–',
};

function bold(s: string, color: boolean): string {
  return color ? s.replace(/\*\*(.+?)\*\*/g, '\x1b[1m$1\x1b[22m') : s.replace(/\*\*(.+?)\*\*/g, '$1');
}

function blockLines(b: Block, color: boolean): string[] {
  switch (b.kind) {
    case 'text':
      return bold(b.text, color)
        .split('\n')
        .map((l) => (b.emphasis === 'attention' || b.emphasis === 'warning' ? `! ${l}` : l));
    case 'facts': {
      const width = Math.min(32, Math.max(...b.facts.map((f) => f.label.length)));
      return b.facts.map((f) => `${f.label.padEnd(width)}  ${f.value}`);
    }
    case 'steps':
      return b.steps.map((s) => `${STEP_MARK[s.state]} ${s.label}${s.detail ? `  (${s.detail})` : ''}`);
    case 'progress':
      return [
        `[${'#'.repeat(b.current)}${'.'.repeat(Math.max(0, b.total - b.current))}] ${b.label ?? `${b.current}/${b.total}`}`,
      ];
    case 'quote':
      return [`» ${b.text}`, `  — ${b.source}`];
  }
}

function cardText(card: Card, first: number, color: boolean): { lines: string[]; choices: Choice[] } {
  const lines: string[] = [];
  if (card.title) lines.push(color ? `\x1b[1m${card.title}\x1b[22m` : card.title);
  for (const b of card.blocks) lines.push(...blockLines(b, color));
  if (card.inputs?.length) lines.push(...card.inputs.map((i) => `  ✎ ${i.label}`));
  const buttons = card.buttons ?? [];
  const submit = buttons.find((b) => b.style === 'primary') ?? buttons[0];
  const inputs = card.inputs ?? [];
  const choices = buttons.map((button, i) => ({
    n: first + i,
    button,
    inputs,
    submits: inputs.length > 0 && button === submit,
  }));
  const labels = choices.map((c) => `[${c.n}] ${c.button.label}`);
  if (labels.join('   ').length <= 100) lines.push(...(labels.length ? [labels.join('   ')] : []));
  else lines.push(...labels);
  return { lines: ['┌──', ...lines.map((l) => `│ ${l}`), '└──'], choices };
}

/** Draws one turn's replies; buttons are numbered from 1 across the turn. */
export function renderReplies(
  replies: readonly Outbound[],
  color = false,
): { text: string; choices: Choice[] } {
  const out: string[] = [];
  const choices: Choice[] = [];
  for (const r of replies) {
    if (r.kind === 'text') {
      out.push(bold(r.text, color));
      continue;
    }
    const drawn = cardText(r, choices.length + 1, color);
    out.push(drawn.lines.join('\n'));
    choices.push(...drawn.choices);
  }
  return { text: out.join('\n'), choices };
}

/** The prompt for one input, with numbered options for a choice. */
export function inputPrompt(input: Input): string {
  if (input.kind !== 'choice') return `${input.label}: `;
  const options = input.options.map((o, i) => `  ${i + 1}. ${o.label}`).join('\n');
  return `${input.label}${input.multiple ? ' (1,3 …)' : ''}\n${options}\n> `;
}

/** Reads what the user typed for an input; choices by number or by value. */
export function readInput(input: Input, line: string): unknown {
  const typed = line.trim();
  if (input.kind !== 'choice') return typed;
  const pick = (part: string) => {
    const n = Number(part);
    return Number.isInteger(n) && n >= 1 && n <= input.options.length ? input.options[n - 1]!.value : part;
  };
  const picked = typed
    .split(/[,\s]+/)
    .filter((p) => p !== '')
    .map(pick);
  return input.multiple ? picked : (picked[0] ?? '');
}
