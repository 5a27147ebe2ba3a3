import type { Application, AuditEntry, Person } from '../../src/domain/application.ts';

/** Builders for the contract suite: plain data, as the domain would hand it to the store. */

export const alice: Person = { platform: 'teams', userId: 'aad-alice', name: 'Alice Applicant' };
export const bob: Person = { platform: 'slack', userId: 'U0BOB', name: 'Bob Boss' };
export const carol: Person = { platform: 'teams', userId: 'aad-carol', name: 'Carol Clinic' };

export function makeApp(id: string, overrides: Partial<Application> = {}): Application {
  return {
    id,
    version: 1,
    callId: 'pasientsikkerhet-2023',
    category: 'patient-safety',
    title: `Application ${id}`,
    applicant: { ...alice, trust: 'st-olavs' },
    status: 'draft',
    answers: {},
    steps: [
      { id: 'leader-endorsement', state: 'not-started' },
      { id: 'submit', state: 'not-started', dueAt: '2022-11-04T22:59:59.000Z' },
    ],
    createdAt: '2022-09-01T08:00:00.000Z',
    updatedAt: '2022-09-01T08:00:00.000Z',
    ...overrides,
  };
}

/** The application with its first step waiting on `person`. */
export function waitingOnPerson(app: Application, person: Person): Application {
  return {
    ...app,
    steps: app.steps.map((s, i) => (i === 0 ? { ...s, state: 'waiting', waitingOn: person } : s)),
  };
}

export function entry(actor: Person, action: string, extra: Partial<AuditEntry> = {}): AuditEntry {
  return { at: '2022-09-01T08:00:00.000Z', actor, platform: actor.platform, action, ...extra };
}
