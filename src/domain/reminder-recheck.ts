import type { UserProfile } from '../store/store.ts';
import type { Application, ApplicationStatus } from './application.ts';
import type { Call } from './call.ts';
import { isSubmitted } from './reminder-nudges.ts';
import { planReminders } from './reminder-plan.ts';
import type { ReminderKind, ReminderPayload, ReminderTarget } from './reminder-types.ts';

/**
 * A personal reminder (applicant nudge, leader nudge, report reminder) is planned from a snapshot of
 * the application, and the periodic planner re-plans only every few minutes. In between a leader may
 * approve or be replaced, an applicant may submit or withdraw, someone may turn nudges off. So the
 * delivery loop asks here, with the application and the recipient's profile as they are now, whether
 * the queued reminder is still due: the same pure planning that made it must still make it, for the
 * same person. If so it is sent with the payload of that fresh plan (current steps, names, language).
 */

/** The kinds that go to a person about one application, and are re-checked before they are sent. */
const PERSONAL: ReadonlySet<ReminderKind> = new Set(['applicant-nudge', 'leader-nudge', 'report-reminder']);

/** Why a personal reminder is no longer due (logged when it is dropped). */
export type MootReason =
  /** The application is gone (deleted with "slett mine data") or the reminder names none. */
  | 'application-gone'
  /** Its status makes the reminder moot: submitted, withdrawn, not awarded, closed … */
  | 'application-not-open'
  /** The recipient turned personal nudges off. */
  | 'nudges-off'
  /** The step is no longer open: approved, declined, done, or the request was withdrawn. */
  | 'step-settled'
  /** The step now waits on someone else (the leader was replaced). */
  | 'recipient-changed'
  /** The plan no longer holds it: a date moved, the request was sent again, a later one replaces it. */
  | 'not-planned';

export type PersonalCheck =
  | { due: true; payload: ReminderPayload }
  | { due: false; reason: MootReason; status?: ApplicationStatus };

export type UserTarget = Extract<ReminderTarget, { kind: 'user' }>;

/** A queued reminder as the loop reads it back. */
export interface QueuedPersonal {
  id: string;
  target: UserTarget;
  payload: ReminderPayload;
}

/** True for reminders re-checked before sending: personal kinds to a person's chat. */
export function isPersonalReminder(
  target: ReminderTarget | null,
  payload: Partial<ReminderPayload>,
): target is UserTarget {
  return target?.kind === 'user' && payload.kind !== undefined && PERSONAL.has(payload.kind);
}

/** The key the planner and the loop use for a person's profile. */
export function personKey(target: { platform: string; userId: string }): string {
  return `${target.platform}:${target.userId}`;
}

/**
 * Whether `item` is still due at `now`, given the application and the recipient's profile as stored
 * now (null: none). Pure: the planning of `planReminders` for this one application decides.
 */
export function recheckPersonal(
  item: QueuedPersonal,
  app: Application | null,
  call: Call,
  profile: Pick<UserProfile, 'nudges' | 'locale'> | null,
  now: Date,
): PersonalCheck {
  const target = item.target;
  if (!app || app.id !== item.payload.applicationId) {
    return { due: false, reason: 'application-gone' };
  }
  if (profile?.nudges === false) return { due: false, reason: 'nudges-off' };
  const profiles = profile ? new Map([[personKey(target), profile]]) : undefined;
  const plan = planReminders({
    calls: [call],
    subscriptions: [],
    applications: [app],
    now,
    ...(profiles ? { profiles } : {}),
  });
  const fresh = plan.find((r) => r.id === item.id);
  if (fresh && fresh.target.kind === 'user' && personKey(fresh.target) === personKey(target)) {
    return { due: true, payload: fresh.payload };
  }
  return { due: false, ...whyNot(item, app, call) };
}

/** For the log: the most telling reason a personal reminder left the plan. */
function whyNot(
  item: QueuedPersonal,
  app: Application,
  call: Call,
): { reason: MootReason; status?: ApplicationStatus } {
  const notOpen = { reason: 'application-not-open' as const, status: app.status };
  const target = personKey(item.target);
  const stepIds = (item.payload.steps ?? []).map((s) => s.id);
  const steps = app.steps.filter((s) => stepIds.includes(s.id));
  switch (item.payload.kind) {
    case 'applicant-nudge': {
      if (isSubmitted(app, call)) return notOpen;
      if (personKey(app.applicant) !== target) return { reason: 'recipient-changed' };
      const open = steps.some(
        (s) => s.state === 'not-started' || s.state === 'waiting' || s.state === 'declined',
      );
      return { reason: open ? 'not-planned' : 'step-settled' };
    }
    case 'leader-nudge': {
      if (app.status !== 'draft' && app.status !== 'submitted') return notOpen;
      const step = steps[0];
      if (step?.state !== 'waiting' || !step.waitingOn) return { reason: 'step-settled' };
      if (personKey(step.waitingOn) !== target) return { reason: 'recipient-changed' };
      return { reason: 'not-planned' };
    }
    case 'report-reminder': {
      if (app.status !== 'awarded') return notOpen;
      if (personKey(app.applicant) !== target) return { reason: 'recipient-changed' };
      const stepId = call.steps.find((s) => s.due === item.payload.milestone)?.id;
      const step = app.steps.find((s) => s.id === stepId);
      if (step && (step.state === 'done' || step.state === 'not-needed')) return { reason: 'step-settled' };
      return { reason: 'not-planned' };
    }
    default:
      return { reason: 'not-planned' };
  }
}
