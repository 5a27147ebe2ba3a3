import { describe, expect, it } from 'vitest';
import { renderReminder } from '../../src/scheduler/render-reminder.ts';
import { INNO, PS, planFor, psDraft, subscription } from '../reminders/support.ts';
import { textOf } from './support.ts';

const now = new Date('2022-10-20T12:00:00Z');
/** What is planned on 20 October for the patient-safety draft that waits on its nearest leader. */
const plannedForDraft = () => planFor(PS, now, { applications: [psDraft('app1')] });

/** The reminder as it shows at `at` must show every one of `parts`. */
function expectRendered(payload: Parameters<typeof renderReminder>[0], at: string, parts: string[]): void {
  const text = textOf(renderReminder(payload, new Date(at)));
  for (const part of parts) expect(text).toContain(part);
}

describe('rendering reminders', () => {
  it('a channel reminder in English says what, when, what to do, and offers the three buttons', () => {
    const [r] = planFor(INNO, '2022-10-01T00:00:00Z', {
      subscriptions: [subscription('teams:19:x', [INNO], { locale: 'en' })],
    });
    expectRendered(r!.payload, '2022-10-06T07:00:00Z', [
      'Application deadline – Innovation funding 2023',
      'When: 20 October 2022, 15:00 (in 14 days)',
      'Check whether you can apply',
      '[Can I apply?]\n[Start an application]\n[My status]',
    ]);
  });

  it("a leader nudge names the applicant, the step and the deadline, in the leader's language", () => {
    const nudge = plannedForDraft().find((r) => r.kind === 'leader-nudge' && r.payload.reason === 'waited');
    expectRendered(nudge!.payload, '2022-10-31T09:00:00Z', [
      'Venter på deg: Trygg medisinering',
      'Alice Applicant ba deg 27. oktober 2022 kl. 10.00 om dette: Godkjenning fra nærmeste leder.',
      'Fristen er 4. november 2022 (om 4 dager)',
      '[Hva venter på meg?]',
    ]);
    expectRendered({ ...nudge!.payload, locale: 'en' }, '2022-10-31T09:00:00Z', [
      'Alice Applicant asked you on 27 October 2022, 10:00 for this: Approval from your line manager.',
    ]);
  });

  it('an applicant nudge lists what is missing and who it waits on', () => {
    const nudge = plannedForDraft().find((r) => r.kind === 'applicant-nudge');
    expectRendered(nudge!.payload, '2022-11-01T08:00:00Z', [
      'Dette mangler fortsatt før søknadsfrist 4. november 2022 (om 3 dager):',
      'Godkjenning fra nærmeste leder (venter på Bob Boss siden 27. oktober 2022 kl. 10.00)',
      'Godkjenning fra klinikkleder',
      '[Min status]',
    ]);
  });
});
