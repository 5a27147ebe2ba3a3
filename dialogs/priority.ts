import { button, card, text } from '../src/bot/cards.ts';
import type { Dialog, DialogContext, DialogEvent, StepResult, StepState } from '../src/bot/dialog.ts';
import type { Block } from '../src/bot/messages.ts';
import type { Call } from '../src/domain/call.ts';
import type { CategoryData, PriorityAreaData } from '../src/domain/call-schema.ts';
import { matchPriorityAreas, priorityAreasFor } from '../src/domain/priority.ts';
import { noteBlocks } from './call-notes.ts';
import { menuButtons } from './help.ts';
import {
  choiceHead,
  chooseCallCard,
  chooseCategoryCard,
  choseCallOrCategory,
  navButtons,
  say,
  startingChoice,
  str,
} from './shared.ts';

/** Which of the call's priority areas the project touches (a multiple choice), with the call's words. */

const D = 'priority';

interface Progress {
  callId?: string;
  category?: string;
}

function areaText(ctx: DialogContext, a: PriorityAreaData): string {
  return ctx.t('priority.area', { label: say(ctx, a.label), level: ctx.t(`priority.level.${a.level}`) });
}

/**
 * The call's own sentence when it says a category has no priority areas (innovation: «For kategorien
 * produktinnovasjon er det ingen prioriterte områder.»); where the text is silent (transfer) nothing.
 */
function noAreasQuote(ctx: DialogContext, call: Call, category: CategoryData): Block[] {
  const name = category.name.nb.toLowerCase();
  const rule = call.notes
    .map((n) => call.rules.find((r) => r.id === n.rule))
    .find((r) => r && namesAreas(r.cite.quote) && r.cite.quote.toLowerCase().includes(name));
  if (!rule) return [];
  return [
    { kind: 'quote', text: rule.cite.quote, source: ctx.t('common.source', { call: say(ctx, call.title) }) },
  ];
}

/**
 * The innovation text encourages applicants to contact Helseplattformen where it is relevant; an
 * area that names Helseplattformen makes it relevant, so choosing one shows that note with its quote.
 */
function helseplattformenNote(ctx: DialogContext, call: Call, matched: PriorityAreaData[]): Block[] {
  const names = (a: PriorityAreaData) =>
    [a.label.nb, a.cite.quote, ...a.examples.map((e) => e.nb)].some((t) => /helseplattformen/i.test(t));
  return matched.some(names) ? noteBlocks(ctx, call, ['helseplattformen']) : [];
}

function namesAreas(quote: string): boolean {
  return /prioriterte områder|satsingsområder/i.test(quote);
}

function render(ctx: DialogContext, p: Progress): StepResult {
  const call = p.callId ? ctx.catalog.get(p.callId) : undefined;
  if (!call) {
    return {
      state: { step: 'call', answers: {} },
      replies: [chooseCallCard(ctx, D, ctx.t('priority.choose-call'))],
    };
  }
  const category = call.categories.find((c) => c.id === p.category);
  if (!category) {
    return {
      state: { step: 'category', answers: { callId: call.id } },
      replies: [chooseCategoryCard(ctx, D, call, ctx.t('priority.choose-category'))],
    };
  }
  const areas = priorityAreasFor(call, category.id);
  const head = choiceHead(ctx, call, category);
  if (areas.length === 0) {
    return {
      state: null,
      replies: [
        card(
          ctx.t('priority.title'),
          [head, text(ctx.t('priority.none-defined')), ...noAreasQuote(ctx, call, category)],
          menuButtons(ctx),
        ),
      ],
      remember: { callId: call.id, category: category.id, priorityAreas: [] },
    };
  }
  // What the text says the areas rest on (innovation: Strategi 2030 …; patient safety: the RHF's priorities).
  const blocks: Block[] = [head, ...noteBlocks(ctx, call, ['priority-areas']), text(ctx.t('priority.ask'))];
  for (const a of areas) {
    blocks.push(
      text(
        `**${areaText(ctx, a)}**${a.examples.length ? `\n${a.examples.map((e) => `- ${say(ctx, e)}`).join('\n')}` : ''}`,
      ),
    );
  }
  return {
    state: { step: 'choose', answers: { callId: call.id, category: category.id } },
    replies: [
      card(
        ctx.t('priority.title'),
        blocks,
        [
          button(`${D}.choose`, ctx.t('common.send'), undefined, 'primary'),
          ...navButtons(ctx, D, choseCallOrCategory(ctx, call)),
        ],
        [
          {
            kind: 'choice',
            id: 'areas',
            label: ctx.t('priority.input'),
            multiple: true,
            options: areas.map((a) => ({ value: a.id, label: say(ctx, a.label) })),
          },
        ],
      ),
    ],
    remember: { callId: call.id, category: category.id },
  };
}

function chosenIds(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.filter((x): x is string => typeof x === 'string');
  return typeof raw === 'string'
    ? raw
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '')
    : [];
}

function result(ctx: DialogContext, p: Required<Progress>, chosen: string[]): StepResult {
  const call = ctx.catalog.get(p.callId);
  if (!call) return render(ctx, {});
  const match = matchPriorityAreas(call, p.category, chosen);
  const blocks: Block[] = [];
  if (match.matched.length > 0) {
    blocks.push(text(`**${ctx.t('priority.matched')}**`, 'good'));
    for (const a of match.matched) {
      blocks.push(text(areaText(ctx, a)), {
        kind: 'quote',
        text: a.cite.quote,
        source: ctx.t('common.source', { call: say(ctx, call.title) }),
      });
    }
    blocks.push(...helseplattformenNote(ctx, call, match.matched));
  } else {
    blocks.push(text(ctx.t(match.noneDefined ? 'priority.none-defined' : 'priority.none-matched')));
  }
  if (match.others.length > 0) {
    blocks.push(
      text(`**${ctx.t('priority.others')}**`),
      text(match.others.map((a) => `- ${areaText(ctx, a)}`).join('\n'), 'subtle'),
    );
  }
  return {
    state: { step: 'result', answers: { ...p, chosen } },
    replies: [
      card(ctx.t('priority.title'), blocks, [
        button(
          'application.start',
          ctx.t('help.button.application'),
          { callId: p.callId, category: p.category },
          'primary',
        ),
        button(`${D}.back`, ctx.t('priority.button.again')),
      ]),
    ],
    remember: { callId: p.callId, category: p.category, priorityAreas: match.matched.map((a) => a.id) },
  };
}

export const priorityDialog: Dialog = {
  name: D,
  triggers: [{ phrases: 'routing.priority' }],
  step(state: StepState | null, event: DialogEvent, ctx) {
    const a = state?.answers ?? {};
    const p: Progress = {
      ...(str(a.callId) ? { callId: str(a.callId) } : {}),
      ...(str(a.category) ? { category: str(a.category) } : {}),
    };
    if (event.kind === 'start') {
      return render(ctx, startingChoice(ctx, event.args, ctx.memory.callId));
    }
    if (event.kind === 'action' && event.action === 'call')
      return render(ctx, { callId: str(event.data.callId) });
    if (event.kind === 'action' && event.action === 'category')
      return render(ctx, { ...p, category: str(event.data.category) });
    if (event.kind === 'action' && event.action === 'choose' && p.callId && p.category) {
      return result(ctx, { callId: p.callId, category: p.category }, chosenIds(event.inputs.areas));
    }
    if (state?.step === 'result' && p.callId && p.category) {
      return result(ctx, { callId: p.callId, category: p.category }, chosenIds(a.chosen));
    }
    return render(ctx, p);
  },
};
