import type { DialogContext, StepResult } from '../src/bot/dialog.ts';
import type { Application } from '../src/domain/application.ts';
import { requestLimit } from '../src/domain/application-edit.ts';
import type { Call } from '../src/domain/call.ts';
import { asksOwnFinancing, hasAmountRule } from '../src/domain/call-lookup.ts';
import { formatMoney, type MoneyErrorCode, parseMoney } from '../src/domain/money.ts';
import { editApplication } from '../src/domain/tracker.ts';
import { commit, me } from './endorsement-commit.ts';
import { voidedNotices } from './endorsement-notices.ts';
import { doneNote, EDIT_INPUTS, editCard, refusedNote, showApplication } from './progress-cards.ts';
import { progressRefusal } from './progress-refusals.ts';
import { str } from './shared.ts';

/**
 * Saving the edit form (title, amount asked for, own financing): amounts read the Norwegian way, each
 * problem told by its field with the figure the call allows, and the leaders asked again when the
 * application they endorsed changed.
 */

function moneyProblem(ctx: DialogContext, error: MoneyErrorCode, input: string): string {
  if (error === 'negative') return ctx.t('progress.edit.negative', { input });
  if (error === 'fraction-of-krone') return ctx.t('progress.edit.whole-kroner', { input });
  return ctx.t('progress.edit.unreadable', { input });
}

/** Why an amount is refused, with the figure the call allows for this own financing. */
function tooMuch(ctx: DialogContext, call: Call, app: Application, requested: number, own: number): string {
  if (requested < 1) return ctx.t('progress.edit.positive');
  const limit = requestLimit(call, app.category, own, app.amount?.other ?? 0);
  const money = (n: number) => formatMoney(n, ctx.locale);
  return limit.binding === 'cap'
    ? ctx.t('progress.edit.over-cap', { max: money(limit.max) })
    : ctx.t('progress.edit.too-much', { max: money(limit.max), own: money(own), percent: limit.percent });
}

type Read = { ok: true; value: number | undefined } | { ok: false; error: MoneyErrorCode };

function readOptional(raw: string, ctx: DialogContext, optional: boolean): Read {
  if (optional && raw.trim() === '') return { ok: true, value: undefined };
  return parseMoney(raw, ctx.locale);
}

export async function saveEdit(
  ctx: DialogContext,
  app: Application,
  call: Call,
  inputs: Record<string, unknown>,
): Promise<StepResult> {
  const shown = showApplication;
  const raw = {
    title: str(inputs[EDIT_INPUTS.title]) ?? '',
    requested: str(inputs[EDIT_INPUTS.requested]) ?? String(inputs[EDIT_INPUTS.requested] ?? ''),
    own: str(inputs[EDIT_INPUTS.own]) ?? String(inputs[EDIT_INPUTS.own] ?? ''),
  };
  const again = (errors: Record<string, string>): StepResult => ({
    state: null,
    replies: [editCard(ctx, app, call, raw, errors)],
  });
  const category = call.categories.find((c) => c.id === app.category);
  // Read as the form was filled: in English "NOK 350,000" (as prefilled) is three hundred and fifty thousand.
  // A call without an amount rule does not require the amount, and only a call with an own-financing
  // share asks for own financing.
  const requested = readOptional(raw.requested, ctx, !hasAmountRule(category));
  const own = asksOwnFinancing(category)
    ? parseMoney(raw.own, ctx.locale)
    : ({ ok: true, value: undefined } as const);
  if (!requested.ok || !own.ok) {
    const errors: Record<string, string> = {};
    if (!requested.ok) errors[EDIT_INPUTS.requested] = moneyProblem(ctx, requested.error, raw.requested);
    if (!own.ok) errors[EDIT_INPUTS.own] = moneyProblem(ctx, own.error, raw.own);
    return again(errors);
  }
  const input = {
    title: raw.title,
    ...(requested.value === undefined ? {} : { requested: requested.value }),
    ...(own.value === undefined ? {} : { own: own.value }),
    by: me(ctx),
  };
  const change = (a: Application) => editApplication(a, call, input, ctx.now);
  const done = await commit(ctx, app.id, change, app);
  if (!done.ok) {
    const current = done.app ?? app;
    if (done.reason === 'bad-title') return again({ [EDIT_INPUTS.title]: ctx.t('progress.edit.bad-title') });
    if (done.reason === 'amount-not-allowed')
      return again({
        [EDIT_INPUTS.requested]: tooMuch(ctx, call, current, input.requested ?? 0, input.own ?? 0),
      });
    if (done.reason === 'nothing-changed')
      return shown(ctx, current, doneNote(ctx.t('progress.edit.unchanged')));
    return shown(ctx, current, refusedNote(progressRefusal(ctx, call, done.reason, done.app)));
  }
  const notify = await voidedNotices(ctx, done.before, done.app);
  const reset = done.before.steps.some((s) => {
    const after = done.app.steps.find((x) => x.id === s.id);
    return (s.state === 'done' || s.state === 'waiting') && after?.state === 'not-started';
  });
  const note = doneNote(ctx.t(reset ? 'progress.edit.saved-reset' : 'progress.edit.saved'));
  return { ...shown(ctx, done.app, note), notify };
}
