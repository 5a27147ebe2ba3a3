import type { Block, Card, Input, Outbound } from '../../src/bot/messages.ts';
import type { Locale } from '../../src/domain/call.ts';
import { t } from '../../src/i18n/t.ts';
import { layOutButtons } from './card-actions.ts';
import { type MentionEntity, mentionIn, mentionInCard } from './mentions.ts';

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

/**
 * Teams reads card and message text as Markdown, where "4. november 2022 …" at the start of a line
 * is an ordered list item (it renders as "1. november"). A no-break space after the number keeps
 * the text as written, and keeps the day with its month as Norwegian typesetting wants anyway.
 */
export const markdownSafe = (text: string): string => text.replace(/(^|\n)(\s*\d+)\.[ \t]/g, '$1$2.\u00a0');

const COLOR: Record<string, string> = { warning: 'Warning', good: 'Good', attention: 'Attention' };

function renderBlock(block: Block): Element[] {
  switch (block.kind) {
    case 'text':
      return [
        {
          type: 'TextBlock',
          text: markdownSafe(block.text),
          wrap: true,
          ...(block.emphasis === 'subtle' ? { isSubtle: true } : {}),
          ...(block.emphasis && COLOR[block.emphasis] ? { color: COLOR[block.emphasis] } : {}),
        },
      ];
    case 'facts':
      return [
        {
          type: 'FactSet',
          facts: block.facts.map((f) => ({ title: f.label, value: markdownSafe(f.value) })),
        },
      ];
    case 'steps':
      return [
        {
          type: 'Container',
          spacing: 'Medium',
          items: block.steps.flatMap((s) => [
            {
              type: 'TextBlock',
              text: `${STEP_ICON[s.state]} ${markdownSafe(s.label)}`,
              wrap: true,
              spacing: 'Small',
              ...(s.state === 'current' ? { weight: 'Bolder' } : {}),
              ...(s.state === 'declined' ? { color: 'Attention' } : {}),
            },
            ...(s.detail
              ? [
                  {
                    type: 'TextBlock',
                    text: markdownSafe(s.detail),
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
          // The label already counts ("Spørsmål 2 av 7"); the numbers alone only without one.
          text: block.label ?? `${block.current}/${block.total}`,
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
            { type: 'TextBlock', text: `«${markdownSafe(block.text)}»`, wrap: true, fontType: 'Default' },
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

/**
 * What a card's rendering may add: the people a person input lists (the deployment's directory), and
 * the language of the turn for the few words the renderer adds itself (Norwegian when unknown).
 */
export interface RenderOptions {
  people?: { title: string; value: string }[];
  locale?: Locale;
}

function renderInput(input: Input, options: RenderOptions = {}): Element {
  // Teams checks a required input before it sends, and shows errorMessage beside it when empty.
  const required = input.required
    ? { isRequired: true, errorMessage: t(options.locale ?? 'nb', 'common.required', { label: input.label }) }
    : {};
  const common = { id: input.id, label: input.label, ...required };
  switch (input.kind) {
    // An amount is typed as text (Norwegian thousands separators), without a text's options.
    case 'text':
    case 'amount':
      return {
        type: 'Input.Text',
        ...common,
        ...(input.placeholder ? { placeholder: input.placeholder } : {}),
        ...(input.value !== undefined ? { value: input.value } : {}),
        ...(input.kind === 'text' && input.multiline ? { isMultiline: true } : {}),
        ...(input.kind === 'text' && input.maxLength ? { maxLength: input.maxLength } : {}),
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
        wrap: true,
        choices: input.options.map((o) => ({ title: o.label, value: o.value })),
        ...(input.value !== undefined
          ? { value: Array.isArray(input.value) ? input.value.join(',') : input.value }
          : {}),
      };
    case 'date':
      return {
        type: 'Input.Date',
        ...common,
        ...(input.value || input.opensOn ? { value: input.value ?? input.opensOn } : {}),
      };
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

/** Data.Query (the organisation-wide people picker) came with Adaptive Cards 1.6; the rest is 1.5. */
const usesQuery = (body: Element[]) => body.some((e) => e['choices.data'] !== undefined);

function shell(body: Element[], actions: Element[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: usesQuery(body) ? '1.6' : '1.5',
    body,
    ...(actions.length ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

/** A UTF-8 character is at most three bytes: most cards are that far under the limit, uncounted. */
function fits(value: unknown, maxBytes: number): boolean {
  const json = JSON.stringify(value);
  return json.length * 3 <= maxBytes || Buffer.byteLength(json) <= maxBytes;
}

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
          text: markdownSafe(card.title),
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
  const laid = layOutButtons(card.buttons ?? [], options.locale ?? 'nb', inputs.length > 0);
  const { actions } = laid;
  // Rows of buttons beyond the card's own row close the body, after the inputs they send.
  inputs.push(...laid.body);
  const whole = shell([...title, ...card.blocks.flatMap(renderBlock), ...inputs], actions);
  if (fits(whole, maxBytes)) return [whole];

  const cards: AdaptiveCard[] = [];
  let body: Element[] = [...title];
  for (const block of splitLongBlocks(card.blocks)) {
    const elements = renderBlock(block);
    if (body.length > 0 && !fits(shell([...body, ...elements], []), maxBytes)) {
      cards.push(shell(body, []));
      body = [];
    }
    body.push(...elements);
  }
  if (body.length > 0 && !fits(shell([...body, ...inputs], actions), maxBytes)) {
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
  if (message.kind === 'text') {
    let text = markdownSafe(message.text);
    const entities: MentionEntity[] = [];
    for (const m of message.mentions ?? []) {
      const done = mentionIn(text, m);
      text = done.text;
      if (done.entity) entities.push(done.entity);
    }
    return [{ type: 'message', text, textFormat: 'markdown', ...(entities.length ? { entities } : {}) }];
  }
  const cards = renderCard(message, MAX_CARD_BYTES, options);
  const first = cards[0];
  if (first && message.mentions?.length) {
    const entities = mentionInCard(first.body, message.mentions);
    if (entities.length) first.msteams = { ...(first.msteams as object), entities };
  }
  return cards.map((content, i) => ({
    type: 'message',
    ...(i === 0 && message.title ? { summary: message.title } : {}),
    attachments: [{ contentType: ADAPTIVE_CARD, content }],
  }));
}
