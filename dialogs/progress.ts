import { message } from '../src/bot/cards.ts';
import type { Dialog, DialogContext, StepResult } from '../src/bot/dialog.ts';
import { isLate, mayDo } from '../src/domain/applicant-actions.ts';
import type { Application } from '../src/domain/application.ts';
import type { Transition } from '../src/domain/application-audit.ts';
import { submittedInTime } from '../src/domain/application-transitions.ts';
import type { Call } from '../src/domain/call.ts';
import { callDeadline, missingRequirements, stepOfKind, type TransitionReason } from '../src/domain/steps.ts';
import { markStepDone, recordAward, submit, withdrawApplication } from '../src/domain/tracker.ts';
import { commit, loadOwnApplication, me } from './endorsement-commit.ts';
import { voidedNotices } from './endorsement-notices.ts';
import {
  awardCard,
  doneNote,
  editCard,
  notAwardedCard,
  refusedNote,
  showApplication,
  submitCard,
  withdrawCard,
} from './progress-cards.ts';
import { saveEdit } from './progress-edit.ts';
import { progressRefusal } from './progress-refusals.ts';
import { say, str } from './shared.ts';

/**
 * The applicant moves their own application on from its card: marks the draft or a report done,
 * records that it is submitted (after a confirmation), relays the award, edits it (progress-edit.ts),
 * or withdraws it. Transient:
 * every button carries the application id, and every action re-reads the record, checks that the
 * applicant is the one acting, and writes with compare-and-set (a second click finds it done).
 */

const D = 'progress';

const shown = showApplication;

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
    return { result: current ? shown(ctx, current, refusedNote(note)) : { state: null, replies: [note] } };
  }
  return { result: shown(ctx, done.app, doneNote(told(done.app))), before: done.before, after: done.app };
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
  return shown(ctx, app, refusedNote(progressRefusal(ctx, call, reason, app, stepId)));
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
        const step = stepOfKind(app, call, 'submission');
        const late = isLate(call, ctx.now);
        const on = str(event.inputs.submittedOn)?.trim();
        // After the deadline only a day on or before it can be recorded; anything else is asked again.
        const deadline = callDeadline(call);
        if (late && step && app.status === 'draft' && (!on || !deadline || !submittedInTime(on, deadline)))
          return {
            state: null,
            replies: [submitCard(ctx, app, call, step.id, ctx.t('progress.submit.bad-day'))],
          };
        const { result } = await apply(
          ctx,
          app,
          call,
          (a) => submit(a, call, { by, ...(late && on ? { submittedOn: on } : {}) }, ctx.now),
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
          : shown(ctx, app, refusedNote(progressRefusal(ctx, call, 'not-open', app)));
      case 'withdraw-confirm':
        return withdraw(ctx, app, call);
      case 'edit':
        return mayDo(app, call, ctx.now, 'edit')
          ? { state: null, replies: [editCard(ctx, app, call)] }
          : notNow(ctx, app, call);
      case 'save':
        return saveEdit(ctx, app, call, event.inputs);
      default:
        return shown(ctx, app);
    }
  },
};
