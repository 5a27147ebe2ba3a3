import type { Application, ApplicationStep, Person } from './application.ts';
import type { Call } from './call.ts';
import type { StepData } from './call-schema.ts';
import { MidlerError } from './errors.ts';
import { hasPassed, milestoneInstant, trustInternalDeadline } from './timeline.ts';

/** The implicit actor of every call's applicant steps. */
export const APPLICANT_ACTOR = 'applicant';

/** Reasons a transition is refused; stable codes the dialogs map to texts. */
export type TransitionReason =
  | 'unknown-step'
  | 'step-not-needed'
  | 'wrong-step-kind'
  | 'check-required'
  | 'category-mismatch'
  | 'already-prioritised'
  | 'bad-title'
  | 'amount-not-allowed'
  | 'nothing-changed'
  | 'not-the-applicant'
  | 'not-the-named-leader'
  | 'leader-is-applicant'
  | 'same-leader'
  | 'not-draft'
  | 'not-open'
  | 'not-waiting'
  | 'already-requested'
  | 'already-done'
  | 'request-not-current'
  | 'no-question'
  | 'comment-required'
  | 'requires-not-done'
  | 'deadline-passed'
  | 'after-deadline'
  | 'not-submitted'
  | 'not-awarded'
  | 'already-decided'
  | 'mixed-calls'
  | 'mixed-trusts'
  | 'duplicate-application'
  | 'empty-order';

export function refuse(
  reason: TransitionReason,
  message: string,
  details: Record<string, unknown> = {},
): never {
  throw new MidlerError('transition.invalid', message, { details: { reason, ...details } });
}

export function samePerson(a: Person | undefined, b: Person | undefined): boolean {
  return a !== undefined && b !== undefined && a.platform === b.platform && a.userId === b.userId;
}

/** The call's step data, or a refusal naming the unknown id. */
export function stepData(call: Call, stepId: string): StepData {
  const step = call.steps.find((s) => s.id === stepId);
  if (!step) refuse('unknown-step', `call ${call.id} has no step ${stepId}`, { step: stepId });
  return step;
}

export function appStep(app: Application, stepId: string): ApplicationStep {
  const step = app.steps.find((s) => s.id === stepId);
  if (!step) refuse('unknown-step', `application ${app.id} has no step ${stepId}`, { step: stepId });
  return step;
}

export function appliesTo(step: StepData, category: string): boolean {
  return step.categories === undefined || step.categories.includes(category);
}

/** When a step must be done: the trust's internal deadline when the step uses it and one is set, else its milestone. */
export function stepDueAt(call: Call, step: StepData, trustId: string): Date | null {
  if (step.dueTrustInternal) {
    const internal = trustInternalDeadline(call, trustId);
    if (internal) return internal;
  }
  return step.due === undefined ? null : milestoneInstant(call, step.due);
}

/** The call's application deadline: its first `deadline` milestone. */
export function callDeadline(call: Call): Date | null {
  const m = call.milestones.find((x) => x.kind === 'deadline');
  return m ? milestoneInstant(call, m.id) : null;
}

/** The trust has put the application in its order (the prioritisation step is done). */
export function isPrioritised(app: Application, call: Call): boolean {
  return call.steps.some(
    (s) => s.kind === 'prioritisation' && app.steps.find((a) => a.id === s.id)?.state === 'done',
  );
}

/** The call's application deadline has passed: nothing more can be handed in or changed. */
export function isLate(call: Call, now: Date): boolean {
  const deadline = callDeadline(call);
  return deadline !== null && hasPassed(deadline, now);
}

/** The first step of a kind that this application has (not `not-needed`). */
export function stepOfKind(app: Application, call: Call, kind: StepData['kind']): StepData | undefined {
  return call.steps.find(
    (s) => s.kind === kind && app.steps.some((a) => a.id === s.id && a.state !== 'not-needed'),
  );
}

const settled = (s: ApplicationStep | undefined) =>
  s === undefined || s.state === 'done' || s.state === 'not-needed';

/** Steps that must be done before `stepId` (transitively) and are not: empty when it may go ahead. */
export function missingRequirements(app: Application, call: Call, stepId: string): string[] {
  const missing: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    for (const req of call.steps.find((s) => s.id === id)?.requires ?? []) {
      if (seen.has(req)) continue;
      seen.add(req);
      visit(req);
      if (!settled(app.steps.find((s) => s.id === req))) missing.push(req);
    }
  };
  visit(stepId);
  return missing;
}

export function requireDone(app: Application, call: Call, stepId: string): void {
  const missing = missingRequirements(app, call, stepId);
  if (missing.length > 0) {
    refuse('requires-not-done', `step ${stepId} needs ${missing.join(', ')} first`, {
      step: stepId,
      missing,
    });
  }
}

export function requireApplicant(app: Application, by: Person): void {
  if (!samePerson(app.applicant, by)) {
    refuse('not-the-applicant', `only the applicant may do this on ${app.id}`, { by: by.userId });
  }
}

export function requireStatus(
  app: Application,
  status: Application['status'],
  reason: TransitionReason,
): void {
  if (app.status !== status) refuse(reason, `application ${app.id} is ${app.status}`, { status: app.status });
}

/** A copy of the application with one step replaced. */
export function withStep(app: Application, step: ApplicationStep): Application {
  return { ...app, steps: app.steps.map((s) => (s.id === step.id ? step : s)) };
}
