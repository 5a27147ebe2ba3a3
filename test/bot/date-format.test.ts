import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays, format } from 'date-fns';
import { nb } from 'date-fns/locale';
import { describe, expect, it } from 'vitest';
import { daysBetween, formatDate, formatDateLong, formatDeadline } from '../../src/i18n/format.ts';

/** Dates are formatted from kept results and Oslo's offset per hour: the same as asking date-fns each time. */
const ZONE = 'Europe/Oslo';

describe('date formatting in Oslo time', () => {
  // Every 37 minutes across a year, through both DST changes and their hours.
  const instants = Array.from(
    { length: (366 * 24 * 60) / 37 },
    (_, i) => Date.UTC(2022, 0, 1) + i * 37 * 60_000,
  );
  const dstEdges = [
    '2022-03-27T00:59:59Z',
    '2022-03-27T01:00:00Z',
    '2022-10-30T00:59:59Z',
    '2022-10-30T01:00:00Z',
  ].map(Date.parse);

  it('counts calendar days between two instants as date-fns does, across DST changes', () => {
    const now = Date.parse('2022-03-26T22:30:00Z');
    for (const at of [...instants, ...dstEdges]) {
      const expected = differenceInCalendarDays(new TZDate(at, ZONE), new TZDate(now, ZONE));
      expect(daysBetween(new Date(now), new Date(at)), new Date(at).toISOString()).toBe(expected);
      const back = differenceInCalendarDays(new TZDate(now, ZONE), new TZDate(at, ZONE));
      expect(daysBetween(new Date(at), new Date(now))).toBe(back);
    }
  });

  it('formats the same text the first time and from memory, around midnight and DST', () => {
    for (const at of [...dstEdges, Date.parse('2022-11-04T22:59:59Z'), Date.parse('2022-10-20T13:00:00Z')]) {
      const date = new Date(at);
      const first = formatDate(date, 'nb');
      expect(formatDate(new Date(at), 'nb')).toBe(first);
      const local = new TZDate(at, ZONE);
      const endOfDay = local.getHours() === 23 && local.getMinutes() === 59;
      expect(first).toBe(
        format(local, endOfDay ? 'd. MMMM yyyy' : "d. MMMM yyyy 'kl.' HH.mm", { locale: nb }),
      );
    }
    expect(formatDate(new Date('2022-11-04T22:59:59Z'), 'nb')).toBe('4. november 2022');
    expect(formatDateLong(new Date('2022-10-20T13:00:00Z'), 'nb')).toBe('torsdag 20. oktober 2022 kl. 15.00');
    expect(formatDateLong(new Date('2022-10-20T13:00:00Z'), 'en')).toBe('Thursday 20 October 2022, 15:00');
    expect(
      formatDeadline(new Date('2022-10-20T13:00:00Z'), new Date('2022-10-19T22:30:00Z'), 'nb'),
    ).toContain('(i dag)');
    expect(
      formatDeadline(new Date('2022-10-20T13:00:00Z'), new Date('2022-10-19T21:30:00Z'), 'nb'),
    ).toContain('(i morgen)');
  });
});
