import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays, format } from 'date-fns';
import { enGB, nb } from 'date-fns/locale';
import type { Locale } from '../domain/call.ts';
import { t } from './t.ts';

const ZONE = 'Europe/Oslo';

/** A date as people in Norway read it; the time is left out when it is the end of the day. */
export function formatDate(at: Date, locale: Locale): string {
  const local = new TZDate(at.getTime(), ZONE);
  const endOfDay = local.getHours() === 23 && local.getMinutes() === 59;
  if (locale === 'nb')
    // The call texts write «klokken 15.00»; Norwegian writes the time with a full stop.
    return format(local, endOfDay ? 'd. MMMM yyyy' : "d. MMMM yyyy 'kl.' HH.mm", { locale: nb });
  return format(local, endOfDay ? 'd MMMM yyyy' : 'd MMMM yyyy, HH:mm', { locale: enGB });
}

/** Whole calendar days from `now` to `at` in Europe/Oslo. */
export function daysBetween(now: Date, at: Date): number {
  return differenceInCalendarDays(new TZDate(at.getTime(), ZONE), new TZDate(now.getTime(), ZONE));
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
 * A date with its weekday, as an answer states it: "torsdag 20. oktober 2022 kl. 15:00",
 * "Friday 4 November 2022". The time is left out for the end of a day and for a whole-day event.
 */
export function formatDateLong(at: Date, locale: Locale, allDay = false): string {
  const local = new TZDate(at.getTime(), ZONE);
  const noTime = allDay || (local.getHours() === 23 && local.getMinutes() === 59);
  if (locale === 'nb')
    return format(local, noTime ? 'EEEE d. MMMM yyyy' : "EEEE d. MMMM yyyy 'kl.' HH:mm", { locale: nb });
  return format(local, noTime ? 'EEEE d MMMM yyyy' : 'EEEE d MMMM yyyy, HH:mm', { locale: enGB });
}
