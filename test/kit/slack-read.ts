import { decodeButtonValue } from '../../adapters/slack/button-value.ts';
import { decodeModalMeta } from '../../adapters/slack/render-modal.ts';
import { render, type Shown, type ShownButton, type ShownInput, stepLine } from './shown.ts';

/** Reads what Slack shows back from the Block Kit messages and modals the bot sent. */

type Obj = Record<string, unknown>;
export type SlackView = {
  title?: { text?: string };
  submit?: { text?: string };
  blocks?: Obj[];
  private_metadata?: string;
  id?: string;
  hash?: string;
};

const STEP_ICONS: Record<string, string> = {
  ':white_check_mark:': 'done',
  ':arrow_forward:': 'current',
  ':hourglass_flowing_sand:': 'waiting',
  ':white_circle:': 'todo',
  ':x:': 'declined',
  ':heavy_minus_sign:': 'skipped',
};
/** What a text's emphasis adds in front of it (adapters/slack/render-blocks.ts). */
const EMPHASIS = /^(:warning:|:exclamation:|:white_check_mark:) /;

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const textIn = (o: unknown) => str((o as Obj | undefined)?.text);

/** Slack mrkdwn back to the neutral light format: entities, bold, links and bullets. */
export function fromMrkdwn(s: string): string {
  return s
    .replace(/<([^|>\s]+)\|([^>]+)>/g, '[$2]($1)')
    .replace(/(^|[\s(«"])\*([^*\n]+)\*/g, '$1$2')
    .replace(/^([ \t]*)• /gm, '$1- ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

function stepLines(text: string): string[] | undefined {
  const lines = text.split('\n');
  const read = lines.map((line) => {
    const icon = Object.keys(STEP_ICONS).find((i) => line.startsWith(`${i} `));
    if (!icon) return undefined;
    const [label = '', detail] = line.slice(icon.length + 1).split(' — ');
    return stepLine(
      STEP_ICONS[icon] ?? '',
      fromMrkdwn(label),
      detail === undefined ? undefined : fromMrkdwn(detail),
    );
  });
  return read.every((l) => l !== undefined) ? read : undefined;
}

function input(block: Obj): ShownInput {
  const element = (block.element as Obj) ?? {};
  const value =
    element.initial_value ??
    element.initial_date ??
    element.initial_user ??
    textIn((element.initial_option as Obj | undefined)?.text);
  const hint = textIn(block.hint);
  return {
    id: str(block.block_id) ?? '',
    label: textIn(block.label) ?? '',
    type: str(element.type) ?? '',
    ...(value !== undefined ? { value } : {}),
    ...(block.optional === false ? { required: true } : {}),
    ...(hint ? { error: hint.replace(/^⚠ /, '') } : {}),
  };
}

function readBlocks(blocks: Obj[]): {
  title?: string;
  lines: string[];
  inputs: ShownInput[];
  buttons: ShownButton[];
} {
  let title: string | undefined;
  const lines: string[] = [];
  const inputs: ShownInput[] = [];
  const buttons: ShownButton[] = [];
  for (const [i, b] of blocks.entries()) {
    switch (b.type) {
      case 'header':
        if (i === 0) title = textIn(b.text);
        else lines.push(textIn(b.text) ?? '');
        break;
      case 'section': {
        const text = textIn(b.text);
        if (text !== undefined) {
          const quote = text.startsWith('&gt; ') || text.startsWith('> ');
          const steps = quote ? undefined : stepLines(text);
          lines.push(...(steps ?? [fromMrkdwn(text.replace(EMPHASIS, ''))]));
        }
        for (const f of (b.fields as Obj[] | undefined) ?? []) {
          const [label = '', ...value] = (str(f.text) ?? '').split('\n');
          lines.push(`${fromMrkdwn(label)}: ${fromMrkdwn(value.join('\n'))}`);
        }
        break;
      }
      case 'context':
        for (const e of (b.elements as Obj[] | undefined) ?? []) lines.push(fromMrkdwn(str(e.text) ?? ''));
        break;
      case 'input':
        inputs.push(input(b));
        break;
      case 'actions':
        for (const e of (b.elements as Obj[] | undefined) ?? []) {
          if (e.type !== 'button') continue;
          const style = str(e.style) as ShownButton['style'] | undefined;
          const carried = decodeButtonValue(str(e.value)) ?? { action: '', data: {} };
          buttons.push({ label: textIn(e.text) ?? '', ...carried, ...(style ? { style } : {}), press: e });
        }
        break;
    }
  }
  return { ...(title ? { title } : {}), lines, inputs, buttons };
}

/** A chat.postMessage / chat.update (or a response_url post) as shown. */
export function fromSlackMessage(args: Obj, ref: string): Shown {
  const blocks = (args.blocks as Obj[] | undefined) ?? [];
  if (blocks.length === 0) {
    const text = fromMrkdwn(str(args.text) ?? '');
    return { ref, kind: 'text', text, buttons: [], inputs: [], updates: 0, raw: args };
  }
  const read = readBlocks(blocks);
  const plainText = read.inputs.length === 0 && read.buttons.length === 0 && !read.title;
  return {
    ref,
    kind: plainText ? 'text' : 'card',
    ...(read.title ? { title: read.title } : {}),
    text: render(read),
    buttons: read.buttons,
    inputs: read.inputs,
    updates: 0,
    raw: args,
  };
}

/** The action a modal's submit carries (kept in its private_metadata). */
function submitted(view: SlackView): { action: string; data: Record<string, unknown> } {
  const meta = decodeModalMeta(view.private_metadata);
  return { action: meta?.a ?? '', data: meta?.d ?? {} };
}

/** A modal as shown: its title, blocks, and its submit as a button of its own. */
export function fromSlackView(view: SlackView, ref: string): Shown {
  const read = readBlocks(view.blocks ?? []);
  const title = view.title?.text;
  const submit = view.submit?.text;
  const buttons: ShownButton[] = [
    ...(submit
      ? [{ label: submit, ...submitted(view), style: 'primary' as const, submit: true as const, press: {} }]
      : []),
    ...read.buttons,
  ];
  return {
    ref,
    kind: 'modal',
    ...(title ? { title } : {}),
    text: render({ title, lines: read.lines, inputs: read.inputs, buttons }),
    buttons,
    inputs: read.inputs,
    updates: 0,
    raw: view,
  };
}
