import { loadCatalog } from '../../src/calls/load.ts';
import type { Application, Person } from '../../src/domain/application.ts';
import type { Call } from '../../src/domain/call.ts';
import type { Catalog } from '../../src/domain/catalog.ts';
import { planReminders } from '../../src/domain/reminder-plan.ts';
import type { Subscription } from '../../src/store/store.ts';

/** The real call files: the plan is tested against the data the bot ships with. */
export const catalog: Catalog = loadCatalog('calls');
export const PS = 'pasientsikkerhet-2023-2024';
export const INNO = 'innovasjon-2023';

/** The reminders planned for one call at `now`, with only the subscriptions and applications a test names. */
export function planFor(
  callId: string,
  now: string | Date,
  given: { subscriptions?: Subscription[]; applications?: Application[] },
) {
  return planReminders({
    calls: [call(callId)],
    subscriptions: given.subscriptions ?? [],
    applications: given.applications ?? [],
    now: new Date(now),
  });
}

export function call(id: string): Call {
  const c = catalog.get(id);
  if (!c) throw new Error(`no call ${id}`);
  return c;
}

/** A copy of a call with some milestones moved (a corrected call file). */
export function withMilestones(id: string, at: Record<string, string>): Call {
  const c = call(id);
  return { ...c, milestones: c.milestones.map((m) => (m.id in at ? { ...m, at: at[m.id] } : m)) };
}

/** A copy of a call where a trust has an internal deadline. */
export function withInternalDeadline(id: string, trustId: string, local: string): Call {
  const c = call(id);
  return { ...c, trusts: c.trusts.map((t) => (t.id === trustId ? { ...t, internalDeadline: local } : t)) };
}

export function subscription(
  key: string,
  callIds: string[],
  extra: Partial<Subscription> = {},
): Subscription {
  return {
    conversationKey: key,
    platform: key.startsWith('teams:') ? 'teams' : 'slack',
    callIds,
    daysBefore: [14, 7, 2, 0],
    timeOfDay: '09:00',
    paused: false,
    updatedAt: '2022-09-01T08:00:00.000Z',
    updatedBy: 'U1',
    ...extra,
  };
}

export const applicant: Person & { trust: string } = {
  platform: 'slack',
  userId: 'U0ALICE',
  name: 'Alice Applicant',
  trust: 'st-olavs-hospital',
};
export const nearestLeader: Person = { platform: 'slack', userId: 'U0BOB', name: 'Bob Boss' };
export const clinicLeader: Person = { platform: 'slack', userId: 'U0CAROL', name: 'Carol Clinic' };

/** A patient-safety draft: eligibility and draft done, the nearest leader asked, the clinic leader not yet. */
export function psDraft(id: string, overrides: Partial<Application> = {}): Application {
  return {
    id,
    version: 3,
    callId: PS,
    category: 'pasientsikkerhet',
    title: 'Trygg medisinering',
    applicant,
    status: 'draft',
    answers: {},
    steps: [
      { id: 'eligibility', state: 'done' },
      { id: 'draft', state: 'done' },
      {
        id: 'endorse-nearest-leader',
        state: 'waiting',
        waitingOn: nearestLeader,
        since: '2022-10-27T08:00:00.000Z',
      },
      { id: 'endorse-clinic-leader', state: 'not-started' },
      { id: 'trust-prioritisation', state: 'not-started' },
      { id: 'submission', state: 'not-started' },
      { id: 'award', state: 'not-started' },
      { id: 'status-report', state: 'not-started' },
      { id: 'project-end', state: 'not-started' },
      { id: 'final-report', state: 'not-started' },
    ],
    createdAt: '2022-10-20T08:00:00.000Z',
    updatedAt: '2022-10-27T08:00:00.000Z',
    ...overrides,
  };
}
