import { message } from '../src/bot/cards.ts';
import type { DialogContext, StepResult, StepState } from '../src/bot/dialog.ts';
import type { Answers } from '../src/domain/eligibility.ts';
import { isLate, stepOfKind } from '../src/domain/steps.ts';
import { recordEligibility } from '../src/domain/tracker.ts';
import { commit, loadOwnApplication, me } from './endorsement-commit.ts';
import { voidedNotices } from './endorsement-notices.ts';
import { progressRefusal } from './progress-refusals.ts';
import { record, say, str } from './shared.ts';

/**
 * A check started from an application's card ends by saving its answers and verdict on that
 * application (compare-and-set, with an audit entry), once, on the turn the verdict is reached. The
 * tracker decides whether the check step is done; a refusal is explained and the verdict still stands.
 */
export async function saveOnApplication(
  ctx: DialogContext,
  before: StepState | null,
  result: StepResult,
): Promise<StepResult> {
  const after = result.state;
  const verdict = result.remember?.verdict;
  const appId = str(after?.answers.app);
  if (after?.step !== 'verdict' || before?.step === 'verdict' || !verdict || !appId) return result;
  const call = ctx.catalog.get(str(after.answers.callId) ?? '');
  if (!call) return result;
  const input = {
    category: str(after.answers.category) ?? '',
    answers: record(after.answers.answers) as Answers,
    verdict,
    by: me(ctx),
  };
  const done = await commit(ctx, appId, (app) => recordEligibility(app, call, input, ctx.now));
  if (!done.ok) {
    return { ...result, replies: [...result.replies, progressRefusal(ctx, call, done.reason, done.app)] };
  }
  const step = stepOfKind(done.app, call, 'eligibility');
  const passed = done.app.steps.find((s) => s.id === step?.id)?.state === 'done';
  const note = passed
    ? ctx.t('progress.done.checked-passed', { title: done.app.title })
    : ctx.t('progress.done.checked-failed', {
        title: done.app.title,
        step: step ? say(ctx, step.label) : '',
      });
  const notify = await voidedNotices(ctx, done.before, done.app);
  return {
    ...result,
    replies: [...result.replies, message(note)],
    notify: [...(result.notify ?? []), ...notify],
  };
}

/**
 * A check started for an application (its card's button) runs only for that application's applicant
 * while it is a draft: a forwarded or crafted button is answered at once, not after eight questions.
 */
export async function mayStartFor(
  ctx: DialogContext,
  appId: string,
): Promise<{ refused: StepResult } | { known: Answers }> {
  const loaded = await loadOwnApplication(ctx, appId, 'progress.not-yours');
  if ('result' in loaded) return { refused: loaded.result };
  const { app, call } = loaded;
  if (app.status !== 'draft')
    return { refused: { state: null, replies: [progressRefusal(ctx, call, 'not-draft', app)] } };
  if (isLate(call, ctx.now))
    return { refused: { state: null, replies: [progressRefusal(ctx, call, 'deadline-passed', app)] } };
  // The application's trust is a fact of the application, not asked again (nor answered otherwise).
  const trustQuestion = call.questions.some((q) => q.id === 'trust');
  return { known: trustQuestion ? { trust: app.applicant.trust } : {} };
}
