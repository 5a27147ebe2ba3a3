import { type AmountResult, computeAmount } from './amount.ts';
import type { Application, ApplicationStep, Person } from './application.ts';
import { type Transition, transition } from './application-audit.ts';
import type { Call } from './call.ts';
import { asksOwnFinancing, hasAmountRule } from './call-lookup.ts';
import type { Nok } from './money.ts';
import { isLate, isPrioritised, refuse, requireApplicant, requireStatus } from './steps.ts';

export interface ApplicationEdit {
  title: string;
  /** The amount asked for from the call; may be left out where the call sets no amount rule. */
  requested?: Nok;
  /** The project's own financing; only where the call requires a share of it. */
  own?: Nok;
  by: Person;
}

export const TITLE_LENGTH = { min: 3, max: 200 } as const;

/**
 * Endorsements given or pending were for the application as it was: after a change to what the
 * leaders saw (title, figures, the check's answers) they go back to "not started". The round is kept,
 * so old cards are stale and the next request is a new round.
 */
export function askEndorsementsAgain(app: Application, call: Call, now: Date): Application {
  const at = now.toISOString();
  const resetKinds = new Set(call.steps.filter((s) => GIVEN_FOR_THE_OLD_TEXT.has(s.kind)).map((s) => s.id));
  const steps = app.steps.map((s): ApplicationStep => {
    if (!resetKinds.has(s.id) || (s.state !== 'done' && s.state !== 'waiting')) return s;
    const { waitingOn, decidedBy, decidedAt, comment, question, answer, note, satisfiedBy, ...rest } = s;
    return { ...rest, state: 'not-started', since: at };
  });
  return { ...app, steps };
}

export interface RequestLimit {
  /** The most that may be asked for with this own financing (0 when nothing may). */
  max: Nok;
  /** What sets it: the category's cap, or the own-financing share of the budget it implies. */
  binding: 'cap' | 'own-financing' | 'none';
  percent: number;
}

/**
 * The largest amount to ask for when the project puts in `own` (and `other`) itself. The budget is
 * `requested + own + other` and own financing must be at least `percent` of it, so
 * `requested <= own × (100 − percent) / percent − other`; the category's cap may bind first.
 */
export function requestLimit(call: Call, categoryId: string, own: Nok, other: Nok): RequestLimit {
  const category = call.categories.find((c) => c.id === categoryId);
  const percent = category?.ownFinancingPercent ?? 0;
  const byShare =
    percent > 0 ? Math.floor((own * (100 - percent)) / percent) - other : Number.POSITIVE_INFINITY;
  const cap = category?.maxAmount ?? Number.POSITIVE_INFINITY;
  const max = Math.max(0, Math.min(cap, byShare));
  const binding = cap <= byShare ? (Number.isFinite(cap) ? 'cap' : 'none') : 'own-financing';
  return { max: Number.isFinite(max) ? max : Number.MAX_SAFE_INTEGER, binding, percent };
}

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
  if (isPrioritised(app, call)) refuse('already-prioritised', `${app.id} is prioritised by its trust`);
  if (isLate(call, now)) refuse('deadline-passed', `the deadline of ${call.id} has passed`);
  const title = input.title.trim().replace(/\s+/g, ' ');
  if (title.length < TITLE_LENGTH.min || title.length > TITLE_LENGTH.max) {
    refuse('bad-title', `a title has ${TITLE_LENGTH.min}–${TITLE_LENGTH.max} characters`, {
      length: title.length,
    });
  }
  const category = call.categories.find((c) => c.id === app.category);
  const other = app.amount?.other ?? 0;
  // Own financing is only part of the application where the call requires a share of it.
  const own = asksOwnFinancing(category) ? (input.own ?? 0) : undefined;
  const requested = input.requested;
  const limit = requestLimit(call, app.category, own ?? 0, other);
  if (requested === undefined ? hasAmountRule(category) : requested < 1 || requested > limit.max) {
    refuse('amount-not-allowed', `${String(requested)} is not an amount the call allows here`, { ...limit });
  }
  const changed =
    title !== app.title ||
    requested !== app.amount?.requested ||
    (own !== undefined && own !== app.amount?.own);
  if (!changed) refuse('nothing-changed', `${app.id} already says this`);
  const after: Application = { ...askEndorsementsAgain(app, call, now), title };
  const { requested: _r, own: _o, ...kept } = app.amount ?? {};
  if (requested !== undefined) {
    const result = computeAmount(call, {
      category: app.category,
      total: requested + (own ?? 0) + other,
      ...(own === undefined ? {} : { own }),
      other,
    });
    after.amount = {
      ...kept,
      ...pick(result),
      requested,
      ...(own === undefined ? {} : { own }),
    };
  } else if (app.amount) {
    // A figure cleared on a call without an amount rule is gone from the application.
    after.amount = kept as Amount;
  }
  return transition(app, after, input.by, 'application.edit', now);
}

type Amount = NonNullable<Application['amount']>;

function pick(
  r: AmountResult,
): Pick<Amount, 'maxRequest' | 'requiredOwnFinancing' | 'eligibleTotal' | 'binding'> {
  return {
    maxRequest: r.maxRequest,
    requiredOwnFinancing: r.requiredOwnFinancing,
    eligibleTotal: r.eligibleTotal,
    binding: r.binding,
  };
}
