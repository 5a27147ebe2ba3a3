import type { Subscription, UserProfile } from '../store/store.ts';
import type { Application, Platform } from './application.ts';
import type { Call, Locale } from './call.ts';
import type { MilestoneKind, Text } from './call-schema.ts';

/** What a reminder is for; also the first part of its id. */
export type ReminderKind =
  | 'channel-milestone'
  | 'applicant-nudge'
  | 'leader-nudge'
  | 'report-reminder'
  | 'call-announcement';

/** Where a reminder goes: a stored conversation (a channel), or a person's personal chat. */
export type ReminderTarget =
  | { kind: 'conversation'; platform: Platform; key: string }
  | { kind: 'user'; platform: Platform; userId: string };

/** A button on the reminder: an action id the conversation engine routes, and its data. */
export interface ReminderButton {
  action: string;
  data?: Record<string, unknown>;
}

/** One open step a nudge is about. */
export interface NudgeStep {
  id: string;
  label: Text;
  /** Who it waits on, by name, when a leader must act. */
  waitingOn?: string;
  /** ISO instant the step began waiting. */
  since?: string;
  /**
   * The person it waits on was typed by name (no chat user): the bot cannot nudge them, so the
   * applicant is told they have not endorsed yet and must chase them.
   */
  unreachable?: boolean;
}

/**
 * Everything needed to render a reminder later, with no catalog look-up of the call: plain JSON so it
 * sits in the Store's queue as is. "In N days" is left out on purpose: it is computed at send time.
 */
export interface ReminderPayload {
  [field: string]: unknown;
  kind: ReminderKind;
  target: ReminderTarget;
  callId: string;
  callTitle: Text;
  /** The milestone id, or `internal-deadline` for a trust's own deadline. */
  milestone: string;
  milestoneKind: MilestoneKind;
  /** What is due. */
  label: Text;
  /** The milestone's own note from the call file, when it has one (shown instead of a generic line). */
  note?: Text;
  /** What the call text says that bears on it (how to report; the trust's internal deadline), quoted. */
  says?: { text: Text; quote: string }[];
  /** ISO instant the milestone ends. */
  at: string;
  /** Reminders of one group supersede each other: after downtime only the latest due one is sent. */
  group: string;
  locale?: Locale;
  trustName?: string;
  applicationId?: string;
  applicationTitle?: string;
  /** Leader nudges: the applicant's name. */
  applicantName?: string;
  /** Nudges: the open steps. */
  steps?: NudgeStep[];
  /** Leader nudges: why now. */
  reason?: 'waited' | 'deadline-near';
  buttons: ReminderButton[];
  /** Announcements: what changed from the series' last call (`calls diff`). */
  changes?: Text[];
}

export interface PlannedReminder {
  /** Deterministic: the same inputs always give the same id (reconciliation relies on it). */
  id: string;
  kind: ReminderKind;
  dueAt: Date;
  /** The milestone instant: a reminder not sent by then is dropped. */
  expiresAt: Date;
  target: ReminderTarget;
  milestone: string;
  payload: ReminderPayload;
}

export const DEFAULT_DAYS_BEFORE: readonly number[] = [14, 7, 2, 0];
export const DEFAULT_TIME_OF_DAY = '09:00';
/** Days before a step's deadline an applicant is nudged (at most one nudge per application and day). */
export const NUDGE_DAYS_BEFORE: readonly number[] = [7, 3, 1, 0];
/** Issue 7: a leader is nudged after two working days of waiting, and two working days before a deadline. */
export const LEADER_WAIT_WORKING_DAYS = 2;
export const LEADER_DEADLINE_WORKING_DAYS = 2;

const USER_PREFIX = 'user:';

/** The Store queue's `targetKey`: the conversation key itself, or `user:<platform>:<userId>`. */
export function targetKeyOf(target: ReminderTarget): string {
  return target.kind === 'conversation' ? target.key : `${USER_PREFIX}${target.platform}:${target.userId}`;
}

const PLATFORMS: readonly Platform[] = ['teams', 'slack', 'console'];

/** Reads a `targetKey` back; null when it is not one this module wrote. */
export function parseTargetKey(key: string): ReminderTarget | null {
  const isUser = key.startsWith(USER_PREFIX);
  const rest = isUser ? key.slice(USER_PREFIX.length) : key;
  const colon = rest.indexOf(':');
  const platform = PLATFORMS.find((p) => p === rest.slice(0, colon));
  if (colon <= 0 || platform === undefined || colon === rest.length - 1) return null;
  return isUser
    ? { kind: 'user', platform, userId: rest.slice(colon + 1) }
    : { kind: 'conversation', platform, key };
}

/** Id prefixes by kind: the planner owns every queued id that starts with one of these. */
export const ID_PREFIX: Record<ReminderKind, string> = {
  'channel-milestone': 'ch/',
  'applicant-nudge': 'ap/',
  'leader-nudge': 'ld/',
  'report-reminder': 'rp/',
  'call-announcement': 'an/',
};

/**
 * The planner owns every queued id of the planned kinds. Announcements are queued once, when a call
 * is loaded (src/scheduler/call-announcer.ts), and are no plan's to remove.
 */
export function isPlannerId(id: string): boolean {
  return Object.entries(ID_PREFIX).some(([kind, p]) => kind !== 'call-announcement' && id.startsWith(p));
}

/** What a plan is made from. */
export interface PlanInput {
  calls: readonly Call[];
  subscriptions: readonly Subscription[];
  applications: readonly Application[];
  now: Date;
  /** Profiles by `${platform}:${userId}`: the nudges flag and locale. Absent means nudges on, bokmål. */
  profiles?: ReadonlyMap<string, Pick<UserProfile, 'nudges' | 'locale'>>;
}
