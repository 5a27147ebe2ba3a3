import type { QueuedReminder, Subscription } from '../store/store.ts';
import type { Application } from './application.ts';
import type { Call } from './call.ts';
import { noteSays } from './call-lookup.ts';
import type { MilestoneKind } from './call-schema.ts';
import { remindableMilestones, reminder, scheduleFor } from './reminder-milestones.ts';
import { planNudges } from './reminder-nudges.ts';
import {
  DEFAULT_DAYS_BEFORE,
  DEFAULT_TIME_OF_DAY,
  ID_PREFIX,
  type PlanInput,
  type PlannedReminder,
  type ReminderButton,
  type ReminderTarget,
  targetKeyOf,
} from './reminder-types.ts';

/**
 * Reminder planning is a pure function of calls, subscriptions, applications and the clock
 * (DESIGN §4). The queue in the Store is reconciled against its result; ids are deterministic so a
 * re-plan finds what is already queued, and they contain the local due time so a moved date or a
 * changed schedule is a new id (the old one is removed) rather than a silent in-place edit.
 */

/** The dated milestones a channel is reminded of. */
const CHANNEL_KINDS: ReadonlySet<MilestoneKind> = new Set([
  'deadline',
  'award',
  'status-report',
  'final-report',
  'project-end',
]);
/** The dates an awarded project leader is reminded of. */
const REPORT_KINDS: ReadonlySet<MilestoneKind> = new Set(['status-report', 'final-report']);

/** Every reminder that should be queued at `now`. */
export function planReminders(input: PlanInput): PlannedReminder[] {
  const byId = new Map(input.calls.map((c) => [c.id, c]));
  const all = [
    ...input.subscriptions.flatMap((s) => (s.paused ? [] : channelReminders(s, byId))),
    ...input.applications.flatMap((a) => {
      const call = byId.get(a.callId);
      return call ? reportReminders(a, call, input.profiles) : [];
    }),
    ...planNudges(input, byId),
  ];
  return keepRelevant(all, input.now);
}

function channelReminders(sub: Subscription, calls: ReadonlyMap<string, Call>): PlannedReminder[] {
  const target: ReminderTarget = { kind: 'conversation', platform: sub.platform, key: sub.conversationKey };
  const days = sub.daysBefore.length > 0 ? sub.daysBefore : DEFAULT_DAYS_BEFORE;
  const time = sub.timeOfDay || DEFAULT_TIME_OF_DAY;
  return sub.callIds.flatMap((callId) => {
    const call = calls.get(callId);
    if (!call) return [];
    return remindableMilestones(call, CHANNEL_KINDS, sub.trust).flatMap((m) =>
      scheduleFor(m, days, time).map((dueAt) =>
        reminder('channel-milestone', target, call, m, dueAt, [sub.conversationKey, call.id, m.id], {
          buttons: channelButtons(call.id, m.kind),
          ...(sub.locale === undefined ? {} : { locale: sub.locale }),
          ...(m.trustName === undefined ? {} : { trustName: m.trustName }),
        }),
      ),
    );
  });
}

/** After an award the project leader (the applicant) is reminded of the reports on their dates. */
function reportReminders(app: Application, call: Call, profiles: PlanInput['profiles']): PlannedReminder[] {
  if (app.status !== 'awarded') return [];
  const profile = profiles?.get(`${app.applicant.platform}:${app.applicant.userId}`);
  if (profile?.nudges === false) return [];
  const target: ReminderTarget = {
    kind: 'user',
    platform: app.applicant.platform,
    userId: app.applicant.userId,
  };
  const done = new Set(
    app.steps.filter((s) => s.state === 'done' || s.state === 'not-needed').map((s) => s.id),
  );
  const reporting = noteSays(call, 'reporting');
  return remindableMilestones(call, REPORT_KINDS).flatMap((m) => {
    const step = call.steps.find((s) => s.due === m.id);
    if (step && done.has(step.id)) return [];
    return scheduleFor(m, DEFAULT_DAYS_BEFORE, DEFAULT_TIME_OF_DAY).map((dueAt) =>
      reminder('report-reminder', target, call, m, dueAt, [app.id, m.id], {
        applicationId: app.id,
        applicationTitle: app.title,
        ...(reporting ? { says: [reporting] } : {}),
        ...(profile?.locale === undefined ? {} : { locale: profile.locale }),
        buttons: [{ action: 'status.start', data: { applicationId: app.id } }],
      }),
    );
  });
}

function channelButtons(callId: string, kind: MilestoneKind): ReminderButton[] {
  const status: ReminderButton = { action: 'status.start' };
  if (kind !== 'deadline') return [status];
  return [
    { action: 'eligibility.start', data: { callId } },
    { action: 'application.start', data: { callId } },
    status,
  ];
}

/**
 * Drops what no longer matters at `now`: reminders whose milestone has passed, and, within a group,
 * every past-due reminder but the latest (after downtime, or on a fresh subscription, one catch-up
 * message instead of a burst of stale "14 days left", "7 days left").
 */
export function keepRelevant(planned: readonly PlannedReminder[], now: Date): PlannedReminder[] {
  const t = now.getTime();
  const live = planned.filter((r) => r.expiresAt.getTime() > t);
  const latestPastDue = new Map<string, number>();
  for (const r of live) {
    const due = r.dueAt.getTime();
    if (due <= t) latestPastDue.set(r.payload.group, Math.max(latestPastDue.get(r.payload.group) ?? 0, due));
  }
  const byId = new Map<string, PlannedReminder>();
  for (const r of live) {
    const due = r.dueAt.getTime();
    if ((due > t || due === latestPastDue.get(r.payload.group)) && !byId.has(r.id)) byId.set(r.id, r);
  }
  return [...byId.values()].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
}

/** What to add to and remove from the queue so it holds exactly the plan. Only planner ids are touched. */
export function reconcile(
  plannedIds: Iterable<string>,
  queuedIds: Iterable<string>,
  owns: (id: string) => boolean = () => true,
): { add: string[]; remove: string[] } {
  const planned = new Set(plannedIds);
  const queued = new Set(queuedIds);
  return {
    add: [...planned].filter((id) => !queued.has(id)),
    remove: [...queued].filter((id) => owns(id) && !planned.has(id)),
  };
}

/** The Store queue's form of a planned reminder. */
export function toQueued(r: PlannedReminder): QueuedReminder {
  return {
    id: r.id,
    dueAt: r.dueAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    targetKey: targetKeyOf(r.target),
    payload: r.payload,
  };
}

/** Id prefix of every channel reminder of one conversation. */
export function channelIdPrefix(conversationKey: string): string {
  return `${ID_PREFIX['channel-milestone']}${conversationKey}/`;
}
