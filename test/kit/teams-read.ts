import { ACTION_KEY, CHOICE_INPUT } from '../../adapters/teams/activity-parse.ts';
import { render, type Shown, type ShownButton, type ShownInput, stepLine, unbold } from './shown.ts';

/** Reads what Teams shows back from the activities and Adaptive Cards the bot sent. */

type Element = Record<string, unknown>;
export type AdaptiveCardJson = { body?: Element[]; actions?: Element[] };

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const STEP_ICONS: Record<string, string> = {
  '✅': 'done',
  '▶️': 'current',
  '⏳': 'waiting',
  '⬜': 'todo',
  '❌': 'declined',
  '⏭️': 'skipped',
};
const STYLE: Record<string, ShownButton['style']> = {
  positive: 'primary',
  destructive: 'danger',
  default: 'default',
};

/** The engine action and data a card action carries (`data.midlerbot`). */
function actionOf(a: Element): { action: string; data: Record<string, unknown> } {
  const carried = (
    a.data as Record<string, { action?: string; data?: Record<string, unknown> }> | undefined
  )?.[ACTION_KEY];
  return { action: carried?.action ?? '', data: carried?.data ?? {} };
}

/** The Adaptive Card an activity carries, if any. */
export function cardOfActivity(activity: Record<string, unknown>): AdaptiveCardJson | undefined {
  const attachments = activity.attachments as
    | { contentType: string; content: AdaptiveCardJson }[]
    | undefined;
  return attachments?.find((a) => a.contentType === ADAPTIVE)?.content;
}

/** A posted or updated activity as shown: its card, else its text. */
export function fromActivity(activity: Record<string, unknown>, ref: string): Shown {
  const card = cardOfActivity(activity);
  if (card) return fromAdaptiveCard(card, ref);
  const text = plain(String(activity.text ?? ''));
  return { ref, kind: 'text', text: unbold(text), buttons: [], inputs: [], updates: 0, raw: activity };
}

/** The no-break space the renderer puts after "4." (markdownSafe) reads as a space. */
const plain = (text: string) => text.replaceAll('\u00a0', ' ');
const str = (v: unknown) => (typeof v === 'string' ? plain(v) : undefined);

/** Steps are a Container of "icon label" lines, each with its detail in a subtle line under it. */
function stepLines(items: Element[]): string[] | undefined {
  const lines: string[] = [];
  for (const item of items) {
    const text = str(item.text) ?? '';
    const icon = Object.keys(STEP_ICONS).find((i) => text.startsWith(`${i} `));
    if (icon) lines.push(stepLine(STEP_ICONS[icon] ?? '', text.slice(icon.length + 1)));
    else if (item.isSubtle && lines.length > 0) lines[lines.length - 1] += ` – ${text}`;
    else return undefined;
  }
  return lines;
}

function readBody(elements: Element[], lines: string[], inputs: ShownInput[]): void {
  for (const e of elements) {
    const type = str(e.type) ?? '';
    if (type === 'TextBlock') {
      lines.push(str(e.text) ?? '');
    } else if (type === 'FactSet') {
      for (const f of (e.facts as { title: string; value: string }[]) ?? [])
        lines.push(`${f.title}: ${f.value}`);
    } else if (type === 'Container') {
      const items = (e.items as Element[]) ?? [];
      const steps = stepLines(items);
      if (steps) lines.push(...steps);
      else if (e.style === 'emphasis' && items.length === 2)
        lines.push(`> ${str(items[0]?.text)?.replace(/^«|»$/g, '')} (${str(items[1]?.text)})`);
      else readBody(items, lines, inputs);
    } else if (type.startsWith('Input.') && e.id === CHOICE_INPUT) {
      // The answers' list (card-actions.ts) reads as the answers' buttons: see buttonsOf.
    } else if (type.startsWith('Input.')) {
      inputs.push({
        id: str(e.id) ?? '',
        label: str(e.label) ?? '',
        type,
        ...(e.value !== undefined ? { value: e.value } : {}),
        ...(e.isRequired ? { required: true } : {}),
      });
      for (const c of (e.choices as { title: string }[] | undefined) ?? []) lines.push(`( ) ${c.title}`);
    }
  }
}

const asButton = (a: Element): ShownButton => ({
  label: str(a.title) ?? '',
  ...actionOf(a),
  ...(STYLE[str(a.style) ?? ''] ? { style: STYLE[str(a.style) ?? ''] } : {}),
  press: a,
});

/**
 * The buttons as a person sees them: rows in the body first, then the card's own row. Long answers
 * shown as one list with an "Answer" button read as one button per answer, whose press is what Teams
 * sends for that choice: the Answer button's data with the chosen index beside it.
 */
function buttonsOf(card: AdaptiveCardJson): ShownButton[] {
  const body = card.body ?? [];
  const rows = body.filter((e) => e.type === 'ActionSet').flatMap((e) => (e.actions as Element[]) ?? []);
  const own = card.actions ?? [];
  const list = body.find((e) => e.id === CHOICE_INPUT);
  const submit = own.find(
    (a) => (a.data as Record<string, { action?: string }>)?.[ACTION_KEY]?.action === 'teams.choose',
  );
  if (!list || !submit) return [...rows, ...own].map(asButton);
  const answers = ((list.choices as { title: string; value: string }[]) ?? []).map((c, i) => {
    const options = (
      actionOf(submit).data as { options?: { action: string; data: Record<string, unknown> }[] }
    ).options;
    const chosen = options?.[i] ?? { action: '', data: {} };
    const press = { ...submit, data: { ...(submit.data as Element), [CHOICE_INPUT]: c.value } };
    return { label: plain(c.title), ...chosen, press };
  });
  return [...answers, ...rows.map(asButton), ...own.filter((a) => a !== submit).map(asButton)];
}

export function fromAdaptiveCard(card: AdaptiveCardJson, ref: string): Shown {
  const body = card.body ?? [];
  const first = body[0];
  const title = first?.type === 'TextBlock' && first.style === 'heading' ? str(first.text) : undefined;
  const lines: string[] = [];
  const inputs: ShownInput[] = [];
  const rest = title ? body.slice(1) : body;
  // Validation messages sit right under their input: read them as the input's error.
  for (const [i, e] of rest.entries()) {
    const before = rest[i - 1];
    if (
      e.type === 'TextBlock' &&
      e.color === 'Attention' &&
      e.size === 'Small' &&
      str(before?.type)?.startsWith('Input.')
    ) {
      const input = inputs.at(-1);
      if (input) input.error = str(e.text);
      continue;
    }
    readBody([e], lines, inputs);
  }
  const buttons = buttonsOf(card);
  return {
    ref,
    kind: 'card',
    ...(title ? { title } : {}),
    text: render({ title, lines, inputs, buttons }),
    buttons,
    inputs,
    updates: 0,
    raw: card,
  };
}
