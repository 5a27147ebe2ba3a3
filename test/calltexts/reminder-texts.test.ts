import { describe, expect, it } from 'vitest';
import { planReminders } from '../../src/domain/reminder-plan.ts';
import { renderReminder } from '../../src/scheduler/render-reminder.ts';
import { call, INNO, subscription } from '../reminders/support.ts';
import { textOf } from '../scheduler/support.ts';

/**
 * Issue 15, item 5: the innovation text says the projects are carried out in 2023 and an award is
 * for one year; a channel reminder must not say they must be finished by 31 December 2023.
 */

describe('the innovation project year in channel reminders', () => {
  for (const locale of ['nb', 'en'] as const) {
    it(`${locale}: the project-year reminder says what the text says, not a finish-by date`, () => {
      const planned = planReminders({
        calls: [call(INNO)],
        subscriptions: [subscription('teams:19:x', [INNO], { locale })],
        applications: [],
        now: new Date('2023-12-01T00:00:00Z'),
      }).filter((r) => r.payload.milestone === 'project-end');
      expect(planned.length).toBeGreaterThan(0);
      const text = textOf(renderReminder(planned[0]!.payload, new Date('2023-12-17T08:00:00Z')));
      if (locale === 'nb') {
        expect(text).toContain(
          'Prosjektene skal gjennomføres i 2023, og det tildelte beløpet er for ett år.',
        );
        expect(text).not.toContain('avsluttet innen');
      } else {
        expect(text).toContain(
          'The projects are carried out in 2023, and the amount awarded is for one year.',
        );
        expect(text).not.toContain('finished by');
      }
    });
  }
});
