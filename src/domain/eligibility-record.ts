import type { Application, ApplicationStep, Person } from './application.ts';
import { type Transition, transition } from './application-audit.ts';
import { askEndorsementsAgain } from './application-edit.ts';
import type { Call } from './call.ts';
import type { Answers, Verdict } from './eligibility.ts';
import { isLate, refuse, requireApplicant, requireStatus, stepOfKind, withStep } from './steps.ts';

const PASSED = new Set<Verdict>(['eligible', 'eligible-with-todos']);

/**
 * An eligibility check run for an existing draft: its answers and verdict replace the earlier ones, and
 * the check step is done exactly when the verdict passes. Answers that differ from the stored ones ask
 * the leaders again (`askEndorsementsAgain`), as an edit does. A failed re-check reopens the step, so the
 * steps that require it (the draft, and through it submission) wait until the applicant qualifies.
 */
export function recordEligibility(
  app: Application,
  call: Call,
  input: { category: string; answers: Answers; verdict: Verdict; by: Person },
  now: Date,
): Transition {
  requireApplicant(app, input.by);
  requireStatus(app, 'draft', 'not-draft');
  if (isLate(call, now)) refuse('deadline-passed', `the deadline of ${call.id} has passed`);
  if (input.category !== app.category) {
    refuse('category-mismatch', `the check was for ${input.category}, ${app.id} is ${app.category}`, {
      category: input.category,
    });
  }
  // Leaders endorsed the application with the answers it had; different answers ask them again.
  const changed = JSON.stringify(input.answers) !== JSON.stringify(app.answers);
  const base = changed ? askEndorsementsAgain(app, call, now) : app;
  let after: Application = { ...base, answers: input.answers, verdict: input.verdict };
  const data = stepOfKind(app, call, 'eligibility');
  const step = data ? app.steps.find((s) => s.id === data.id) : undefined;
  if (step) {
    const passed = PASSED.has(input.verdict);
    const state: ApplicationStep['state'] = passed ? 'done' : 'not-started';
    if (step.state !== state) after = withStep(after, { ...step, state, since: now.toISOString() });
  }
  return transition(app, after, input.by, 'eligibility.checked', now);
}
