import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { localDate, OSLO } from './timeline.ts';

/**
 * Norwegian working days, for "two working days" (endorsement nudges) and for moving reminders off
 * weekends and public holidays. A day is judged by its Europe/Oslo calendar date; shifting by days keeps
 * the local wall-clock time (09:00 stays 09:00 across a summer-time change).
 */

/** Easter Sunday of a year (Gregorian; the anonymous Meeus/Jones/Butcher algorithm), "YYYY-MM-DD". */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(Date.UTC(year, month - 1, day));
}

/** The public holidays (helligdager and 1 and 17 May) of a year, "YYYY-MM-DD" -> name, in date order. */
export function norwegianPublicHolidays(year: number): Map<string, string> {
  const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`);
  const fromEaster = (days: number) => isoDate(easter + days * 86_400_000);
  const entries: [string, string][] = [
    [`${year}-01-01`, 'Første nyttårsdag'],
    [fromEaster(-3), 'Skjærtorsdag'],
    [fromEaster(-2), 'Langfredag'],
    [fromEaster(0), 'Første påskedag'],
    [fromEaster(1), 'Andre påskedag'],
    [`${year}-05-01`, 'Offentlig høytidsdag'],
    [`${year}-05-17`, 'Grunnlovsdag'],
    [fromEaster(39), 'Kristi himmelfartsdag'],
    [fromEaster(49), 'Første pinsedag'],
    [fromEaster(50), 'Andre pinsedag'],
    [`${year}-12-25`, 'Første juledag'],
    [`${year}-12-26`, 'Andre juledag'],
  ];
  return new Map(entries.sort(([a], [b]) => a.localeCompare(b)));
}

const holidayCache = new Map<number, Map<string, string>>();

/** The holiday's name when the local date ("YYYY-MM-DD") is a Norwegian public holiday. */
export function publicHoliday(date: string): string | undefined {
  const year = Number(date.slice(0, 4));
  let holidays = holidayCache.get(year);
  if (!holidays) {
    holidays = norwegianPublicHolidays(year);
    holidayCache.set(year, holidays);
  }
  return holidays.get(date);
}

/** A local date ("YYYY-MM-DD") that is neither Saturday, Sunday nor a public holiday. */
export function isWorkingDate(date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && publicHoliday(date) === undefined;
}

/** Whether the instant falls on a working day in Oslo. */
export function isWorkingDay(at: Date): boolean {
  return isWorkingDate(localDate(at));
}

/**
 * `n` working days after `at`, at the same local time. Counting starts the day after `at`, so a
 * request on Friday has waited two working days on Tuesday (Monday being the first).
 */
export function addWorkingDays(at: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working days must be a whole number >= 0, got ${n}`);
  let day = new TZDate(at.getTime(), OSLO);
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return new Date(day.getTime());
}

/** The last working day strictly before `at`'s local date, at the same local time. */
export function previousWorkingDay(at: Date): Date {
  let day = addDays(new TZDate(at.getTime(), OSLO), -1);
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return new Date(day.getTime());
}

/** `at` itself when it is on a working day, else the previous working day (a reminder moved earlier). */
export function workingDayOnOrBefore(at: Date): Date {
  return isWorkingDay(at) ? at : previousWorkingDay(at);
}

/** `n` working days before `at`, at the same local time (0 = `at`, even on a holiday). */
export function subtractWorkingDays(at: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working days must be a whole number >= 0, got ${n}`);
  let day = at;
  for (let i = 0; i < n; i++) day = previousWorkingDay(day);
  return day;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
