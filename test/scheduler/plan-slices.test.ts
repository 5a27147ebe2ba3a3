import { describe, expect, it } from 'vitest';
import { planReminders } from '../../src/domain/reminder-plan.ts';
import { newApplication } from '../../src/domain/tracker.ts';
import { planInSlices } from '../../src/scheduler/reminder-planner.ts';
import { call, INNO, PS, subscription } from '../reminders/support.ts';

describe('planning many subscriptions a slice at a time', () => {
  it('gives exactly the plan of one call, and lets the event loop run between slices', async () => {
    const now = new Date('2022-09-20T08:00:00Z');
    const trusts = ['st-olavs-hospital', 'hemit', undefined] as const;
    const subscriptions = Array.from({ length: 130 }, (_, i) =>
      subscription(`slack:C${String(i).padStart(4, '0')}`, i % 3 === 0 ? [INNO, PS] : [i % 2 ? INNO : PS], {
        daysBefore: i % 4 === 0 ? [10, 3] : [14, 7, 2, 0],
        paused: i % 17 === 0,
        ...(trusts[i % 3] ? { trust: trusts[i % 3] } : {}),
      }),
    );
    const applications = [INNO, PS].map((id, i) =>
      newApplication(
        call(id),
        {
          id: `a${i}`,
          applicant: { platform: 'slack', userId: `U${i}`, name: `Søker ${i}`, trust: 'st-olavs-hospital' },
          category: call(id).categories[0]?.id ?? '',
          title: 'Prosjekt',
          answers: {},
        },
        now,
      ),
    );
    const calls = [call(INNO), call(PS)];
    const input = { calls, subscriptions, applications, now };
    let yields = 0;
    const sliced = await planInSlices(input, async () => {
      yields++;
    });
    const whole = planReminders(input);
    expect(sliced.map((r) => [r.id, r.dueAt.toISOString()])).toEqual(
      whole.map((r) => [r.id, r.dueAt.toISOString()]),
    );
    expect(whole.some((r) => r.target.kind === 'user')).toBe(true);
    expect(yields).toBe(3);
  });
});
