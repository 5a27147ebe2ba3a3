import type { Application, ApplicationStep, Person } from './application.ts';
import { type Transition, transition } from './application-audit.ts';
import type { Call } from './call.ts';
import { appStep, refuse, requireDone, stepOfKind, withStep } from './steps.ts';

/**
 * The trust's prioritisation (patient-safety funds): the quality chief (or medical director) puts the
 * trust's endorsed applications in order. Who may do it is configuration (per trust, with a deputy), so
 * the caller checks `by` against it; this checks the applications.
 */

/**
 * Ranks `ordered` (first = rank 1) for one trust of one call. Every application needs the endorsements
 * its prioritisation step requires. Returns one transition per application, in the same order; a
 * changed order after confirming is a new transition with the old and new rank in its audit.
 */
export function prioritise(
  ordered: readonly Application[],
  call: Call,
  input: { by: Person; comment?: string },
  now: Date,
): Transition[] {
  const first = ordered[0];
  if (!first) refuse('empty-order', 'nothing to prioritise');
  const ids = new Set<string>();
  for (const app of ordered) {
    if (app.callId !== call.id)
      refuse('mixed-calls', `${app.id} belongs to ${app.callId}`, { application: app.id });
    if (app.applicant.trust !== first.applicant.trust) {
      refuse('mixed-trusts', `${app.id} belongs to another trust`, {
        application: app.id,
        trust: app.applicant.trust,
      });
    }
    if (ids.has(app.id))
      refuse('duplicate-application', `${app.id} is listed twice`, { application: app.id });
    ids.add(app.id);
    if (app.status !== 'draft' && app.status !== 'submitted') {
      refuse('not-open', `${app.id} is ${app.status}`, { application: app.id, status: app.status });
    }
    const data = stepOfKind(app, call, 'prioritisation');
    if (!data) refuse('unknown-step', `${app.id} has no prioritisation step`, { application: app.id });
    requireDone(app, call, data.id);
  }
  return ordered.map((app, index) => {
    const data = stepOfKind(app, call, 'prioritisation');
    const step = appStep(app, data?.id ?? '');
    const at = now.toISOString();
    const { waitingOn, ...rest } = step;
    const next: ApplicationStep = { ...rest, state: 'done', since: at, decidedBy: input.by, decidedAt: at };
    const action = app.priorityRank === undefined ? 'prioritisation.confirm' : 'prioritisation.change';
    const after: Application = { ...withStep(app, next), priorityRank: index + 1 };
    return transition(app, after, input.by, action, now, input.comment);
  });
}
