import { expect, it } from 'vitest';
import { createCatalog } from '../../src/domain/catalog.ts';
import { seedApplication } from '../kit/applications.ts';
import { call, INNO, PS, withInternalDeadline } from '../reminders/support.ts';
import { Chat } from '../support/transcript.ts';
import { transcriptSuite } from '../transcripts/suite.ts';

/**
 * Issue 15, "never shown": the innovation text says each trust may have an earlier internal deadline
 * for the sign-off. Where an operator has configured a trust's date, the application card says it
 * beside the call's sentence; without one it says only what the text says.
 */

const AT = '2022-10-03T08:00:00Z';
const KARI = {
  platform: 'console' as const,
  userId: 'u1',
  name: 'Kari Nordmann',
  trust: 'st-olavs-hospital',
};

transcriptSuite('internal-deadline', 'the trust’s internal deadline', AT, ({ chat, store }) => {
  for (const [locale, said] of [
    ['nb', 'Den interne fristen i St. Olavs hospital HF er 13. oktober 2022 kl. 12.00'],
    ['en', 'The internal deadline at St. Olavs hospital HF is 13 October 2022, 12:00'],
  ] as const) {
    it(`${locale}: the card names the configured date; without one only the call's sentence`, async () => {
      const inno = withInternalDeadline(INNO, 'st-olavs-hospital', '2022-10-13T12:00');
      await seedApplication(store(), new Date(AT), {
        id: 'app-i',
        call: inno,
        applicant: KARI,
        title: 'Smart seng',
      });
      const c = new Chat({
        store: store(),
        at: AT,
        catalog: createCatalog([inno, call(PS)]),
        ...(locale === 'en' ? { locale } : {}),
      });
      await c.say('status');
      expect(c.lastText()).toContain(said);
      expect(c.lastText()).toContain('> det enkelte helseforetak kan ha sin egen interne søknadsfrist');
      const plain = chat({ ...(locale === 'en' ? { locale } : {}) });
      await plain.say('status');
      expect(plain.lastText()).toContain('> det enkelte helseforetak kan ha sin egen interne søknadsfrist');
      expect(plain.lastText()).not.toMatch(/interne fristen i|internal deadline at/);
    });
  }
});
