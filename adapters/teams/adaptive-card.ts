import type { Block, Button, Card, Input, Outbound } from '../../src/bot/messages.ts';
import { ACTION_KEY } from './activity-parse.ts';

/** Adaptive Card JSON is open-ended; elements are plain objects. */
export type Element = Record<string, unknown>;
export type AdaptiveCard = Element & { type: 'AdaptiveCard'; body: Element[] };

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** Teams rejects messages above ~28 KB; the margin leaves room for the activity envelope. */
export const MAX_CARD_BYTES = 24 * 1024;

const STEP_ICON: Record<Extract<Block, { kind: 'steps' }>['steps'][number]['state'], string> = {
  done: '✅',
  current: '▶️',
  waiting: '⏳',
  todo: '⬜',
  declined: '❌',
  skipped: '⏭️',
};

const COLOR: Record<string, string> = { warning: 'Warning', good: 'Good', attention: 'Attention' };

function renderBlock(block: Block): Element[] {
  switch (block.kind) {
    case 'text':
      return [
        {
          type: 'TextBlock',
          text: block.text,
          wrap: true,
          ...(block.emphasis === 'subtle' ? { isSubtle: true } : {}),
          ...(block.emphasis && COLOR[block.emphasis] ? { color: COLOR[block.emphasis] } : {}),
        },
      ];
    case 'facts':
      return [{ type: 'FactSet', facts: block.facts.map((f) => ({ title: f.label, value: f.value })) }];
    case 'steps':
      return [
        {
          type: 'Container',
          spacing: 'Medium',
          items: block.steps.flatMap((s) => [
            {
              type: 'TextBlock',
              text: `${STEP_ICON[s.state]} ${s.label}`,
              wrap: true,
              spacing: 'Small',
              ...(s.state === 'current' ? { weight: 'Bolder' } : {}),
              ...(s.state === 'declined' ? { color: 'Attention' } : {}),
            },
            ...(s.detail
              ? [
                  {
                    type: 'TextBlock',
                    text: s.detail,
                    wrap: true,
                    isSubtle: true,
                    size: 'Small',
                    spacing: 'None',
                  },
                ]
              : []),
          ]),
        },
      ];
    case 'progress':
      return [
        {
          type: 'TextBlock',
          text: `${block.label ? `${block.label} ` : ''}(${block.current}/${block.total})`,
          isSubtle: true,
          size: 'Small',
        },
      ];
    case 'quote':
      return [
        {
          type: 'Container',
          style: 'emphasis',
          items: [
            { type: 'TextBlock', text: `«${block.text}»`, wrap: true, fontType: 'Default' },
            {
              type: 'TextBlock',
              text: block.source,
              wrap: true,
              isSubtle: true,
              size: 'Small',
              spacing: 'None',
            },
          ],
        },
      ];
  }
}

/** What a card's rendering may add from the deployment: the people a person input lists. */
export interface RenderOptions {
  people?: { title: string; value: string }[];
}

function renderInput(input: Input, options: RenderOptions = {}): Element {
  const common = { id: input.id, label: input.label, ...(input.required ? { isRequired: true } : {}) };
  switch (input.kind) {
    case 'text':
      return {
        type: 'Input.Text',
        ...common,
        ...(input.placeholder ? { placeholder: input.placeholder } : {}),
        ...(input.value !== undefined ? { value: input.value } : {}),
        ...(input.multiline ? { isMultiline: true } : {}),
        ...(input.maxLength ? { maxLength: input.maxLength } : {}),
      };
    case 'amount':
      return {
        type: 'Input.Text',
        ...common,
        inputMode: 'decimal',
        ...(input.placeholder ? { placeholder: input.placeholder } : {}),
        ...(input.value !== undefined ? { value: input.value } : {}),
      };
    case 'number':
      return {
        type: 'Input.Number',
        ...common,
        ...(input.min !== undefined ? { min: input.min } : {}),
        ...(input.max !== undefined ? { max: input.max } : {}),
        ...(input.value !== undefined ? { value: input.value } : {}),
      };
    case 'choice':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        isMultiSelect: input.multiple,
        // Few options read best as radio buttons/checkboxes; long lists as a dropdown.
        style: input.options.length <= 5 ? 'expanded' : 'compact',
        choices: input.options.map((o) => ({ title: o.label, value: o.value })),
        ...(input.value !== undefined
          ? { value: Array.isArray(input.value) ? input.value.join(',') : input.value }
          : {}),
      };
    case 'date':
      return { type: 'Input.Date', ...common, ...(input.value ? { value: input.value } : {}) };
    case 'person':
      // A deployment directory (directory.ts) is a plain choice every client renders; the
      // organisation-wide picker needs Data.Query, which the Agents Playground lacks.
      if (options.people && options.people.length > 0)
        return {
          type: 'Input.ChoiceSet',
          ...common,
          isMultiSelect: false,
          style: 'compact',
          choices: options.people,
        };
      // The Teams people picker: the client queries the organisation's users itself and submits
      // the AAD object id. Clients without Data.Query fall back to a typed name or e-mail.
      return {
        type: 'Input.ChoiceSet',
        ...common,
        isMultiSelect: false,
        choices: [],
        'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
        fallback: { type: 'Input.Text', ...common },
      };
  }
}

const STYLE: Record<NonNullable<Button['style']>, string> = {
  primary: 'positive',
  danger: 'destructive',
  default: 'default',
};

const NAVIGATION = /(^engine\.|\.(start|back|cancel)$)/;

function renderButton(button: Button): Element {
  const data = { [ACTION_KEY]: { action: button.action, data: button.data ?? {} } };
  const style = STYLE[button.style ?? 'default'];
  // Teams validates required inputs before any Action.Submit/Execute ('auto'); a button that is an
  // answer of its own ("not sure yet") or navigation must not be held back by an empty input.
  const inputs = button.withoutInputs || NAVIGATION.test(button.action) ? { associatedInputs: 'none' } : {};
  return {
    type: 'Action.Execute',
    title: button.label,
    verb: button.action,
    data,
    style,
    ...inputs,
    // Clients older than Universal Actions post a message activity with `value` instead.
    fallback: { type: 'Action.Submit', title: button.label, data, style, ...inputs },
  };
}

function shell(body: Element[], actions: Element[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

const byteSize = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** Long facts and step lists are cut into pieces so one piece never exceeds a card alone. */
function splitLongBlocks(blocks: Block[], chunk = 40): Block[] {
  return blocks.flatMap((b): Block[] => {
    if (b.kind === 'facts' && b.facts.length > chunk) {
      const parts: Block[] = [];
      for (let i = 0; i < b.facts.length; i += chunk)
        parts.push({ kind: 'facts', facts: b.facts.slice(i, i + chunk) });
      return parts;
    }
    if (b.kind === 'steps' && b.steps.length > chunk) {
      const parts: Block[] = [];
      for (let i = 0; i < b.steps.length; i += chunk)
        parts.push({ kind: 'steps', steps: b.steps.slice(i, i + chunk) });
      return parts;
    }
    return [b];
  });
}

/**
 * Renders a neutral card as one or more Adaptive Cards 1.5, each under MAX_CARD_BYTES. The title
 * opens the first; inputs and buttons close the last, so a submit still carries every input.
 */
export function renderCard(
  card: Card,
  maxBytes = MAX_CARD_BYTES,
  options: RenderOptions = {},
): AdaptiveCard[] {
  const title: Element[] = card.title
    ? [
        {
          type: 'TextBlock',
          text: card.title,
          size: 'Medium',
          weight: 'Bolder',
          wrap: true,
          style: 'heading',
        },
      ]
    : [];
  // Server-side validation messages sit right under the input they are about.
  const inputs = (card.inputs ?? []).flatMap((input) => {
    const error = card.errors?.[input.id];
    return error
      ? [
          renderInput(input, options),
          { type: 'TextBlock', text: error, color: 'Attention', wrap: true, size: 'Small', spacing: 'None' },
        ]
      : [renderInput(input, options)];
  });
  const actions = (card.buttons ?? []).map(renderButton);
  const whole = shell([...title, ...card.blocks.flatMap(renderBlock), ...inputs], actions);
  if (byteSize(whole) <= maxBytes) return [whole];

  const cards: AdaptiveCard[] = [];
  let body: Element[] = [...title];
  for (const block of splitLongBlocks(card.blocks)) {
    const elements = renderBlock(block);
    if (body.length > 0 && byteSize(shell([...body, ...elements], [])) > maxBytes) {
      cards.push(shell(body, []));
      body = [];
    }
    body.push(...elements);
  }
  if (body.length > 0 && byteSize(shell([...body, ...inputs], actions)) > maxBytes) {
    cards.push(shell(body, []));
    body = [];
  }
  cards.push(shell([...body, ...inputs], actions));
  return cards;
}

/** Bot Framework message activities for one neutral message. */
export function renderOutbound(
  message: Outbound,
  options: RenderOptions = {},
): { type: 'message'; [key: string]: unknown }[] {
  if (message.kind === 'text') return [{ type: 'message', text: message.text, textFormat: 'markdown' }];
  return renderCard(message, MAX_CARD_BYTES, options).map((content, i) => ({
    type: 'message',
    ...(i === 0 && message.title ? { summary: message.title } : {}),
    attachments: [{ contentType: ADAPTIVE_CARD, content }],
  }));
}
