import { expect, it } from 'vitest';
import { endorsedApplication, inBothLocales } from './both-locales.ts';

/**
 * Issue 15, the terminal chat and every surface: someone who submitted in the portal before the
 * deadline but forgot to record it can still record it after the deadline, with the day it went in;
 * a day after the deadline is refused with a clear message and changes nothing.
 */

const W = {
  nb: {
    submit: 'Søknaden er levert',
    confirm: 'Ja, den er levert',
    late: 'Søknadsfristen har gått ut. Leverte du',
    recorded: 'er levert. Neste steg er tildelingen',
    bad: 'senest fristdagen',
  },
  en: {
    submit: 'I have submitted it',
    confirm: 'Yes, it is submitted',
    late: 'The deadline has passed. If you submitted',
    recorded: 'is submitted. The award comes next',
    bad: 'on the deadline day at the latest',
  },
} as const;

inBothLocales(
  'recording a submission after the deadline (%s)',
  W,
  '2022-11-10T08:00:00Z',
  ({ kit, w, locale }) => {
    it('is offered, asks the day, refuses a day after the deadline and records one before it', async () => {
      const kari = kit.user('Kari Nordmann', { locale });
      kit.at('2022-10-20T08:00:00Z');
      const app = await endorsedApplication(kit, kari, 'endorsed');
      kit.at('2022-11-10T08:00:00Z');
      await kari.says('status').presses(w.submit).sees(w.late);
      await kari.presses(w.confirm, { submittedOn: '2022-11-05' }).sees(w.bad);
      expect((await kit.reload(app.id)).status).toBe('draft');
      await kari.presses(w.confirm, { submittedOn: '2022-11-03' }).sees(w.recorded);
      const after = await kit.reload(app.id);
      expect(after.status).toBe('submitted');
      expect(after.steps.find((s) => s.id === 'submission')?.since).toBe('2022-11-03T22:59:59.000Z');
    });
  },
);
