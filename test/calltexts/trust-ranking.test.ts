import { expect, it } from 'vitest';
import { shown, World } from '../endorsement/world.ts';
import { callOf, PATIENT_SAFETY } from '../kit/applications.ts';
import { transcriptSuite } from '../transcripts/suite.ts';

/**
 * Issue 15, item 4: the text gives the trust's prioritisation no date and does not say the trust
 * sends the application on; the application card shows the step without a date.
 */

const KARI = '11111111-1111-4111-8111-111111111111';

transcriptSuite('trust-ranking', 'the trust ranking step', '2022-10-10T08:00:00Z', ({ store }) => {
  for (const [locale, label] of [
    ['nb', 'Helseforetaket prioriterer søknadene'],
    ['en', 'The trust ranks its applications'],
  ] as const) {
    it(`${locale}: the card shows the trust's ranking without the deadline's date`, async () => {
      const world = new World(store(), '2022-10-10T08:00:00Z');
      const kari = world.person(KARI, 'Kari Nordmann');
      const call = callOf(PATIENT_SAFETY);
      await world.draft(call, kari.person, 'st-olavs-hospital', 'Fallforebygging');
      if (locale === 'en') await kari.say('english');
      const text = shown(await kari.say('status'));
      const line = text.split('\n').find((l) => l.includes(label));
      expect(line, text).toBeDefined();
      expect(line).not.toMatch(/4\. november|4 November|\d{4}/);
      expect(text).not.toMatch(/sendt den videre|passed it on/);
    });
  }
});
