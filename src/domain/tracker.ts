import type { Application, ApplicationStep, AuditEntry, Person } from './application.ts';
import type { Call } from './call.ts';
import type { StepData } from './call-schema.ts';
import type { Answers, Verdict } from './eligibility.ts';
import { MidlerError } from './errors.ts';
import { appliesTo, stepDueAt } from './steps.ts';

/**
 * The application tracker's front door: create an application from the call data, then move it with
 * the transitions (each pure, each returning `{ app, audit }`). The store writes both and bumps the
 * version. See docs/tracker.md for the states, the reason codes and the call data it relies on.
 */
export type { Transition } from './application-audit.ts';
export { editApplication } from './application-edit.ts';
export { markStepDone, recordAward, submit, withdrawApplication } from './application-transitions.ts';
export { recordEligibility } from './eligibility-record.ts';
export type { OpenStep } from './next-step.ts';
export { nextStep, openSteps, stepsWaitingOn } from './next-step.ts';
export { prioritise } from './prioritisation.ts';
export type { TransitionReason } from './steps.ts';
export type { EndorsementDecision } from './transitions.ts';
export {
  answerQuestion,
  decideEndorsement,
  replaceLeader,
  requestEndorsement,
  withdrawRequest,
} from './transitions.ts';

export interface NewApplication {
  id: string;
  applicant: Person & { trust: string };
  category: string;
  title: string;
  answers: Answers;
  verdict?: Verdict;
  amount?: Application['amount'];
  priorityAreas?: string[];
}

const PASSED_CHECK = new Set<Verdict>(['eligible', 'eligible-with-todos']);

/**
 * A new draft (version 1) with one step per call step: `not-needed` for steps of other categories, and
 * `done` for steps the eligibility check already settled (a passed check, the chosen category, and any
 * step whose `doneWhen` answer was given, e.g. an endorsement answered "yes").
 */
export function newApplication(call: Call, input: NewApplication, now: Date): Application {
  if (!call.categories.some((c) => c.id === input.category)) {
    throw new MidlerError('category.not-found', `call ${call.id} has no category ${input.category}`, {
      details: { callId: call.id, category: input.category },
    });
  }
  const at = now.toISOString();
  const steps = call.steps.map((data): ApplicationStep => {
    if (!appliesTo(data, input.category)) return { id: data.id, state: 'not-needed', since: at };
    const step: ApplicationStep = { id: data.id, state: 'not-started', since: at };
    const due = stepDueAt(call, data, input.applicant.trust);
    if (due) step.dueAt = due.toISOString();
    const settledBy = settledByCheck(data, input);
    if (settledBy !== null) {
      step.state = 'done';
      if (settledBy !== '') step.satisfiedBy = settledBy;
    }
    return step;
  });
  const app: Application = {
    id: input.id,
    version: 1,
    callId: call.id,
    category: input.category,
    title: input.title,
    applicant: input.applicant,
    status: 'draft',
    answers: input.answers,
    steps,
    createdAt: at,
    updatedAt: at,
  };
  if (input.verdict !== undefined) app.verdict = input.verdict;
  if (input.amount !== undefined) app.amount = input.amount;
  if (input.priorityAreas !== undefined) app.priorityAreas = input.priorityAreas;
  return app;
}

/** The question id that settled the step, '' when settled by the step's kind, null when still open. */
function settledByCheck(data: StepData, input: NewApplication): string | null {
  if (data.kind === 'eligibility' && input.verdict !== undefined && PASSED_CHECK.has(input.verdict))
    return '';
  if (data.kind === 'category') return '';
  if (data.doneWhen) {
    const answer = input.answers[data.doneWhen.question];
    const given = Array.isArray(answer) ? answer : [String(answer)];
    if (answer !== undefined && given.some((a) => data.doneWhen?.options.includes(a)))
      return data.doneWhen.question;
  }
  return null;
}

/** The audit entry for a new application (the first entry of its trail). */
export function createdAudit(app: Application, by: Person): AuditEntry {
  return {
    at: app.createdAt,
    actor: by,
    platform: by.platform,
    action: 'application.created',
    changes: { status: { before: null, after: app.status } },
  };
}
