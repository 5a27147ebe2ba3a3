import type { Button, Card, Input } from '../../src/bot/messages.ts';

/** A card as a dialog would return it, for adapter and renderer tests: no text blocks unless given. */
export function formCard(title: string, inputs: Input[], buttons?: Button[], more: Partial<Card> = {}): Card {
  return { kind: 'card', title, blocks: [], inputs, ...(buttons ? { buttons } : {}), ...more };
}

/** A choice input; `options` maps each value to its label, in order. */
export function choiceInput(
  id: string,
  label: string,
  options: Record<string, string>,
  multiple = false,
): Extract<Input, { kind: 'choice' }> {
  return {
    kind: 'choice',
    id,
    label,
    multiple,
    options: Object.entries(options).map(([value, optionLabel]) => ({ value, label: optionLabel })),
  };
}
