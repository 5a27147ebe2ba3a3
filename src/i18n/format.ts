import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB, nb } from 'date-fns/locale';
import type { Locale } from '../domain/call.ts';
import { t } from './t.ts';

const ZONE = 'Europe/Oslo';

/**
 * Dates of the calls are formatted on most turns (help, status, answers) but change only with the
 * call data: each formatted text is kept (bounded) instead of asking the time zone data again, which
 * was most of a help turn's time (docs/performance.md).
 */
const MEMO_LIMIT = 5_000;
function memo<A extends unknown[]>(fn: (...args: A) => string): (...args: A) => string {
  const known = new Map<string, string>();
  return (...args) => {
    const key = args.map((a) => (a instanceof Date ? a.getTime() : String(a))).join('|');
    let hit = known.get(key);
    if (hit === undefined) {
      hit = fn(...args);
      if (known.size >= MEMO_LIMIT) known.clear();
      known.set(key, hit);
    }
    return hit;
  };
}

/** Oslo's offset from UTC (minutes) by UTC hour: it changes only on the hour (DST), so one look-up per hour. */
const offsets = new Map<number, number>();
function osloOffsetMinutes(ms: number): number {
  const hour = Math.floor(ms / 3_600_000);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    offset = tzOffset(ZONE, new Date(hour * 3_600_000));
    if (offsets.size >= MEMO_LIMIT) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/** The calendar day in Oslo of an instant, as a day number. */
function osloDay(ms: number): number {
  return Math.floor((ms + osloOffsetMinutes(ms) * 60_000) / 86_400_000);
}

/** A date as people in Norway read it; the time is left out when it is the end of the day. */
export const formatDate = memo((at: Date, locale: Locale): string => {
  const local = new TZDate(at.getTime(), ZONE);
  const endOfDay = local.getHours() === 23 && local.getMinutes() === 59;
  if (locale === 'nb')
    // The call texts write «klokken 15.00»; Norwegian writes the time with a full stop.
    return format(local, endOfDay ? 'd. MMMM yyyy' : "d. MMMM yyyy 'kl.' HH.mm", { locale: nb });
  return format(local, endOfDay ? 'd MMMM yyyy' : 'd MMMM yyyy, HH:mm', { locale: enGB });
});

/** "oktober 2027": for a date that is only a guess (a series' expected call), no closer than the month. */
export function formatMonth(at: Date, locale: Locale): string {
  return format(new TZDate(at.getTime(), ZONE), 'LLLL yyyy', { locale: locale === 'nb' ? nb : enGB });
}

/** Whole calendar days from `now` to `at` in Europe/Oslo. */
export function daysBetween(now: Date, at: Date): number {
  return osloDay(at.getTime()) - osloDay(now.getTime());
}

/** "i dag", "i morgen", "om 3 dager", "for 2 dager siden". */
export function formatDaysLeft(days: number, locale: Locale): string {
  if (days === 0) return t(locale, 'common.today');
  if (days === 1) return t(locale, 'common.tomorrow');
  if (days === -1) return t(locale, 'common.yesterday');
  if (days < 0) return t(locale, 'common.days-ago', { n: -days });
  return t(locale, 'common.in-days', { n: days });
}

/** "20. oktober 2022 kl. 15:00 (om 3 dager)". */
export function formatDeadline(at: Date, now: Date, locale: Locale): string {
  return t(locale, 'common.deadline-with-days', {
    date: formatDate(at, locale),
    days: formatDaysLeft(daysBetween(now, at), locale),
  });
}

/**
 * A date with its weekday, as an answer states it: "torsdag 20. oktober 2022 kl. 15.00",
 * "Friday 4 November 2022". The time is left out for the end of a day and for a whole-day event.
 */
export const formatDateLong = memo((at: Date, locale: Locale, allDay = false): string => {
  const local = new TZDate(at.getTime(), ZONE);
  const noTime = allDay || (local.getHours() === 23 && local.getMinutes() === 59);
  if (locale === 'nb')
    return format(local, noTime ? 'EEEE d. MMMM yyyy' : "EEEE d. MMMM yyyy 'kl.' HH.mm", { locale: nb });
  return format(local, noTime ? 'EEEE d MMMM yyyy' : 'EEEE d MMMM yyyy, HH:mm', { locale: enGB });
});
