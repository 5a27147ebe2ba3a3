import type { Block, Button, Card, Input, TextMessage } from './messages.ts';

/** Small builders so dialogs read as data. Buttons of a dialog are stamped with its state version by the engine. */

export function card(
  title: string | undefined,
  blocks: Block[],
  buttons: Button[] = [],
  inputs?: Input[],
): Card {
  return {
    kind: 'card',
    ...(title === undefined ? {} : { title }),
    blocks,
    ...(inputs && inputs.length > 0 ? { inputs } : {}),
    ...(buttons.length > 0 ? { buttons } : {}),
  };
}

export function text(value: string, emphasis?: Extract<Block, { kind: 'text' }>['emphasis']): Block {
  return emphasis === undefined ? { kind: 'text', text: value } : { kind: 'text', text: value, emphasis };
}

export function facts(items: [label: string, value: string][]): Block {
  return { kind: 'facts', facts: items.map(([label, value]) => ({ label, value })) };
}

export function button(
  action: string,
  label: string,
  data?: Record<string, unknown>,
  style?: Button['style'],
): Button {
  return {
    action,
    label,
    ...(data === undefined ? {} : { data }),
    ...(style === undefined ? {} : { style }),
  };
}

/** A button that answers without the card's inputs (see `Button.withoutInputs`). */
export function answerButton(action: string, label: string, data?: Record<string, unknown>): Button {
  return { ...button(action, label, data), withoutInputs: true };
}

export function message(value: string): TextMessage {
  return { kind: 'text', text: value };
}

/** Action id of a button that starts a dialog from scratch; never stale. */
export function startAction(dialog: string): string {
  return `${dialog}.start`;
}
