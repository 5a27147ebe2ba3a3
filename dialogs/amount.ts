import { answerButton, button, card, facts, message, text } from '../src/bot/cards.ts';
import type { Dialog, DialogContext, DialogEvent, StepResult, StepState } from '../src/bot/dialog.ts';
import type { Button, Outbound } from '../src/bot/messages.ts';
import { type CostLine, categoryRules, computeAmount } from '../src/domain/amount.ts';
import type { Call } from '../src/domain/call.ts';
import { hasAmountRule } from '../src/domain/call-lookup.ts';
import type { CategoryData } from '../src/domain/call-schema.ts';
import { formatMoney, parseMoney } from '../src/domain/money.ts';
import { amountResultCard } from './amount-cards.ts';
import {
  choiceHead,
  chooseCallCard,
  chooseCategoryCard,
  choseCallOrCategory,
  navButtons,
  num,
  record,
  say,
  startingChoice,
  str,
} from './shared.ts';

/**
 * "How much can I ask for?": call, category, budget (a total or cost lines), own and other
 * financing, earlier awards; amounts typed the Norwegian way. Each answer is one field of `answers`;
 * the next question is whatever is still missing, so "back" simply restores the previous answers.
 */

const D = 'amount';

interface Progress {
  callId?: string;
  category?: string;
  mode?: 'lines';
  total?: number;
  lines: CostLine[];
  linesDone?: boolean;
  /** null = "not sure yet". */
  own?: number | null;
  other?: number;
  prior?: number;
}

function read(state: StepState | null): Progress {
  const a = state?.answers ?? {};
  const lines = Array.isArray(a.lines)
    ? a.lines.map(record).flatMap((l) => {
        const amount = num(l.amount);
        const costType = str(l.costType);
        return amount !== undefined && costType
          ? [{ label: str(l.label) ?? costType, amount, costType }]
          : [];
      })
    : [];
  const p: Progress = { lines };
  const set = <K extends keyof Progress>(k: K, v: Progress[K] | undefined) => {
    if (v !== undefined) p[k] = v;
  };
  set('callId', str(a.callId));
  set('category', str(a.category));
  set('mode', a.mode === 'lines' ? 'lines' : undefined);
  set('total', num(a.total));
  set('linesDone', a.linesDone === true ? true : undefined);
  set('own', a.own === null ? null : num(a.own));
  set('other', num(a.other));
  set('prior', num(a.prior));
  return p;
}

function asState(step: string, p: Progress, awaiting?: string): StepState {
  return { step, answers: { ...p }, ...(awaiting ? { awaiting } : {}) };
}

function amountInput(
  ctx: DialogContext,
  id: string,
  key: 'amount.input.total' | 'amount.input.own' | 'amount.input.other',
) {
  return { kind: 'amount' as const, id, label: ctx.t(key), placeholder: '1 200 000', required: true };
}

function render(ctx: DialogContext, p: Progress, notes: Outbound[] = []): StepResult {
  const call = p.callId ? ctx.catalog.get(p.callId) : undefined;
  const back = (first: boolean) => navButtons(ctx, D, !first);
  if (!call)
    return {
      state: asState('call', p),
      replies: [...notes, chooseCallCard(ctx, D, ctx.t('amount.choose-call'))],
    };
  // A call with one category has nothing to choose, however the call was picked.
  const category =
    call.categories.find((c) => c.id === p.category) ??
    (call.categories.length === 1 ? call.categories[0] : undefined);
  if (!category) {
    return {
      state: asState('category', p),
      replies: [...notes, chooseCategoryCard(ctx, D, call, ctx.t('amount.choose-category'))],
    };
  }
  const title = ctx.t('amount.title');
  const head = choiceHead(ctx, call, category);
  const first = !choseCallOrCategory(ctx, call);
  // The sums are asked alike: typed in one field, or one button for the answer without a sum.
  const ask = (field: 'total' | 'own' | 'other', question: string, instead: Button, isFirst: boolean) => ({
    state: asState(field, p, field),
    replies: [
      ...notes,
      card(
        title,
        [head, text(question), text(ctx.t('amount.example'), 'subtle')],
        [button(`${D}.${field}`, ctx.t('common.send'), undefined, 'primary'), instead, ...back(isFirst)],
        [amountInput(ctx, field, `amount.input.${field}`)],
      ),
    ],
  });
  if (p.mode !== 'lines' && p.total === undefined)
    return ask(
      'total',
      ctx.t('amount.ask-total'),
      answerButton(`${D}.lines-mode`, ctx.t('amount.button.lines')),
      first,
    );
  if (p.mode === 'lines' && !p.linesDone)
    return { state: asState('lines', p), replies: [...notes, linesCard(ctx, call, category.id, p)] };
  if (category.ownFinancingPercent > 0 && p.own === undefined)
    return ask(
      'own',
      ctx.t('amount.ask-own', { percent: category.ownFinancingPercent }),
      answerButton(`${D}.own`, ctx.t('amount.button.unknown'), { unknown: true }),
      false,
    );
  // Other funding only matters to a cap or an own-financing share; a call without either is not asked it.
  if (p.other === undefined && hasAmountRule(category))
    return ask(
      'other',
      ctx.t('amount.ask-other'),
      answerButton(`${D}.other`, ctx.t('amount.button.none'), { value: 0 }),
      false,
    );
  if (category.maxAwards !== undefined && p.prior === undefined) {
    const counts = Array.from({ length: category.maxAwards + 1 }, (_, i) => i);
    return {
      state: asState('prior', p),
      replies: [
        ...notes,
        card(
          title,
          [head, text(priorAwardsQuestion(ctx, call, category))],
          [
            ...counts.map((n) =>
              button(`${D}.prior`, n === category.maxAwards ? ctx.t('amount.prior.many', { n }) : String(n), {
                value: n,
              }),
            ),
            ...back(false),
          ],
        ),
      ],
    };
  }
  const own = p.own ?? undefined;
  const result = computeAmount(call, {
    category: category.id,
    ...(p.mode === 'lines' ? { lines: p.lines } : { total: p.total ?? 0 }),
    ...(own === undefined ? {} : { own }),
    ...(p.other === undefined ? {} : { other: p.other }),
    ...(p.prior === undefined ? {} : { priorAwards: p.prior }),
  });
  return {
    state: asState('result', p),
    replies: [...notes, amountResultCard(ctx, call, result, own)],
    remember: {
      callId: call.id,
      category: category.id,
      amount: {
        ...(p.total === undefined ? {} : { total: p.total }),
        ...(own === undefined ? {} : { own }),
        ...(p.other === undefined ? {} : { other: p.other }),
        ...(p.prior === undefined ? {} : { priorAwards: p.prior }),
        maxRequest: result.maxRequest,
        requiredOwnFinancing: result.requiredOwnFinancing,
        eligibleTotal: result.eligibleTotal,
        binding: result.binding,
      },
    },
  };
}

/**
 * The check's own question about earlier awards under this category's award limit, so a transfer is
 * asked about earlier transfer awards, not about funding its innovation got where it comes from.
 */
function priorAwardsQuestion(ctx: DialogContext, call: Call, category: CategoryData): string {
  const rule = categoryRules(category).awardLimit;
  const q = call.questions.find(
    (x) =>
      x.rule === rule &&
      x.kind === 'number' &&
      (!x.when?.categories || x.when.categories.includes(category.id)),
  );
  return q ? say(ctx, q.text) : ctx.t('amount.ask-prior');
}

function linesCard(ctx: DialogContext, call: Call, category: string, p: Progress) {
  const types = call.costTypes.filter((c) => !c.categories || c.categories.includes(category));
  const money = (n: number) => formatMoney(n, ctx.locale);
  return card(
    ctx.t('amount.lines.title'),
    p.lines.length === 0
      ? [text(ctx.t('amount.lines.empty'))]
      : [facts(p.lines.map((l) => [l.label, money(l.amount)])), text(ctx.t('amount.example'), 'subtle')],
    [
      button(`${D}.add-line`, ctx.t('amount.button.add-line'), undefined, 'primary'),
      ...(p.lines.length > 0 ? [answerButton(`${D}.lines-done`, ctx.t('amount.button.lines-done'))] : []),
      answerButton(`${D}.total-mode`, ctx.t('amount.button.total')),
      ...navButtons(ctx, D, true),
    ],
    [
      {
        kind: 'choice',
        id: 'costType',
        label: ctx.t('amount.input.line-type'),
        multiple: false,
        options: types.map((c) => ({ value: c.id, label: say(ctx, c.label) })),
        required: true,
      },
      {
        kind: 'amount',
        id: 'lineAmount',
        label: ctx.t('amount.input.line-amount'),
        placeholder: '200 000',
        required: true,
      },
    ],
  );
}

/** Reads a typed amount, or re-asks the same question with an example (also shown next to the input). */
function withAmount(
  ctx: DialogContext,
  p: Progress,
  raw: unknown,
  field: string,
  apply: (n: number) => Progress,
): StepResult {
  const typed = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
  const parsed = parseMoney(typed, ctx.locale);
  if (parsed.ok) return render(ctx, apply(parsed.value));
  const problem = ctx.t('amount.unreadable', { input: typed });
  const again = render(ctx, p, [message(problem)]);
  const flag = (r: Outbound): Outbound =>
    r.kind === 'card' && r.inputs?.some((i) => i.id === field) ? { ...r, errors: { [field]: problem } } : r;
  return { ...again, replies: again.replies.map(flag) };
}

function start(ctx: DialogContext, args: Record<string, unknown>): StepResult {
  return render(ctx, { ...startingChoice(ctx, args, ctx.memory.callId), lines: [] });
}

export const amountDialog: Dialog = {
  name: D,
  personal: { label: 'help.button.amount' },
  triggers: [{ phrases: 'routing.amount' }],
  step(state, event: DialogEvent, ctx) {
    if (event.kind === 'start') return start(ctx, event.args);
    const p = read(state);
    if (event.kind === 'resume') return render(ctx, p);
    if (event.kind === 'text') {
      if (state?.awaiting === 'total')
        return withAmount(ctx, p, event.text, 'total', (total) => ({ ...p, total }));
      if (state?.awaiting === 'own') return withAmount(ctx, p, event.text, 'own', (own) => ({ ...p, own }));
      if (state?.awaiting === 'other')
        return withAmount(ctx, p, event.text, 'other', (other) => ({ ...p, other }));
      return render(ctx, p);
    }
    const { action, data, inputs } = event;
    switch (action) {
      case 'call':
        return render(ctx, { lines: [], ...(str(data.callId) ? { callId: str(data.callId) } : {}) });
      case 'category':
        return render(ctx, { ...p, ...(str(data.category) ? { category: str(data.category) } : {}) });
      case 'total':
        return withAmount(ctx, p, inputs.total, 'total', (total) => ({ ...p, total }));
      case 'lines-mode':
        return render(ctx, { ...p, mode: 'lines' });
      case 'total-mode': {
        const { mode: _m, ...rest } = p;
        return render(ctx, { ...rest, lines: [] });
      }
      case 'add-line': {
        const costType = str(inputs.costType);
        const call = p.callId ? ctx.catalog.get(p.callId) : undefined;
        const type = call?.costTypes.find((c) => c.id === costType);
        if (!type) return render(ctx, p, [message(ctx.t('amount.lines.missing-type'))]);
        return withAmount(ctx, p, inputs.lineAmount, 'lineAmount', (n) => ({
          ...p,
          lines: [...p.lines, { label: say(ctx, type.label), amount: n, costType: type.id }],
        }));
      }
      case 'lines-done':
        return render(ctx, p.lines.length > 0 ? { ...p, linesDone: true } : p);
      case 'own':
        if (data.unknown === true) return render(ctx, { ...p, own: null });
        return withAmount(ctx, p, inputs.own, 'own', (own) => ({ ...p, own }));
      case 'other':
        if (data.value === 0) return render(ctx, { ...p, other: 0 });
        return withAmount(ctx, p, inputs.other, 'other', (other) => ({ ...p, other }));
      case 'prior':
        return render(ctx, { ...p, ...(num(data.value) === undefined ? {} : { prior: num(data.value) }) });
      default:
        return render(ctx, p);
    }
  },
};
