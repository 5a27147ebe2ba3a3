import { button, card, text } from '../src/bot/cards.ts';
import type { DialogContext } from '../src/bot/dialog.ts';
import type { Block, Card, Input } from '../src/bot/messages.ts';
import type { Call } from '../src/domain/call.ts';
import type { QuestionData } from '../src/domain/call-schema.ts';
import type { EligibilityResult, Reason } from '../src/domain/eligibility.ts';
import { localDate } from '../src/domain/timeline.ts';
import { formatDeadline } from '../src/i18n/format.ts';
import { closedNotice, navButtons, say } from './shared.ts';

const D = 'eligibility';

/** A rule with its quote from the call text. */
export function reasonBlocks(ctx: DialogContext, call: Call, reason: Reason): Block[] {
  return [
    text(say(ctx, reason.text)),
    {
      kind: 'quote',
      text: reason.cite.quote,
      source: ctx.t('common.source', { call: say(ctx, call.title) }),
    },
  ];
}

/** One question: buttons for yes-no and single, a form for the rest. */
export function questionCard(
  ctx: DialogContext,
  call: Call,
  q: QuestionData,
  progress: { n: number; total: number },
  canGoBack: boolean,
): Card {
  const blocks: Block[] = [
    {
      kind: 'progress',
      current: progress.n,
      total: progress.total,
      label: ctx.t('eligibility.progress', progress),
    },
    text(say(ctx, q.text)),
  ];
  // After the deadline the check says so before its questions: the rules may be met, but nothing can be handed in.
  blocks.unshift(...closedNotice(ctx, call));
  if (q.help) blocks.push(text(say(ctx, q.help), 'subtle'));
  const nav = navButtons(ctx, D, canGoBack);
  const title = ctx.t('eligibility.title', { call: say(ctx, call.title) });
  if (q.kind === 'yes-no' || q.kind === 'single') {
    const options = (q.options ?? []).map((o) =>
      button(`${D}.answer`, say(ctx, o.label), { q: q.id, value: o.id }),
    );
    return card(title, blocks, [...options, ...nav]);
  }
  const label = ctx.t('eligibility.answer-label');
  let input: Input;
  if (q.kind === 'multi') {
    input = {
      kind: 'choice',
      id: q.id,
      label,
      multiple: true,
      options: (q.options ?? []).map((o) => ({ value: o.id, label: say(ctx, o.label) })),
    };
  } else if (q.kind === 'date') {
    blocks.push(text(ctx.t('eligibility.type-date'), 'subtle'));
    input = { kind: 'date', id: q.id, label, required: true, opensOn: localDate(ctx.now) };
  } else {
    blocks.push(
      text(ctx.t(q.kind === 'percent' ? 'eligibility.type-percent' : 'eligibility.type-number'), 'subtle'),
    );
    input = {
      kind: 'number',
      id: q.id,
      label,
      required: true,
      ...(q.kind === 'percent' ? { min: 0, max: 100 } : {}),
    };
  }
  return card(
    title,
    blocks,
    [button(`${D}.answer`, ctx.t('common.send'), { q: q.id }, 'primary'), ...nav],
    [input],
  );
}

/** The end of the check: verdict, why not (with quotes), to-dos with dates, what would change it. */
export function verdictCard(
  ctx: DialogContext,
  call: Call,
  category: string,
  result: EligibilityResult,
  /** The application this check was run for: its card is the way on, not a new application. */
  app?: string,
): Card {
  const blocks: Block[] = [text(say(ctx, call.title), 'subtle')];
  if (result.reasons.length > 0) {
    blocks.push(text(`**${ctx.t('eligibility.why-not')}**`));
    for (const r of result.reasons) blocks.push(...reasonBlocks(ctx, call, r));
  }
  if (result.todos.length > 0) {
    blocks.push(text(`**${ctx.t('eligibility.todos')}**`), {
      kind: 'steps',
      steps: result.todos.map((td) => ({
        label: say(ctx, td.text),
        state: 'todo',
        detail: td.dueAt ? formatDeadline(td.dueAt, ctx.now, ctx.locale) : ctx.t('eligibility.todo.no-date'),
      })),
    });
  }
  if (result.alternatives.length > 0) {
    blocks.push(text(`**${ctx.t('eligibility.alternatives')}**`));
    blocks.push(text(result.alternatives.map((a) => `- ${say(ctx, a)}`).join('\n')));
  }
  const passed = result.verdict === 'eligible' || result.verdict === 'eligible-with-todos';
  // The rules may all be met, but nothing can be handed in after the deadline (the call says so).
  const notice = closedNotice(ctx, call);
  const closed = notice.length > 0;
  const ok = passed && !closed;
  blocks.splice(1, 0, ...notice);
  const args = { callId: call.id, category };
  const link = app ? { app } : {};
  const onward = app
    ? button('status.start', ctx.t('eligibility.button.status'), undefined, 'primary')
    : button('application.start', ctx.t('eligibility.button.apply'), args, 'primary');
  const buttons = ok
    ? [onward, button('amount.start', ctx.t('eligibility.button.amount'), args)]
    : closed
      ? [...(app ? [] : [button('help.start', ctx.t('eligibility.button.open-calls'), undefined, 'primary')])]
      : [button(`${D}.back`, ctx.t('eligibility.no.change'), undefined, 'primary')];
  // Another category is a different application, so a linked check does not offer it.
  if (!passed && !closed && call.categories.length > 1 && !app) {
    buttons.push(button(`${D}.start`, ctx.t('eligibility.button.other-category'), { callId: call.id }));
  }
  if (!ok && app) buttons.push(button('status.start', ctx.t('eligibility.button.status')));
  buttons.push(
    button(`${D}.start`, ctx.t('eligibility.button.again'), {
      callId: call.id,
      ...(app ? { category, ...link } : {}),
    }),
  );
  const emphasis = ok ? 'good' : result.verdict === 'not-eligible' || closed ? 'attention' : 'normal';
  return card(
    closed && passed ? ctx.t('eligibility.verdict.closed') : ctx.t(`eligibility.verdict.${result.verdict}`),
    [text(say(ctx, call.title), emphasis), ...blocks.slice(1)],
    buttons,
  );
}
