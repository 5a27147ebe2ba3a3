import type { Application } from './application.ts';
import { prioritisationSettledByAward } from './application-transitions.ts';
import type { Call } from './call.ts';
import { openSteps } from './next-step.ts';
import { APPLICANT_ACTOR, isLate, isPrioritised, missingRequirements, stepOfKind } from './steps.ts';

export { isLate };

/**
 * What the applicant can do on an application from chat right now, in the order the buttons are
 * shown: the one action that moves the next step, then giving up. Endorsements have their own dialog
 * (dialogs/endorsement.ts); the leaders and the quality chief act from their own cards.
 */
export type ApplicantAction =
  /** Run the eligibility check for this application. */
  | { kind: 'check'; step: string }
  /** Mark one of the applicant's own steps done: the draft, a report, the project's end. */
  | { kind: 'done'; step: string }
  /** "I have submitted it in eSøknad". */
  | { kind: 'submit'; step: string }
  /** Relay the region's decision once it is announced. */
  | { kind: 'award'; step: string }
  /** Change the title, the amount asked for or the own financing (a draft not yet prioritised). */
  | { kind: 'edit' }
  | { kind: 'withdraw' };

const OWN_STEPS = new Set(['category', 'draft', 'report', 'project-end']);

export function applicantActions(app: Application, call: Call, now: Date): ApplicantAction[] {
  const out: ApplicantAction[] = [];
  // A draft still unsubmitted after the deadline can no longer go anywhere: nothing to do but give up.
  const late = app.status === 'draft' && isLate(call, now);
  for (const open of late ? [] : openSteps(app, call, now)) {
    const { kind, id } = open.step;
    if (kind === 'eligibility') out.push({ kind: 'check', step: id });
    else if (kind === 'submission') out.push({ kind: 'submit', step: id });
    else if (kind === 'award' && app.status === 'submitted') out.push({ kind: 'award', step: id });
    else if (open.role === APPLICANT_ACTOR && OWN_STEPS.has(kind)) out.push({ kind: 'done', step: id });
  }
  // After the announcement the award may be recorded even if the trust's order was never confirmed here.
  const award = stepOfKind(app, call, 'award');
  if (
    award &&
    !out.some((a) => a.kind === 'award') &&
    prioritisationSettledByAward(app, call, now).length > 0
  )
    out.push({ kind: 'award', step: award.id });
  // Submitted in the portal before the deadline but not recorded here: it can still be recorded, with
  // the day it went in (the transition refuses a day after the deadline).
  const submission = late ? stepOfKind(app, call, 'submission') : undefined;
  if (submission && missingRequirements(app, call, submission.id).length === 0)
    out.push({ kind: 'submit', step: submission.id });
  if (app.status === 'draft' && !isPrioritised(app, call) && !late) out.push({ kind: 'edit' });
  if (app.status === 'draft' || app.status === 'submitted') out.push({ kind: 'withdraw' });
  return out;
}

/** Whether the applicant may do `kind` on the application now (buttons are checked again on press). */
export function mayDo(app: Application, call: Call, now: Date, kind: ApplicantAction['kind']): boolean {
  return applicantActions(app, call, now).some((a) => a.kind === kind);
}
