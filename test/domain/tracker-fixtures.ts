import { expect } from 'vitest';
import type { Application } from '../../src/domain/application.ts';
import type { Transition } from '../../src/domain/tracker.ts';
import { type DraftInput, draftOf } from '../kit/applications.ts';
import { refusalOf } from '../support/errors.ts';
import { innovation, patientSafety } from './eligibility-support.ts';
import { applicant } from './people.ts';

/** A local Oslo time as an instant, the way a test reads best. */
export const at = (iso: string) => new Date(iso);
export const OCT_1 = at('2022-10-01T08:00:00Z');

/** A patient-safety draft from the one builder (test/kit), with both leaders' approvals still to come. */
export function patientDraft(id = 'ps-1', overrides: Partial<DraftInput> = {}): Application {
  return draftOf(
    {
      call: patientSafety,
      id,
      applicant,
      category: 'project',
      title: 'Tryggere legemiddelhåndtering',
      answers: {
        trust: 'st-olavs-hospital',
        'nearest-leader-approval': 'not-yet',
        'clinic-leader-approval': 'not-yet',
      },
      verdict: 'eligible-with-todos',
      amount: undefined,
      ...overrides,
    },
    OCT_1,
  );
}

/** An innovation draft from the same builder, its anchoring with the clinic chief still to come. */
export function innovationDraft(id = 'inn-1', category = 'product'): Application {
  return draftOf(
    {
      call: innovation,
      id,
      applicant,
      category,
      title: 'Smart seng',
      answers: { trust: 'st-olavs-hospital', 'clinic-chief-anchoring': 'not-yet' },
      verdict: 'eligible-with-todos',
      amount: undefined,
    },
    OCT_1,
  );
}

/** Applies a transition and returns the new application, checking the audit names the actor. */
export function apply(t: Transition): Application {
  expect(t.audit.at).toBe(t.app.updatedAt);
  return t.app;
}

/** Runs `fn` and returns the refusal reason; fails when it does not refuse with transition.invalid. */
export function reasonOf(fn: () => unknown): string {
  const refusal = refusalOf('transition.invalid', fn, 'expected a refusal, but the transition went through');
  return String(refusal.details?.reason);
}

export function stateOf(app: Application, stepId: string): string | undefined {
  return app.steps.find((s) => s.id === stepId)?.state;
}
