import type { Block, Button, Card, Input, Outbound } from '../../src/bot/messages.ts';
import type { Locale } from '../../src/domain/call.ts';
import { consoleId } from './args.ts';

/**
 * A button shown with a number the user can type.
 *
 * Teams and Slack send a card's inputs with whichever of its buttons is pressed, so every button of a
 * card with inputs asks for them here too (Avslå and Be om mer informasjon send the leader's
 * comment), except navigation: the engine reads no inputs for `engine.resume` ("Fortsett der jeg
 * var") or a dialog's `start`, `back` and `cancel`, so those are sent at once.
 */
export interface Choice {
  n: number;
  button: Button;
  /** The card's inputs, asked for one line each before the click is sent; empty for navigation. */
  inputs: Input[];
  /** The card's validation messages by input id, shown with the prompt of their input. */
  errors: Record<string, string>;
  /**
   * The card's submit button (its primary non-navigation button, else the first): required inputs
   * must be answered. Any other button may stand for the answer itself ("Vet ikke", "Avslå"), so
   * an empty first answer sends it without filling in the form.
   */
  submits: boolean;
}

/** Buttons the engine handles without reading the card's inputs. */
export function isNavigation(action: string): boolean {
  return action === 'engine.resume' || /\.(start|back|cancel)$/.test(action);
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
  const inputs = card.inputs ?? [];
  const errors = card.errors ?? {};
  for (const input of inputs) {
    const shown = shownValue(input);
    lines.push(`  ✎ ${input.label}${input.required ? ' *' : ''}${shown ? ` [${shown}]` : ''}`);
    // The choices belong with the question they answer, as on Teams and Slack, not only in the prompt.
    if (input.kind === 'choice') lines.push(...input.options.map((o) => `      · ${o.label}`));
    if (errors[input.id]) lines.push(`    ! ${errors[input.id]}`);
  }
  // A message about no input of the card still has to be seen.
  const known = new Set(inputs.map((i) => i.id));
  for (const [id, message] of Object.entries(errors)) if (!known.has(id)) lines.push(`! ${message}`);
  const buttons = card.buttons ?? [];
  const acting = buttons.filter((b) => !isNavigation(b.action));
  const submit = acting.find((b) => b.style === 'primary') ?? acting[0];
  const choices = buttons.map(
    (button, i): Choice => ({
      n: first + i,
      button,
      inputs: isNavigation(button.action) ? [] : inputs,
      errors,
      submits: inputs.length > 0 && button === submit,
    }),
  );
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

/** An input's preset value as the user would read it (labels for a choice), or '' when none. */
export function shownValue(input: Input): string {
  if (input.kind === 'person' || input.value === undefined) return '';
  if (input.kind !== 'choice') return String(input.value);
  const picked = Array.isArray(input.value) ? input.value : [input.value];
  return picked
    .map((v) => input.options.find((o) => o.value === v)?.label ?? v)
    .filter((l) => l !== '')
    .join(', ');
}

/** The card's preset values, sent for the inputs the user leaves as they are (as Teams and Slack do). */
export function presetValues(inputs: readonly Input[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const input of inputs) {
    if (input.kind === 'person' || input.value === undefined) continue;
    if (Array.isArray(input.value) ? input.value.length > 0 : input.value !== '') out[input.id] = input.value;
  }
  return out;
}

/** How an empty line answers a prompt: skip the whole form, keep the preset, skip, or not allowed. */
export type EmptyLine = 'skip-form' | 'keep' | 'skip' | 'required';

/**
 * The submit button's form needs its required inputs; another button's form can be skipped as a
 * whole at its first prompt (the button itself may be the answer) and is filled like the submit's
 * once the user has typed into it. A preset value is kept on enter, as an untouched field sends it.
 */
export function emptyLine(
  input: Input,
  form: { submits: boolean; started: boolean; first: boolean },
): EmptyLine {
  if (!form.submits && !form.started && form.first) return 'skip-form';
  if (shownValue(input) !== '') return 'keep';
  return input.required ? 'required' : 'skip';
}

/**
 * The console's own words, in the session's language: a Norwegian session shows no English
 * ("required", "enter: skip").
 */
export const CONSOLE_WORDS = {
  nb: {
    'skip-form': ' (enter: hopp over skjemaet)',
    keep: ' (enter: behold)',
    skip: ' (enter: hopp over)',
    required: ' (må fylles ut)',
    person: ' (@navn velger en konsollbruker)',
    multiple: ' (1,3 …)',
    mustFill: (label: string) => `(${label} må fylles ut; /cancel forkaster skjemaet)`,
    dropped: '(skjemaet er forkastet)',
    nowAs: (name: string) => `(du er nå ${name})`,
    badTime: '(ikke et tidspunkt: bruk norsk tid, f.eks. 2022-10-20 eller 2022-10-20T14:30)',
    clock: (local: string, iso: string) => `(klokka: ${local} norsk tid, ${iso})`,
  },
  en: {
    'skip-form': ' (enter: skip the form)',
    keep: ' (enter: keep)',
    skip: ' (enter: skip)',
    required: ' (required)',
    person: ' (@name picks a console user)',
    multiple: ' (1,3 …)',
    mustFill: (label: string) => `(${label} is required; /cancel drops the form)`,
    dropped: '(form dropped)',
    nowAs: (name: string) => `(you are now ${name})`,
    badTime: '(not a time: use Oslo time, e.g. 2022-10-20 or 2022-10-20T14:30)',
    clock: (local: string, iso: string) => `(clock: ${local} Oslo, ${iso})`,
  },
} as const;

export interface PromptOptions {
  /** What an empty line does (default: skips the input). */
  empty?: EmptyLine;
  /** The card's message about this input. */
  error?: string;
  /** The form has this one input: skipping the form reads as skipping the input. */
  single?: boolean;
  /** The session's language (default bokmål). */
  locale?: Locale;
}

/**
 * The prompt for one input: the card's message about it first, then the label with what an empty
 * line does, and numbered options for a choice.
 */
export function inputPrompt(input: Input, options: PromptOptions = {}): string {
  const { empty = 'skip', error, single = false, locale = 'nb' } = options;
  const words = CONSOLE_WORDS[locale];
  const shown = shownValue(input);
  const hint = words[empty === 'skip-form' && single ? 'skip' : empty];
  const head = `${error ? `! ${error}\n` : ''}${input.label}${shown ? ` [${shown}]` : ''}${hint}`;
  if (input.kind === 'person') return `${head}${words.person}\n> `;
  if (input.kind !== 'choice') return `${head}: `;
  const list = input.options.map((o, i) => `  ${i + 1}. ${o.label}`).join('\n');
  return `${head}${input.multiple ? words.multiple : ''}\n${list}\n> `;
}

/**
 * Reads what the user typed for an input; choices by number or by value. A person is `@name`, the
 * console's stand-in for the people picker: the user that `--as` the same name gets (`@Kari Søker`,
 * `@kari-søker` and `@kari-soker` all pick `--as "Kari Søker"`); anything else is a typed name.
 */
export function readInput(input: Input, line: string): unknown {
  const typed = line.trim();
  if (input.kind === 'person') {
    const id = typed.startsWith('@') ? consoleId(typed.slice(1)) : '';
    return id === '' ? typed : `@${id}`;
  }
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
