import type { Application, Person } from '../../src/domain/application.ts';
import type { Call } from '../../src/domain/call.ts';
import { decideEndorsement, markStepDone, requestEndorsement } from '../../src/domain/tracker.ts';
import { innovation, patientSafety } from './eligibility-support.ts';
import { apply, OCT_1 } from './tracker-fixtures.ts';

/*
 * The set-up walks the tracker tests share: each applies one transition at OCT_1 on the draft's own call,
 * so a test spells out only the transition it is about.
 */
const callOf = (app: Application): Call => (app.callId === innovation.id ? innovation : patientSafety);

/** The draft step done: the application is written. */
export const written = (app: Application, by: Person = app.applicant) =>
  apply(markStepDone(app, callOf(app), { step: 'draft', by }, OCT_1));

/** The applicant asks `leader` to endorse `step`. */
export const asked = (app: Application, step: string, leader: Person, by: Person = app.applicant) =>
  apply(requestEndorsement(app, callOf(app), { step, leader, by }, OCT_1));

/** `leader` approves `step`. */
export const approved = (app: Application, step: string, leader: Person) =>
  apply(decideEndorsement(app, callOf(app), { step, decision: 'approve', by: leader }, OCT_1));

/** A written patient-safety application, asked and approved by both its leaders. */
export function endorsedByBoth(app: Application, nearest: Person, clinic: Person): Application {
  let endorsed = app;
  for (const [step, leader] of [
    ['endorse-nearest-leader', nearest],
    ['endorse-clinic-leader', clinic],
  ] as const) {
    endorsed = approved(asked(endorsed, step, leader), step, leader);
  }
  return endorsed;
}
