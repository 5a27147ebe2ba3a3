import { describe, expect, it } from 'vitest';
import { renderReminder } from '../../src/scheduler/render-reminder.ts';
import { INNO, PS, planFor, psDraft, subscription } from '../reminders/support.ts';
import { textOf } from './support.ts';

const now = new Date('2022-10-20T12:00:00Z');
/** What is planned on 20 October for the patient-safety draft that waits on its nearest leader. */
const plannedForDraft = () => planFor(PS, now, { applications: [psDraft('app1')] });

describe('rendering reminders', () => {
  it('a channel reminder in English says what, when, what to do, and offers the three buttons', () => {
    const [r] = planFor(INNO, '2022-10-01T00:00:00Z', {
      subscriptions: [subscription('teams:19:x', [INNO], { locale: 'en' })],
    });
    const text = textOf(renderReminder(r!.payload, new Date('2022-10-06T07:00:00Z')));
    expect(text).toContain('Application deadline – Innovation funding 2023');
    expect(text).toContain('When: 20 October 2022, 15:00 (in 14 days)');
    expect(text).toContain('Check whether you can apply');
    expect(text).toContain('[Can I apply?]\n[Start an application]\n[My status]');
  });

  it("a leader nudge names the applicant, the step and the deadline, in the leader's language", () => {
    const nudge = plannedForDraft().find((r) => r.kind === 'leader-nudge' && r.payload.reason === 'waited');
    const nb = textOf(renderReminder(nudge!.payload, new Date('2022-10-31T09:00:00Z')));
    expect(nb).toContain('Venter på deg: Trygg medisinering');
    expect(nb).toContain(
      'Alice Applicant ba deg 27. oktober 2022 kl. 10.00 om dette: Godkjenning fra nærmeste leder.',
    );
    expect(nb).toContain('Fristen er 4. november 2022 (om 4 dager)');
    expect(nb).toContain('[Hva venter på meg?]');
    const en = textOf(renderReminder({ ...nudge!.payload, locale: 'en' }, new Date('2022-10-31T09:00:00Z')));
    expect(en).toContain(
      'Alice Applicant asked you on 27 October 2022, 10:00 for this: Approval from your line manager.',
    );
  });

  it('an applicant nudge lists what is missing and who it waits on', () => {
    const nudge = plannedForDraft().find((r) => r.kind === 'applicant-nudge');
    const text = textOf(renderReminder(nudge!.payload, new Date('2022-11-01T08:00:00Z')));
    expect(text).toContain('Dette mangler fortsatt før søknadsfrist 4. november 2022 (om 3 dager):');
    expect(text).toContain(
      'Godkjenning fra nærmeste leder (venter på Bob Boss siden 27. oktober 2022 kl. 10.00)',
    );
    expect(text).toContain('Godkjenning fra klinikkleder');
    expect(text).toContain('[Min status]');
  });
});
