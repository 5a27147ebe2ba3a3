import { describe, expect, it } from 'vitest';
import { localToInstant } from '../../src/domain/timeline.ts';
import {
  addWorkingDays,
  easterSunday,
  isWorkingDate,
  isWorkingDay,
  norwegianPublicHolidays,
  previousWorkingDay,
  publicHoliday,
  subtractWorkingDays,
  workingDayOnOrBefore,
} from '../../src/domain/working-days.ts';

const oslo = (local: string) => localToInstant(local);
/** The instant of an Oslo wall-clock time, as ISO, to compare the functions' answers against. */
const osloIso = (local: string) => oslo(local).toISOString();
const afterWorkingDays = (from: string, n: number) => addWorkingDays(oslo(from), n).toISOString();
const beforeWorkingDay = (from: string) => previousWorkingDay(oslo(from)).toISOString();

describe('Norwegian public holidays', () => {
  it.each([
    [2019, '2019-04-21'],
    [2022, '2022-04-17'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it.each([
    // Movable (from Easter): Maundy Thursday, Good Friday, Easter Monday, Ascension, Whit Monday.
    [2022, ['2022-04-14', '2022-04-15', '2022-04-18', '2022-05-26', '2022-06-06']],
    [2023, ['2023-04-06', '2023-04-07', '2023-04-10', '2023-05-18', '2023-05-29']],
    [2024, ['2024-03-28', '2024-03-29', '2024-04-01', '2024-05-09', '2024-05-20']],
  ])('%i: the Easter-based holidays are not working days', (_year, dates) => {
    for (const d of dates) {
      expect(publicHoliday(d), d).toBeDefined();
      expect(isWorkingDate(d), d).toBe(false);
    }
  });

  it.each([2022, 2023, 2024])('%i: the fixed holidays are not working days', (year) => {
    for (const md of ['01-01', '05-01', '05-17', '12-25', '12-26']) {
      expect(isWorkingDate(`${year}-${md}`), `${year}-${md}`).toBe(false);
    }
  });

  it('lists twelve holidays a year, in date order', () => {
    const h = [...norwegianPublicHolidays(2023).keys()];
    expect(h).toHaveLength(12);
    expect(h).toEqual([...h].sort());
    expect(norwegianPublicHolidays(2023).get('2023-05-17')).toBe('Grunnlovsdag');
  });

  it('ordinary weekdays around the holidays are working days; weekends are not', () => {
    expect(isWorkingDate('2023-04-05')).toBe(true); // Wednesday before Easter
    expect(isWorkingDate('2023-04-11')).toBe(true); // Tuesday after Easter Monday
    expect(isWorkingDate('2023-05-16')).toBe(true);
    expect(isWorkingDate('2022-12-27')).toBe(true);
    expect(isWorkingDate('2022-12-24')).toBe(false); // a Saturday (Christmas Eve is not a holiday by law)
    expect(isWorkingDate('2022-10-30')).toBe(false); // Sunday
    expect(isWorkingDate('2024-12-24')).toBe(true); // Christmas Eve on a Tuesday: a working day
  });
});

describe('working days as instants (judged by the Oslo date)', () => {
  it('uses the Oslo date, not the UTC date', () => {
    // 23:30Z on Friday 21 Oct is 01:30 on Saturday in Oslo.
    expect(isWorkingDay(new Date('2022-10-21T21:30:00Z'))).toBe(true);
    expect(isWorkingDay(new Date('2022-10-21T22:30:00Z'))).toBe(false);
  });

  it('two working days after a Friday request fall on Tuesday, same local time', () => {
    expect(afterWorkingDays('2022-10-14T10:00', 2)).toBe(osloIso('2022-10-18T10:00'));
    expect(afterWorkingDays('2022-10-14T10:00', 0)).toBe(osloIso('2022-10-14T10:00'));
  });

  it('skips Easter and keeps 09:00 local across the spring change', () => {
    // Wednesday 5 April 2023 -> Thursday, Friday, Monday are holidays -> Tuesday 11, Wednesday 12.
    expect(afterWorkingDays('2023-04-05T09:00', 2)).toBe(osloIso('2023-04-12T09:00'));
    // Friday 24 March 2023 (CET) + 1 -> Monday 27 March (CEST), still 09:00 local.
    expect(afterWorkingDays('2023-03-24T09:00', 1)).toBe('2023-03-27T07:00:00.000Z');
  });

  it('skips Ascension and Whit Monday', () => {
    expect(afterWorkingDays('2024-05-08T09:00', 1)).toBe(osloIso('2024-05-10T09:00'));
    expect(afterWorkingDays('2024-05-17T09:00', 1)).toBe(osloIso('2024-05-21T09:00'));
  });

  it('previousWorkingDay goes strictly back, past weekends and holidays', () => {
    expect(beforeWorkingDay('2022-12-27T09:00')).toBe(osloIso('2022-12-23T09:00'));
    expect(beforeWorkingDay('2023-04-11T09:00')).toBe(osloIso('2023-04-05T09:00'));
    expect(beforeWorkingDay('2022-10-31T09:00')).toBe(osloIso('2022-10-28T09:00'));
  });

  it('workingDayOnOrBefore keeps a working day and moves a holiday earlier', () => {
    const tuesday = oslo('2022-10-18T09:00');
    expect(workingDayOnOrBefore(tuesday)).toBe(tuesday);
    expect(workingDayOnOrBefore(oslo('2023-05-17T09:00')).toISOString()).toBe(osloIso('2023-05-16T09:00'));
  });

  it('subtractWorkingDays: two working days before the patient-safety deadline', () => {
    // Deadline Friday 4 Nov 2022 23:59:59 -> Wednesday 2 Nov, same local time.
    expect(subtractWorkingDays(oslo('2022-11-04'), 2).toISOString()).toBe(osloIso('2022-11-02'));
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays(oslo('2022-10-14'), -1)).toThrow(RangeError);
    expect(() => subtractWorkingDays(oslo('2022-10-14'), 1.5)).toThrow(RangeError);
  });
});
