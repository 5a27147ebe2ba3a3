import { computeAmount } from './amount.ts';
import type { Application, ApplicationStep, Person } from './application.ts';
import { type Transition, transition } from './application-audit.ts';
import type { Call } from './call.ts';
import type { Nok } from './money.ts';
import { callDeadline, refuse, requireApplicant, requireStatus } from './steps.ts';
import { hasPassed } from './timeline.ts';

export interface ApplicationEdit {
  title: string;
  /** The amount asked for from the call. */
  requested: Nok;
  /** The project's own financing. */
  own: Nok;
  by: Person;
}

export const TITLE_LENGTH = { min: 3, max: 200 } as const;

/** Steps whose outcome was given for the application as it was: they must be given again. */
const GIVEN_FOR_THE_OLD_TEXT = new Set(['endorsement']);

/**
 * The applicant edits a draft: title, amount asked for and own financing. The amount must be one the
 * call allows for that budget (cap, own-financing share), computed by the amount engine with the
 * budget `requested + own + other`. An endorsement given or pending was for the application as it
 * was, so a change of title or amount sends those steps back to "not started" (the leaders are asked
 * again). Once the trust has prioritised the application it can no longer be edited here.
 */
export function editApplication(app: Application, call: Call, input: ApplicationEdit, now: Date): Transition {
  requireApplicant(app, input.by);
  requireStatus(app, 'draft', 'not-draft');
  const prioritised = call.steps.some(
    (s) => s.kind === 'prioritisation' && app.steps.find((a) => a.id === s.id)?.state === 'done',
  );
  if (prioritised) refuse('already-prioritised', `${app.id} is prioritised by its trust`);
  const deadline = callDeadline(call);
  if (deadline && hasPassed(deadline, now))
    refuse('deadline-passed', `the deadline of ${call.id} has passed`, { deadline: deadline.toISOString() });
  const title = input.title.trim().replace(/\s+/g, ' ');
  if (title.length < TITLE_LENGTH.min || title.length > TITLE_LENGTH.max) {
    refuse('bad-title', `a title has ${TITLE_LENGTH.min}–${TITLE_LENGTH.max} characters`, {
      length: title.length,
    });
  }
  const other = app.amount?.other ?? 0;
  const result = computeAmount(call, {
    category: app.category,
    total: input.requested + input.own + other,
    own: input.own,
    other,
  });
  if (input.requested < 1 || input.requested > result.maxRequest) {
    refuse('amount-not-allowed', `${input.requested} is more than the call allows here`, {
      max: result.maxRequest,
      requiredOwnFinancing: result.requiredOwnFinancing,
      binding: result.binding,
    });
  }
  const changed =
    title !== app.title || input.requested !== app.amount?.requested || input.own !== app.amount?.own;
  if (!changed) refuse('nothing-changed', `${app.id} already says this`);
  const at = now.toISOString();
  const resetKinds = new Set(call.steps.filter((s) => GIVEN_FOR_THE_OLD_TEXT.has(s.kind)).map((s) => s.id));
  const steps = app.steps.map((s): ApplicationStep => {
    if (!resetKinds.has(s.id) || (s.state !== 'done' && s.state !== 'waiting')) return s;
    const { waitingOn, decidedBy, decidedAt, comment, question, answer, note, satisfiedBy, ...rest } = s;
    return { ...rest, state: 'not-started', since: at };
  });
  const after: Application = {
    ...app,
    title,
    steps,
    amount: {
      maxRequest: result.maxRequest,
      requiredOwnFinancing: result.requiredOwnFinancing,
      eligibleTotal: result.eligibleTotal,
      binding: result.binding,
      requested: input.requested,
      own: input.own,
      ...(app.amount?.other === undefined ? {} : { other: app.amount.other }),
    },
  };
  return transition(app, after, input.by, 'application.edit', now);
}
