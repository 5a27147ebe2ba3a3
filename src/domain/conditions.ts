import type { Call } from './call.ts';
import type { ConditionData, QuestionData } from './call-schema.ts';
import type { Answer, Answers } from './eligibility.ts';

type Limit = NonNullable<QuestionData['min']>;

/** The option ids an answer chose (none for numbers and dates). */
export function chosenOptions(answer: Answer | undefined): string[] {
  if (Array.isArray(answer)) return answer;
  return typeof answer === 'string' ? [answer] : [];
}

/**
 * The questions that apply, in the call's order. A condition on an earlier answer holds only when
 * that earlier question applies too, so a stale answer (a changed category) never opens a question.
 * `category` undefined means "not chosen yet": questions limited to categories do not apply.
 */
export function walkQuestions(
  call: Call,
  category: string | undefined,
  answers: Answers,
  isValid: (q: QuestionData, a: unknown) => boolean,
): QuestionData[] {
  const applicable: QuestionData[] = [];
  for (const q of call.questions) {
    if (holds(q.when, category, answers, applicable, isValid)) applicable.push(q);
  }
  return applicable;
}

function holds(
  when: ConditionData | undefined,
  category: string | undefined,
  answers: Answers,
  earlier: readonly QuestionData[],
  isValid: (q: QuestionData, a: unknown) => boolean,
): boolean {
  if (!when) return true;
  if (when.categories && (category === undefined || !when.categories.includes(category))) return false;
  for (const [questionId, optionIds] of Object.entries(when.answers ?? {})) {
    const q = earlier.find((x) => x.id === questionId);
    const answer = answers[questionId];
    if (!q || answer === undefined || !isValid(q, answer)) return false;
    if (!chosenOptions(answer).some((id) => optionIds.includes(id))) return false;
  }
  return true;
}

/** A fixed limit, or the category's entry (no entry, or no category: no limit). */
export function resolveLimit(limit: Limit | undefined, category: string | undefined): number | undefined {
  if (limit === undefined || typeof limit === 'number') return limit;
  return category === undefined ? undefined : limit.byCategory[category];
}
