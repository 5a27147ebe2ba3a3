import { join } from 'node:path';
import { expect } from 'vitest';
import { loadCallFile } from '../../src/calls/load.ts';
import type { Application, Person } from '../../src/domain/application.ts';
import type { Call } from '../../src/domain/call.ts';
import { isMidlerError } from '../../src/domain/errors.ts';
import type { Transition } from '../../src/domain/tracker.ts';
import { newApplication } from '../../src/domain/tracker.ts';

const calls = join(import.meta.dirname, '../../calls');
export const innovation: Call = loadCallFile(join(calls, 'innovasjon-2023.yaml'));
export const patientSafety: Call = loadCallFile(join(calls, 'pasientsikkerhet-2023-2024.yaml'));

export const applicant: Person & { trust: string } = {
  platform: 'teams',
  userId: 'aad-kari',
  name: 'Kari Nordmann',
  trust: 'st-olavs-hospital',
};
export const nearestLeader: Person = { platform: 'teams', userId: 'aad-nils', name: 'Nils Leder' };
export const clinicLeader: Person = { platform: 'teams', userId: 'aad-klara', name: 'Klara Klinikk' };
export const clinicChief: Person = { platform: 'slack', userId: 'U0CHIEF', name: 'Sjur Sjef' };
export const qualityChief: Person = { platform: 'teams', userId: 'aad-kvalitet', name: 'Kvalitetssjef' };
export const stranger: Person = { platform: 'teams', userId: 'aad-other', name: 'Ola Annen' };
export const region: Person = { platform: 'console', userId: 'rhf-admin', name: 'HMN RHF' };

/** A local Oslo time as an instant, the way a test reads best. */
export const at = (iso: string) => new Date(iso);
export const OCT_1 = at('2022-10-01T08:00:00Z');

export function patientDraft(
  id = 'ps-1',
  overrides: Partial<Parameters<typeof newApplication>[1]> = {},
): Application {
  return newApplication(
    patientSafety,
    {
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
      ...overrides,
    },
    OCT_1,
  );
}

export function innovationDraft(id = 'inn-1', category = 'product'): Application {
  return newApplication(
    innovation,
    {
      id,
      applicant,
      category,
      title: 'Smart seng',
      answers: { trust: 'st-olavs-hospital', 'clinic-chief-anchoring': 'not-yet' },
      verdict: 'eligible-with-todos',
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
  try {
    fn();
  } catch (e) {
    if (isMidlerError(e, 'transition.invalid')) return String(e.details?.reason);
    throw e;
  }
  throw new Error('expected a refusal, but the transition went through');
}

export function stateOf(app: Application, stepId: string): string | undefined {
  return app.steps.find((s) => s.id === stepId)?.state;
}
