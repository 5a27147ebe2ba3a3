import type { QuestionData, Text } from './call-schema.ts';
import type { Call, Citation } from './call.ts';

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
  /** Relevant questions still unanswered, in order. */
  remaining: string[];
  /** What would change a "no" (from the rules' `whatWouldHelp`). */
  alternatives: Text[];
}

/** Questions that apply given the category and earlier answers, in the call's order. */
export function applicableQuestions(_call: Call, _input: EligibilityInput): QuestionData[] {
  throw new Error('not implemented');
}

/** The next unanswered applicable question, or undefined when all are answered. */
export function nextQuestion(_call: Call, _input: EligibilityInput): QuestionData | undefined {
  throw new Error('not implemented');
}

/** Checks one answer for shape (option exists, number in range of the kind); null when valid. */
export function validateAnswer(_question: QuestionData, _answer: unknown): string | null {
  throw new Error('not implemented');
}

/** The outcome of a single answer, so a dialog can explain a "no" immediately. */
export function judgeAnswer(_call: Call, _input: EligibilityInput, _questionId: string): Reason | Todo | null {
  throw new Error('not implemented');
}

/** The verdict for everything answered so far. `trustId` selects a trust's internal deadline for to-dos. */
export function evaluateEligibility(_call: Call, _input: EligibilityInput, _trustId?: string): EligibilityResult {
  throw new Error('not implemented');
}
