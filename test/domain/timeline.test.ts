import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCallFile } from '../../src/calls/load.ts';
import type { Call } from '../../src/domain/call.ts';
import { isMidlerError } from '../../src/domain/errors.ts';
import {
  buildTimeline,
  calendarDaysBetween,
  INTERNAL_DEADLINE_ID,
  localToInstant,
  milestoneInstant,
} from '../../src/domain/timeline.ts';
import { errorOf } from '../support/errors.ts';

const calls = join(import.meta.dirname, '../../calls');
const innovation = loadCallFile(join(calls, 'innovasjon-2023.yaml'));
const patientSafety = loadCallFile(join(calls, 'pasientsikkerhet-2023-2024.yaml'));

const cite = { quote: 'fixture' };
/** A small call whose milestones straddle both summer-time changes. */
const fixture: Call = {
  ...innovation,
  id: 'fixture',
  trusts: [
    { id: 'trust-a', name: 'Trust A HF', internalDeadline: '2022-10-13T12:00' },
    { id: 'trust-b', name: 'Trust B HF' },
  ],
  milestones: [
    {
      id: 'autumn',
      kind: 'deadline',
      label: { nb: 'Høst', en: 'Autumn' },
      at: '2022-10-30T12:00',
      precision: 'by',
      cite,
    },
    {
      id: 'report',
      kind: 'final-report',
      label: { nb: 'Rapport', en: 'Report' },
      after: 'spring',
      precision: 'by',
      cite,
    },
    {
      id: 'spring',
      kind: 'project-end',
      label: { nb: 'Vår', en: 'Spring' },
      at: '2023-03-26T12:00',
      precision: 'by',
      cite,
    },
    {
      id: 'opened',
      kind: 'published',
      label: { nb: 'Åpnet', en: 'Opened' },
      at: '2022-09-01',
      precision: 'on',
      cite,
    },
  ],
};

describe('localToInstant (Europe/Oslo wall clock to UTC)', () => {
  it.each([
    ['2022-10-20T15:00', '2022-10-20T13:00:00.000Z', 'innovation deadline, summer time (UTC+2)'],
    [
      '2022-11-04',
      '2022-11-04T22:59:59.000Z',
      'patient-safety deadline, a date ends 23:59:59 in winter time',
    ],
    ['2022-08-29', '2022-08-29T21:59:59.000Z', 'a date in summer time'],
    ['2023-03-26T12:00', '2023-03-26T10:00:00.000Z', 'noon on the spring-forward day is already summer time'],
    ['2022-10-30T12:00', '2022-10-30T11:00:00.000Z', 'noon on the fall-back day is already winter time'],
    ['2023-03-26T01:59', '2023-03-26T00:59:00.000Z', 'the last minute before the spring gap'],
    ['2023-03-26T03:00', '2023-03-26T01:00:00.000Z', 'the first minute after the spring gap'],
    [
      '2023-03-26T02:30',
      '2023-03-26T01:30:00.000Z',
      'inside the spring gap: moved forward an hour (03:30 CEST)',
    ],
    ['2022-10-30T02:30', '2022-10-30T01:30:00.000Z', 'inside the autumn overlap: the second 02:30 (CET)'],
    ['2022-10-30T01:59', '2022-10-29T23:59:00.000Z', 'before the overlap: still summer time'],
    ['2024-02-29', '2024-02-29T22:59:59.000Z', 'a leap day'],
  ])('%s -> %s (%s)', (local, iso) => {
    expect(localToInstant(local).toISOString()).toBe(iso);
  });

  it.each(['2022-02-30', '2022-13-01', '20-10-2022', '2022-10-20 15:00', '2022-10-20T24:00', ''])(
    'refuses %j with input.invalid',
    (bad) => {
      expect(() => localToInstant(bad)).toThrowError(expect.objectContaining({ code: 'input.invalid' }));
    },
  );
});

describe('localToInstant with precision', () => {
  it.each([
    ['2022-08-29', 'on', '2022-08-28T22:00:00.000Z', 'an event on a summer date: the start of the day'],
    ['2022-11-04', 'on', '2022-11-03T23:00:00.000Z', 'an event on a winter date: the start of the day'],
    ['2023-03-26', 'on', '2023-03-25T23:00:00.000Z', 'the spring-forward day still starts at 00:00 CET'],
    ['2022-10-30', 'on', '2022-10-29T22:00:00.000Z', 'the fall-back day still starts at 00:00 CEST'],
    ['2022-11-04', 'by', '2022-11-04T22:59:59.000Z', 'a deadline date still ends at 23:59:59'],
    ['2022-10-20T15:00', 'on', '2022-10-20T13:00:00.000Z', 'with a time, that minute whatever the precision'],
  ] as const)('%s (%s) -> %s (%s)', (local, precision, iso, _why) => {
    expect(localToInstant(local, precision).toISOString()).toBe(iso);
  });

  it('reads a date as a deadline by default', () => {
    expect(localToInstant('2022-11-04')).toEqual(localToInstant('2022-11-04', 'by'));
  });
});

describe('calendarDaysBetween (calendar days in Oslo, not 24-hour blocks)', () => {
  it('counts by the local date, not the UTC date, around midnight', () => {
    const deadline = localToInstant('2022-11-04');
    // 23:30Z on 3 Nov is already 00:30 on 4 Nov in Oslo: the deadline day itself.
    expect(calendarDaysBetween(new Date('2022-11-03T23:30:00Z'), deadline)).toBe(0);
    // 22:30Z on 3 Nov is 23:30 on 3 Nov in Oslo: one day left, though only 24.5 hours remain.
    expect(calendarDaysBetween(new Date('2022-11-03T22:30:00Z'), deadline)).toBe(1);
    expect(calendarDaysBetween(new Date('2022-11-05T00:00:00Z'), deadline)).toBe(-1);
  });

  it('counts a 23-hour and a 25-hour day as one day each', () => {
    const before = new Date('2023-03-25T11:00:00Z');
    expect(calendarDaysBetween(before, localToInstant('2023-03-26T12:00'))).toBe(1);
    expect(calendarDaysBetween(new Date('2022-10-29T10:00:00Z'), localToInstant('2022-10-30T12:00'))).toBe(1);
    expect(calendarDaysBetween(new Date('2022-10-01T00:00:00Z'), localToInstant('2022-10-31'))).toBe(30);
  });
});

describe('milestoneInstant', () => {
  it('gives the instant of dated milestones and null for undated ones', () => {
    expect(milestoneInstant(innovation, 'deadline')?.toISOString()).toBe('2022-10-20T13:00:00.000Z');
    expect(milestoneInstant(patientSafety, 'deadline')?.toISOString()).toBe('2022-11-04T22:59:59.000Z');
    expect(milestoneInstant(innovation, 'award')).toBeNull();
  });

  it('throws a coded error for an unknown milestone', () => {
    const caught = errorOf(() => milestoneInstant(innovation, 'no-such'));
    expect(isMidlerError(caught, 'call.invalid')).toBe(true);
  });
});

describe('buildTimeline', () => {
  it('orders milestones by time and puts an undated one right after the one it follows', () => {
    const tl = buildTimeline(fixture, new Date('2022-10-01T10:00:00Z'));
    expect(tl.entries.map((e) => e.id)).toEqual(['opened', 'autumn', 'spring', 'report']);
    const report = tl.entries[3];
    expect(report).toMatchObject({ at: null, local: null, daysLeft: null, passed: false, after: 'spring' });
  });

  it('shows local times across both summer-time changes', () => {
    const tl = buildTimeline(fixture, new Date('2022-10-01T10:00:00Z'));
    const byId = Object.fromEntries(tl.entries.map((e) => [e.id, e]));
    expect(byId.autumn?.local).toBe('2022-10-30 12:00');
    expect(byId.autumn?.at?.toISOString()).toBe('2022-10-30T11:00:00.000Z');
    expect(byId.spring?.local).toBe('2023-03-26 12:00');
    expect(byId.spring?.at?.toISOString()).toBe('2023-03-26T10:00:00.000Z');
    // An event on a date (precision "on") is reached when that day begins; a deadline date ends it.
    expect(byId.opened?.local).toBe('2022-09-01 00:00');
    expect(byId.opened?.allDay).toBe(true);
    expect(byId.autumn?.allDay).toBeUndefined();
  });

  it('marks passed, counts days left and picks the next milestone', () => {
    const tl = buildTimeline(fixture, new Date('2022-10-30T10:59:00Z'));
    expect(tl.entries.map((e) => [e.id, e.passed, e.daysLeft])).toEqual([
      ['opened', true, -59],
      ['autumn', false, 0],
      ['spring', false, 147],
      ['report', false, null],
    ]);
    expect(tl.next?.id).toBe('autumn');
    // At the very minute the deadline closes, it has passed and the next one is up.
    expect(buildTimeline(fixture, new Date('2022-10-30T11:00:00Z')).next?.id).toBe('spring');
  });

  it('has no next once every dated milestone has passed and the undated one is still ahead', () => {
    const tl = buildTimeline(fixture, new Date('2023-06-01T00:00:00Z'));
    expect(tl.next?.id).toBe('report');
  });

  it('adds the trust internal deadline when the trust has one, in time order', () => {
    const withTrust = buildTimeline(fixture, new Date('2022-10-01T10:00:00Z'), 'trust-a');
    expect(withTrust.entries.map((e) => e.id)).toEqual([
      'opened',
      INTERNAL_DEADLINE_ID,
      'autumn',
      'spring',
      'report',
    ]);
    expect(withTrust.entries[1]).toMatchObject({
      kind: 'deadline',
      local: '2022-10-13 12:00',
      daysLeft: 12,
      label: { nb: 'Intern frist i Trust A HF', en: 'Internal deadline at Trust A HF' },
    });
    expect(withTrust.next?.id).toBe(INTERNAL_DEADLINE_ID);
    expect(buildTimeline(fixture, new Date('2022-10-01T10:00:00Z'), 'trust-b').entries).toHaveLength(4);
    expect(buildTimeline(fixture, new Date('2022-10-01T10:00:00Z'), 'unknown').entries).toHaveLength(4);
  });

  it('innovation: the deadline 2022-10-20 15:00 local is next on 1 October, 19 days away', () => {
    const tl = buildTimeline(innovation, new Date('2022-10-01T00:00:00Z'));
    expect(tl.entries.map((e) => e.id)).toEqual([
      'published',
      'deadline',
      'award',
      'project-start',
      'project-end',
    ]);
    expect(tl.next).toMatchObject({ id: 'deadline', local: '2022-10-20 15:00', daysLeft: 19, passed: false });
    const atDeadline = buildTimeline(innovation, new Date('2022-10-20T12:59:00Z'));
    expect(atDeadline.next).toMatchObject({ id: 'deadline', daysLeft: 0 });
    expect(buildTimeline(innovation, new Date('2022-10-20T13:00:00Z')).next?.id).toBe('award');
  });

  it('innovation: on the day the call is published, publication is reached (today), not next', () => {
    // 2022-08-29 10:00 in Oslo.
    const tl = buildTimeline(innovation, new Date('2022-08-29T08:00:00Z'));
    expect(tl.entries[0]).toMatchObject({
      id: 'published',
      passed: true,
      daysLeft: 0,
      allDay: true,
      local: '2022-08-29 00:00',
    });
    expect(tl.next?.id).toBe('deadline');
    // The minute before the day begins it is still ahead, tomorrow.
    const eve = buildTimeline(innovation, new Date('2022-08-28T21:59:00Z'));
    expect(eve.next).toMatchObject({ id: 'published', passed: false, daysLeft: 1 });
    expect(milestoneInstant(innovation, 'published')?.toISOString()).toBe('2022-08-28T22:00:00.000Z');
    expect(milestoneInstant(innovation, 'project-start')?.toISOString()).toBe('2022-12-31T23:00:00.000Z');
  });

  it('patient safety: the update on 7 October counts from that morning; the deadlines do not move', () => {
    const tl = buildTimeline(patientSafety, new Date('2022-10-07T06:00:00Z'));
    expect(tl.entries.slice(0, 2).map((e) => [e.id, e.passed, e.daysLeft])).toEqual([
      ['published', true, -3],
      ['updated', true, 0],
    ]);
    expect(tl.next).toMatchObject({ id: 'deadline', local: '2022-11-04 23:59', daysLeft: 28 });
    const byId = Object.fromEntries(tl.entries.map((e) => [e.id, e.at?.toISOString()]));
    expect(byId).toMatchObject({
      deadline: '2022-11-04T22:59:59.000Z',
      award: '2022-12-16T22:59:59.000Z',
      'status-report': '2023-09-01T21:59:59.000Z',
      'project-end': '2024-10-01T21:59:59.000Z',
    });
  });

  it('patient safety: the date-only deadline lasts until 23:59:59 local on 4 November', () => {
    const late = buildTimeline(patientSafety, new Date('2022-11-04T22:59:58Z'));
    expect(late.next).toMatchObject({ id: 'deadline', local: '2022-11-04 23:59', daysLeft: 0 });
    const after = buildTimeline(patientSafety, new Date('2022-11-04T23:00:00Z'));
    expect(after.next).toMatchObject({ id: 'award', daysLeft: 41 });
    expect(after.entries.at(-1)).toMatchObject({ id: 'final-report', after: 'project-end' });
  });
});
