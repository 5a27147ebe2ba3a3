import type { MilestoneKind, Text } from './call-schema.ts';
import type { Call } from './call.ts';

export interface TimelineEntry {
  id: string;
  kind: MilestoneKind;
  label: Text;
  /** The instant (UTC) the milestone ends; null for undated milestones ("after completion"). */
  at: Date | null;
  /** Local wall-clock text, e.g. "2022-10-20 15:00" (Europe/Oslo). */
  local: string | null;
  passed: boolean;
  /** Whole calendar days from `now` to `at` in Europe/Oslo (0 = today); null when undated. */
  daysLeft: number | null;
  /** Present for undated milestones. */
  after?: string;
  note?: Text;
}

export interface Timeline {
  callId: string;
  now: Date;
  entries: TimelineEntry[];
  /** The first entry not yet passed, if any. */
  next: TimelineEntry | null;
}

/** Converts a call's local time ("2022-11-04" or "2022-10-20T15:00") to the UTC instant it ends at. */
export function localToInstant(_local: string): Date {
  throw new Error('not implemented');
}

/** The call's milestones, for `now`, with a trust's internal deadline added when given. */
export function buildTimeline(_call: Call, _now: Date, _trustId?: string): Timeline {
  throw new Error('not implemented');
}

/** The instant a milestone of the call ends (throws for unknown or undated milestones). */
export function milestoneInstant(_call: Call, _milestoneId: string): Date | null {
  throw new Error('not implemented');
}
