import type { Call, Citation } from './call.ts';
import { requireCategory, requireRule, ruleReason } from './call-lookup.ts';
import type { OptionData, QuestionData, Text } from './call-schema.ts';
import { chosenOptions, resolveLimit, walkQuestions } from './conditions.ts';
import { MidlerError } from './errors.ts';
import { INTERNAL_DEADLINE_ID, milestoneInstant, trustInternalDeadline } from './timeline.ts';

/** A date answer is `YYYY-MM-DD`; numbers and percents are numbers; multi is an array of option ids. */
export type Answer = string | number | string[];
export type Answers = Record<string, Answer>;

export interface EligibilityInput {
  /** Chosen category id; asked first when the call has more than one. */
  category?: string;
  answers: Answers;
}

export interface Reason {
  ruleId: string;
  questionId?: string;
  /** The rule in plain words. */
  text: Text;
  cite: Citation;
}

export interface Todo {
  ruleId: string;
  questionId: string;
  text: Text;
  /** The instant it must be done by, and the milestone (or trust internal deadline) that sets it. */
  dueAt: Date | null;
  dueMilestone: string | null;
  cite: Citation;
}

export type Verdict = 'eligible' | 'eligible-with-todos' | 'not-eligible' | 'incomplete';

export interface EligibilityResult {
  verdict: Verdict;
  /** Why not eligible (empty otherwise). */
  reasons: Reason[];
  todos: Todo[];
  /** Relevant questions still unanswered, in order. `category` first while no category is chosen. */
  remaining: string[];
  /** What would change a "no" (from the rules' `whatWouldHelp`). */
  alternatives: Text[];
}

/** The pseudo question id `remaining` starts with while a call with several categories has none chosen. */
export const CATEGORY_QUESTION = 'category';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Questions that apply given the category and earlier answers, in the call's order. */
export function applicableQuestions(call: Call, input: EligibilityInput): QuestionData[] {
  return walkQuestions(call, chosenCategory(call, input, true), input.answers, isValid);
}

/** The next unanswered (or not validly answered) applicable question, or undefined when all are answered. */
export function nextQuestion(call: Call, input: EligibilityInput): QuestionData | undefined {
  return applicableQuestions(call, input).find((q) => !isValid(q, input.answers[q.id]));
}

/** Checks one answer for shape (option exists, number in range of the kind); null when valid. */
export function validateAnswer(question: QuestionData, answer: unknown): string | null {
  const optionIds = (question.options ?? []).map((o) => o.id);
  switch (question.kind) {
    case 'yes-no':
    case 'single':
      return typeof answer === 'string' && optionIds.includes(answer)
        ? null
        : `choose one of: ${optionIds.join(', ')}`;
    case 'multi': {
      if (!Array.isArray(answer) || answer.length === 0)
        return `choose at least one of: ${optionIds.join(', ')}`;
      if (answer.some((a) => typeof a !== 'string' || !optionIds.includes(a))) {
        return `choose only from: ${optionIds.join(', ')}`;
      }
      return new Set(answer).size === answer.length ? null : 'an option is chosen twice';
    }
    case 'number':
      // Every number a call asks for is a count or an amount: never negative.
      return typeof answer === 'number' && Number.isFinite(answer) && answer >= 0
        ? null
        : 'expected a number, 0 or more';
    case 'percent':
      return typeof answer === 'number' && Number.isFinite(answer) && answer >= 0 && answer <= 100
        ? null
        : 'expected a percent from 0 to 100';
    case 'date':
      return typeof answer === 'string' && isRealDate(answer) ? null : 'expected a date as YYYY-MM-DD';
  }
}

/**
 * The outcome of a single answer, so a dialog can explain a "no" immediately: a Reason when it
 * disqualifies, a Todo when something must still happen, null when fine (or not answered / not
 * applicable). An answer of the wrong shape is MidlerError('input.invalid'). `trustId` defaults to
 * the trust chosen among the answers, so a to-do gets the trust's internal deadline.
 */
export function judgeAnswer(
  call: Call,
  input: EligibilityInput,
  questionId: string,
  trustId?: string,
): Reason | Todo | null {
  const question = call.questions.find((q) => q.id === questionId);
  if (!question) {
    throw new MidlerError('input.invalid', `call ${call.id} has no question "${questionId}"`, {
      details: { callId: call.id, questionId },
    });
  }
  const answer = input.answers[questionId];
  if (answer === undefined) return null;
  const problem = validateAnswer(question, answer);
  if (problem !== null) {
    throw new MidlerError('input.invalid', `answer to ${questionId}: ${problem}`, {
      details: { questionId, problem },
    });
  }
  const category = chosenCategory(call, input, false);
  if (!walkQuestions(call, category, input.answers, isValid).includes(question)) return null;
  const outcomes = judge(call, category, question, answer, trustId ?? trustFromAnswers(call, input.answers));
  return outcomes.reason ?? outcomes.todos[0] ?? null;
}

/**
 * The verdict for everything answered so far. A disqualification wins over unanswered questions: a
 * "no" is worth telling at once. `trustId` selects a trust's internal deadline for to-dos.
 */
export function evaluateEligibility(
  call: Call,
  input: EligibilityInput,
  trustId?: string,
): EligibilityResult {
  const category = chosenCategory(call, input, false);
  const trust = trustId ?? trustFromAnswers(call, input.answers);
  const reasons: Reason[] = [];
  const todos: Todo[] = [];
  const remaining: string[] = category === undefined ? [CATEGORY_QUESTION] : [];
  for (const q of walkQuestions(call, category, input.answers, isValid)) {
    const answer = input.answers[q.id];
    if (answer === undefined || !isValid(q, answer)) {
      remaining.push(q.id);
      continue;
    }
    const outcome = judge(call, category, q, answer, trust);
    if (outcome.reason) reasons.push(outcome.reason);
    todos.push(...outcome.todos);
  }
  const verdict: Verdict =
    reasons.length > 0
      ? 'not-eligible'
      : remaining.length > 0
        ? 'incomplete'
        : todos.length > 0
          ? 'eligible-with-todos'
          : 'eligible';
  return { verdict, reasons, todos, remaining, alternatives: alternativesFor(call, reasons) };
}

/** What would change the outcome, once per rule, in the order the reasons came. */
export function alternativesFor(call: Call, reasons: readonly Reason[]): Text[] {
  const seen = new Set<string>();
  const out: Text[] = [];
  for (const r of reasons) {
    if (seen.has(r.ruleId)) continue;
    seen.add(r.ruleId);
    const help = requireRule(call, r.ruleId).whatWouldHelp;
    if (help) out.push(help);
  }
  return out;
}

/**
 * The category the questions are for: the given one (an unknown one is an error), or the only one.
 * With several categories and none chosen, `required` makes that an error; otherwise undefined.
 */
function chosenCategory(call: Call, input: EligibilityInput, required: boolean): string | undefined {
  if (input.category !== undefined) return requireCategory(call, input.category).id;
  if (call.categories.length === 1) return call.categories[0]?.id;
  if (!required) return undefined;
  const known = call.categories.map((c) => c.id);
  throw new MidlerError('input.invalid', `choose a category first (${known.join(', ')})`, {
    details: { callId: call.id, missing: CATEGORY_QUESTION, known },
  });
}

function isValid(q: QuestionData, answer: unknown): boolean {
  return answer !== undefined && validateAnswer(q, answer) === null;
}

/** The trust chosen in the answers: a choice whose value is one of the call's trust ids. */
function trustFromAnswers(call: Call, answers: Answers): string | undefined {
  const ids = new Set(call.trusts.map((t) => t.id));
  for (const q of call.questions) {
    const a = answers[q.id];
    if (q.kind === 'single' && typeof a === 'string' && ids.has(a)) return a;
  }
  return undefined;
}

interface Judged {
  reason?: Reason;
  todos: Todo[];
}

function judge(
  call: Call,
  category: string | undefined,
  q: QuestionData,
  answer: Answer,
  trustId?: string,
): Judged {
  const no: Judged = { reason: ruleReason(call, q.rule, q.id), todos: [] };
  switch (q.kind) {
    case 'yes-no':
    case 'single':
    case 'multi': {
      const chosen = (q.options ?? []).filter((o) => chosenOptions(answer).includes(o.id));
      if (chosen.some((o) => o.outcome === 'disqualify')) return no;
      const todos = chosen.filter((o) => o.outcome === 'todo').map((o) => todoFor(call, q, o, trustId));
      return { todos };
    }
    case 'number':
    case 'percent': {
      const value = answer as number;
      const min = resolveLimit(q.min, category);
      const max = resolveLimit(q.max, category);
      return (min !== undefined && value < min) || (max !== undefined && value > max) ? no : { todos: [] };
    }
    case 'date': {
      const milestone =
        q.notAfter === undefined ? undefined : call.milestones.find((m) => m.id === q.notAfter);
      // Compare calendar dates: finishing on the milestone's own day is in time.
      const last = milestone?.at?.slice(0, 10);
      if (last !== undefined && (answer as string) > last) return no;
      const first = q.notBefore?.date.slice(0, 10);
      if (q.notBefore && first !== undefined && (answer as string) < first)
        return { reason: ruleReason(call, q.notBefore.rule, q.id), todos: [] };
      return { todos: [] };
    }
  }
}

function todoFor(call: Call, q: QuestionData, option: OptionData, trustId?: string): Todo {
  const internal = option.dueByTrustInternal ? trustInternalDeadline(call, trustId) : null;
  const due = internal
    ? { dueAt: internal, dueMilestone: INTERNAL_DEADLINE_ID }
    : option.dueBy !== undefined
      ? { dueAt: milestoneInstant(call, option.dueBy), dueMilestone: option.dueBy }
      : { dueAt: null, dueMilestone: null };
  const rule = requireRule(call, q.rule);
  return {
    ruleId: q.rule,
    questionId: q.id,
    // The schema guarantees todo text on a todo option; the rule text is a safe fallback.
    text: option.todo ?? rule.text,
    ...due,
    cite: { callId: call.id, quote: rule.cite.quote },
  };
}

function isRealDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}
