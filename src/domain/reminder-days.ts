import { localDate, localToInstant } from './timeline.ts';
import { addWorkingDays, isWorkingDate, subtractWorkingDays } from './working-days.ts';

/** When reminders go out, as local calendar arithmetic in Europe/Oslo. */

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY = 86_400_000;

/** True for a local time of day "HH:mm". */
export function isTimeOfDay(value: string): boolean {
  return TIME.test(value);
}

/** The local date `days` calendar days before `date` ("YYYY-MM-DD"). */
export function minusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);
}

/** The working date on or before `date`: weekends and Norwegian public holidays move earlier. */
export function workingDateOnOrBefore(date: string): string {
  let day = date;
  while (!isWorkingDate(day)) day = minusDays(day, 1);
  return day;
}

/** The instant of `timeOfDay` on a local date (summer time handled by the timeline's converter). */
export function atLocalTime(date: string, timeOfDay: string): Date {
  return localToInstant(`${date}T${timeOfDay}`);
}

/**
 * A "N days before" reminder for a milestone ending at `milestoneAt`: N calendar days before its local
 * date, moved to the previous working day, at `timeOfDay`. Null when that would be after the milestone
 * itself (a 16:00 reminder for a 15:00 deadline on the same day).
 */
export function daysBeforeInstant(milestoneAt: Date, daysBefore: number, timeOfDay: string): Date | null {
  const date = workingDateOnOrBefore(minusDays(localDate(milestoneAt), daysBefore));
  const at = atLocalTime(date, timeOfDay);
  return at.getTime() < milestoneAt.getTime() ? at : null;
}

/** `n` working days before the milestone's local date, at `timeOfDay` (a leader's "two days left"). */
export function workingDaysBeforeInstant(milestoneAt: Date, n: number, timeOfDay: string): Date | null {
  const date = localDate(subtractWorkingDays(workingDayStart(milestoneAt), n));
  const at = atLocalTime(date, timeOfDay);
  return at.getTime() < milestoneAt.getTime() ? at : null;
}

/** `n` working days after `since`, at the same local time (Friday 14:00 + 2 = Tuesday 14:00). */
export function afterWorkingDays(since: Date, n: number): Date {
  return addWorkingDays(since, n);
}

/** Noon of the instant's local date: a safe anchor for day arithmetic whatever the time of day. */
function workingDayStart(at: Date): Date {
  return atLocalTime(localDate(at), '12:00');
}
