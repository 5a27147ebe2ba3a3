import { message } from '../src/bot/cards.ts';
import type { Dialog, DialogContext, StepResult } from '../src/bot/dialog.ts';
import type { Outbound } from '../src/bot/messages.ts';
import { isLate, mayDo } from '../src/domain/applicant-actions.ts';
import type { Application } from '../src/domain/application.ts';
import type { Transition } from '../src/domain/application-audit.ts';
import { requestLimit } from '../src/domain/application-edit.ts';
import type { Call } from '../src/domain/call.ts';
import { formatMoney, type MoneyErrorCode, parseMoney } from '../src/domain/money.ts';
import { missingRequirements, stepOfKind, type TransitionReason } from '../src/domain/steps.ts';
import {
  editApplication,
  markStepDone,
  recordAward,
  submit,
  withdrawApplication,
} from '../src/domain/tracker.ts';
import { applicationCard } from './application-card.ts';
import { voidedNotices } from './endorsement.ts';
import { commit, loadOwnApplication, me } from './endorsement-commit.ts';
import {
  applicationButtons,
  awardCard,
  EDIT_INPUTS,
  editCard,
  notAwardedCard,
  submitCard,
  withdrawCard,
} from './progress-cards.ts';
import { progressRefusal } from './progress-refusals.ts';
import { say, str } from './shared.ts';

/**
 * The applicant moves their own application on from its card: marks the draft or a report done,
 * records that it is submitted (after a confirmation), relays the award, or withdraws it. Transient:
 * every button carries the application id, and every action re-reads the record, checks that the
 * applicant is the one acting, and writes with compare-and-set (a second click finds it done).
 */

const D = 'progress';

function shown(ctx: DialogContext, app: Application, notes: Outbound[] = []): StepResult {
  return { state: null, replies: [...notes, applicationCard(ctx, app, applicationButtons(ctx, app))] };
}

async function apply(
  ctx: DialogContext,
  app: Application,
  call: Call,
  change: (a: Application) => Transition,
  told: (after: Application) => string,
  stepId?: string,
): Promise<{ result: StepResult; before?: Application; after?: Application }> {
  const done = await commit(ctx, app.id, change, app);
  if (!done.ok) {
    const current = done.app;
    const note = progressRefusal(ctx, call, done.reason, current, stepId);
    return { result: current ? shown(ctx, current, [note]) : { state: null, replies: [note] } };
  }
  return { result: shown(ctx, done.app, [message(told(done.app))]), before: done.before, after: done.app };
}

async function withdraw(ctx: DialogContext, app: Application, call: Call): Promise<StepResult> {
  const result = await apply(
    ctx,
    app,
    call,
    (a) => withdrawApplication(a, { by: me(ctx) }, ctx.now),
    (after) => ctx.t('progress.done.withdrawn', { title: after.title }),
  );
  const { result: shownResult, before, after } = result;
  // Leaders still holding a request get their card replaced, so nobody endorses a withdrawn application.
  return before && after ? { ...shownResult, notify: await voidedNotices(ctx, before, after) } : shownResult;
}

/** The award answer; only a call with reports after the award promises reminders of them. */
function awardedText(app: Application, call: Call, awarded: boolean) {
  if (!awarded) return 'progress.done.not-awarded' as const;
  const reports = call.steps.some(
    (s) =>
      (s.kind === 'report' || s.kind === 'project-end') &&
      app.steps.find((a) => a.id === s.id)?.state === 'not-started',
  );
  return reports ? ('progress.done.awarded' as const) : ('progress.done.awarded-no-reports' as const);
}

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

/**
 * A button pressed when its action is not open (an old card, a forged id, a deadline passed since):
 * the reason the tracker would give, and the card as it is now.
 */
function notNow(ctx: DialogContext, app: Application, call: Call, stepId?: string): StepResult {
  const reason: TransitionReason =
    app.status === 'draft' && isLate(call, ctx.now)
      ? 'deadline-passed'
      : app.status !== 'draft' && app.status !== 'submitted'
        ? 'not-open'
        : stepId && missingRequirements(app, call, stepId).length > 0
          ? 'requires-not-done'
          : app.status === 'draft'
            ? 'not-submitted'
            : 'not-draft';
  return shown(ctx, app, [progressRefusal(ctx, call, reason, app, stepId)]);
}

async function save(
  ctx: DialogContext,
  app: Application,
  call: Call,
  inputs: Record<string, unknown>,
): Promise<StepResult> {
  const raw = {
    title: str(inputs[EDIT_INPUTS.title]) ?? '',
    requested: str(inputs[EDIT_INPUTS.requested]) ?? String(inputs[EDIT_INPUTS.requested] ?? ''),
    own: str(inputs[EDIT_INPUTS.own]) ?? String(inputs[EDIT_INPUTS.own] ?? ''),
  };
  const again = (errors: Record<string, string>): StepResult => ({
    state: null,
    replies: [editCard(ctx, app, call, raw, errors)],
  });
  const requested = parseMoney(raw.requested);
  const own = parseMoney(raw.own);
  if (!requested.ok || !own.ok) {
    const errors: Record<string, string> = {};
    if (!requested.ok) errors[EDIT_INPUTS.requested] = moneyProblem(ctx, requested.error, raw.requested);
    if (!own.ok) errors[EDIT_INPUTS.own] = moneyProblem(ctx, own.error, raw.own);
    return again(errors);
  }
  const input = { title: raw.title, requested: requested.value, own: own.value, by: me(ctx) };
  const change = (a: Application) => editApplication(a, call, input, ctx.now);
  const done = await commit(ctx, app.id, change, app);
  if (!done.ok) {
    const current = done.app ?? app;
    if (done.reason === 'bad-title') return again({ [EDIT_INPUTS.title]: ctx.t('progress.edit.bad-title') });
    if (done.reason === 'amount-not-allowed')
      return again({ [EDIT_INPUTS.requested]: tooMuch(ctx, call, current, input.requested, input.own) });
    if (done.reason === 'nothing-changed')
      return shown(ctx, current, [message(ctx.t('progress.edit.unchanged'))]);
    return shown(ctx, current, [progressRefusal(ctx, call, done.reason, done.app)]);
  }
  const notify = await voidedNotices(ctx, done.before, done.app);
  const reset = done.before.steps.some((s) => {
    const after = done.app.steps.find((x) => x.id === s.id);
    return (s.state === 'done' || s.state === 'waiting') && after?.state === 'not-started';
  });
  const note = message(ctx.t(reset ? 'progress.edit.saved-reset' : 'progress.edit.saved'));
  return { ...shown(ctx, done.app, [note]), notify };
}

export const progressDialog: Dialog = {
  name: D,
  transient: true,
  async step(_state, event, ctx) {
    if (event.kind !== 'action') return { state: null, replies: [message(ctx.t('endorsement.not-found'))] };
    const loaded = await loadOwnApplication(ctx, str(event.data.app), 'progress.not-yours');
    if ('result' in loaded) return loaded.result;
    const { app, call } = loaded;
    const by = me(ctx);
    switch (event.action) {
      case 'done': {
        const step = str(event.data.step) ?? '';
        const label = call.steps.find((s) => s.id === step)?.label;
        const { result } = await apply(
          ctx,
          app,
          call,
          (a) => markStepDone(a, call, { step, by }, ctx.now),
          () => ctx.t('progress.done.step', { step: label ? say(ctx, label) : step }),
          step,
        );
        return result;
      }
      case 'submit': {
        const step = stepOfKind(app, call, 'submission');
        if (!step || !mayDo(app, call, ctx.now, 'submit')) return notNow(ctx, app, call, step?.id);
        return { state: null, replies: [submitCard(ctx, app, call, step.id)] };
      }
      case 'submit-confirm': {
        const { result } = await apply(
          ctx,
          app,
          call,
          (a) => submit(a, call, { by }, ctx.now),
          (after) => ctx.t('progress.done.submitted', { title: after.title }),
          stepOfKind(app, call, 'submission')?.id,
        );
        return result;
      }
      case 'award':
        return mayDo(app, call, ctx.now, 'award')
          ? { state: null, replies: [awardCard(ctx, app)] }
          : notNow(ctx, app, call, stepOfKind(app, call, 'award')?.id);
      case 'awarded': {
        const awarded = event.data.awarded;
        if (typeof awarded !== 'boolean') return shown(ctx, app);
        const comment = (str(event.inputs.comment) ?? str(event.data.comment))?.trim().slice(0, 500);
        // "Not awarded" closes the application and its reports for good: asked once more.
        if (!awarded && event.data.confirmed !== true)
          return { state: null, replies: [notAwardedCard(ctx, app, comment)] };
        const { result } = await apply(
          ctx,
          app,
          call,
          (a) => recordAward(a, call, { awarded, by, ...(comment ? { comment } : {}) }, ctx.now),
          (after) => ctx.t(awardedText(after, call, awarded), { title: after.title }),
          stepOfKind(app, call, 'award')?.id,
        );
        return result;
      }
      case 'withdraw':
        return mayDo(app, call, ctx.now, 'withdraw')
          ? { state: null, replies: [withdrawCard(ctx, app)] }
          : shown(ctx, app, [progressRefusal(ctx, call, 'not-open', app)]);
      case 'withdraw-confirm':
        return withdraw(ctx, app, call);
      case 'edit':
        return mayDo(app, call, ctx.now, 'edit')
          ? { state: null, replies: [editCard(ctx, app, call)] }
          : notNow(ctx, app, call);
      case 'save':
        return save(ctx, app, call, event.inputs);
      default:
        return shown(ctx, app);
    }
  },
};
