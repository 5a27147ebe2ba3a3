import type { Application, ApplicationStep, Person } from './application.ts';
import { type Transition, transition } from './application-audit.ts';
import type { Call } from './call.ts';
import type { StepData } from './call-schema.ts';
import {
  appStep,
  callDeadline,
  refuse,
  requireApplicant,
  requireDone,
  requireStatus,
  samePerson,
  stepData,
  withStep,
} from './steps.ts';
import { hasPassed } from './timeline.ts';

/**
 * Endorsement transitions (issue 7): the applicant asks a named leader, the leader approves, declines
 * or asks for more information; the applicant can answer, withdraw the request or replace the leader.
 * Each returns the new record and its audit entry, or throws `transition.invalid` with a reason code.
 */

export type EndorsementDecision = 'approve' | 'decline' | 'more-info';

function endorsementStep(app: Application, call: Call, stepId: string): [StepData, ApplicationStep] {
  const data = stepData(call, stepId);
  if (data.kind !== 'endorsement')
    refuse('wrong-step-kind', `${stepId} is not an endorsement`, { step: stepId });
  const step = appStep(app, stepId);
  if (step.state === 'not-needed')
    refuse('step-not-needed', `${stepId} is not needed here`, { step: stepId });
  return [data, step];
}

/** The endorsement step the applicant acts on (ask, answer, replace): theirs, and still a draft. */
function applicantsDraftStep(
  app: Application,
  call: Call,
  input: { step: string; by: Person },
): ApplicationStep {
  const [, step] = endorsementStep(app, call, input.step);
  requireApplicant(app, input.by);
  requireStatus(app, 'draft', 'not-draft');
  return step;
}

/** Nothing is asked for after the deadline: an endorsement then could not help the application. */
function requireBeforeDeadline(call: Call, now: Date, reason: 'deadline-passed' | 'after-deadline'): void {
  const deadline = callDeadline(call);
  if (deadline && hasPassed(deadline, now)) {
    refuse(reason, `the deadline of ${call.id} has passed`, { deadline: deadline.toISOString() });
  }
}

/** Only the step's current state decides; a fresh request drops what the previous round said. */
function cleared(step: ApplicationStep): ApplicationStep {
  const { waitingOn, decidedBy, decidedAt, comment, note, question, answer, satisfiedBy, ...rest } = step;
  return rest;
}

/** A leader can be asked: not the applicant themself, and not after the deadline. */
function requireAskable(
  app: Application,
  call: Call,
  step: ApplicationStep,
  leader: Person,
  now: Date,
): void {
  if (samePerson(leader, app.applicant)) {
    refuse('leader-is-applicant', 'an applicant cannot endorse their own application', { step: step.id });
  }
  requireBeforeDeadline(call, now, 'deadline-passed');
}

/** The step waits on `leader` from now, as a new round (a request, or the same one sent to someone else). */
function newRound(
  step: ApplicationStep,
  leader: Person,
  now: Date,
  note: string | undefined,
): ApplicationStep {
  const next: ApplicationStep = {
    ...cleared(step),
    state: 'waiting',
    waitingOn: leader,
    since: now.toISOString(),
    round: (step.round ?? 0) + 1,
  };
  if (note) next.note = note;
  return next;
}

/** The applicant asks `leader` to endorse a step (a request, or the same one sent to someone else). */
export interface LeaderRequest {
  step: string;
  leader: Person;
  by: Person;
  note?: string;
}

export function requestEndorsement(
  app: Application,
  call: Call,
  input: LeaderRequest,
  now: Date,
): Transition {
  const step = applicantsDraftStep(app, call, input);
  if (step.state === 'waiting')
    refuse('already-requested', `${step.id} already waits on someone`, { step: step.id });
  if (step.state === 'done') refuse('already-done', `${step.id} is already approved`, { step: step.id });
  requireAskable(app, call, step, input.leader, now);
  requireDone(app, call, step.id);
  const next = newRound(step, input.leader, now, input.note);
  return transition(app, withStep(app, next), input.by, 'endorsement.request', now, input.note);
}

/**
 * The named leader decides. A decline needs a comment and reopens the draft (the applicant edits and
 * asks again); more-info keeps the request waiting with the question recorded. `round`, when given (from
 * the card), must be the current request's, so a withdrawn or replaced request's card decides nothing.
 */
export function decideEndorsement(
  app: Application,
  call: Call,
  input: { step: string; decision: EndorsementDecision; by: Person; comment?: string; round?: number },
  now: Date,
): Transition {
  const [, step] = endorsementStep(app, call, input.step);
  requireBeforeDeadline(call, now, 'after-deadline');
  requireStatus(app, 'draft', 'not-draft');
  if (step.state !== 'waiting')
    refuse('not-waiting', `${step.id} is ${step.state}`, { step: step.id, state: step.state });
  if (input.round !== undefined && input.round !== step.round) {
    refuse('request-not-current', `${step.id} has a newer request`, { step: step.id, round: step.round });
  }
  if (!samePerson(step.waitingOn, input.by)) {
    refuse('not-the-named-leader', `${step.id} waits on someone else`, {
      step: step.id,
      by: input.by.userId,
    });
  }
  const comment = input.comment?.trim() ?? '';
  const at = now.toISOString();
  if (input.decision === 'more-info') {
    const next: ApplicationStep = { ...step, question: comment };
    delete next.answer;
    if (comment === '') delete next.question;
    return transition(app, withStep(app, next), input.by, 'endorsement.more-info', now, comment);
  }
  if (input.decision === 'decline' && comment === '') {
    refuse('comment-required', 'a decline needs a comment', { step: step.id });
  }
  const decided: ApplicationStep = {
    ...cleared(step),
    state: input.decision === 'approve' ? 'done' : 'declined',
    since: at,
    decidedBy: input.by,
    decidedAt: at,
  };
  if (comment !== '') decided.comment = comment;
  let after = withStep(app, decided);
  if (input.decision === 'decline') after = reopenDraft(after, call, at);
  return transition(app, after, input.by, `endorsement.${input.decision}`, now, comment);
}

/** A decline sends the applicant back to writing: the draft step is open again and the status draft. */
function reopenDraft(app: Application, call: Call, at: string): Application {
  const draft = call.steps.find((s) => s.kind === 'draft');
  const steps = app.steps.map((s): ApplicationStep => {
    if (s.id !== draft?.id || s.state === 'not-needed') return s;
    const { decidedBy, decidedAt, comment, satisfiedBy, ...rest } = s;
    return { ...rest, state: 'not-started', since: at };
  });
  return { ...app, status: 'draft', steps };
}

/** The applicant answers a leader's question; the request keeps waiting on the same leader. */
export function answerQuestion(
  app: Application,
  call: Call,
  input: { step: string; by: Person; answer: string },
  now: Date,
): Transition {
  const step = applicantsDraftStep(app, call, input);
  if (step.state !== 'waiting') refuse('not-waiting', `${step.id} is ${step.state}`, { step: step.id });
  if (step.question === undefined)
    refuse('no-question', `${step.id} has no open question`, { step: step.id });
  const answer = input.answer.trim();
  if (answer === '') refuse('comment-required', 'an answer needs text', { step: step.id });
  return transition(app, withStep(app, { ...step, answer }), input.by, 'endorsement.answer', now, answer);
}

/** The applicant takes a pending request back; the step is open again. */
export function withdrawRequest(
  app: Application,
  call: Call,
  input: { step: string; by: Person },
  now: Date,
): Transition {
  const [, step] = endorsementStep(app, call, input.step);
  requireApplicant(app, input.by);
  if (step.state !== 'waiting') refuse('not-waiting', `${step.id} is ${step.state}`, { step: step.id });
  const next: ApplicationStep = { ...cleared(step), state: 'not-started', since: now.toISOString() };
  return transition(app, withStep(app, next), input.by, 'endorsement.withdraw', now);
}

/** The applicant sends a pending request to someone else (the leader is away); the old request is stale. */
export function replaceLeader(app: Application, call: Call, input: LeaderRequest, now: Date): Transition {
  const step = applicantsDraftStep(app, call, input);
  if (step.state !== 'waiting') refuse('not-waiting', `${step.id} is ${step.state}`, { step: step.id });
  if (samePerson(step.waitingOn, input.leader))
    refuse('same-leader', `${step.id} already waits on them`, { step: step.id });
  requireAskable(app, call, step, input.leader, now);
  const next = newRound(step, input.leader, now, input.note ?? step.note);
  return transition(app, withStep(app, next), input.by, 'endorsement.replace-leader', now, input.note);
}
