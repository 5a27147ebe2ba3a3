import { expect, it } from 'vitest';
import { play } from '../support/transcript.ts';
import { transcriptSuite } from '../transcripts/suite.ts';

/**
 * Issue 15, items 6 and 7: every "no" shows the sentence that supports it, once; the aims "no" quotes
 * the aims themselves; a deadline "no" quotes the deadline sentence; the bot's own advice is marked as
 * its advice, apart from the call's rules; no invented own-financing advice.
 */

const count = (text: string, part: string) => text.split(part).length - 1;
const AIMS = 'Det kan søkes om midler til prosjekter som skal: • Redusere pasientskader';

/** The check for an innovation category, in `locale`, up to the question after the trust. */
const innovationCheck = (locale: 'nb' | 'en', category: { nb: string; en: string }) => [
  { say: locale === 'nb' ? 'kan jeg søke' : 'can I apply' },
  { click: /Innovasjonsmidler 2023|Innovation funding 2023/ },
  { click: category[locale] },
  { click: 'St. Olavs hospital HF' },
];

transcriptSuite('quotes', 'quotes behind every "no"', '2022-09-15T10:00:00Z', ({ chat, newStore }) => {
  for (const locale of ['nb', 'en'] as const) {
    it(`${locale}: the aims "no" quotes the aims, once`, async () => {
      const c = chat({ at: '2022-10-10T08:00:00Z', locale });
      await play(c, [
        { say: locale === 'nb' ? 'kan jeg søke' : 'can I apply' },
        { click: /Pasientsikkerhetsmidler|Patient safety/ },
        { click: 'St. Olavs hospital HF' },
        { click: locale === 'nb' ? 'Ja' : 'Yes' },
        {
          click: locale === 'nb' ? 'Send' : 'Submit',
          inputs: { aims: 'none' },
          expect: [AIMS, 'Læring og spredning av tiltak som gir tjenester av høy kvalitet'],
        },
      ]);
      expect(count(c.lastText(), AIMS)).toBe(1);
    });

    it(`${locale}: a deadline "no" quotes the deadline sentence`, async () => {
      const c = chat({ at: '2022-10-21T08:00:00Z', locale });
      // An ended call is no longer offered in the picker (issue 19); named, it is still checked.
      await play(c, [
        { say: locale === 'nb' ? 'kan jeg søke på innovasjonsmidler' : 'can I apply for innovation funding' },
        { click: locale === 'nb' ? 'Produktinnovasjon' : 'Product innovation' },
        {
          click: 'St. Olavs hospital HF',
          expect: [
            '> Søknadsfrist er torsdag 20. oktober klokken 15.00',
            '> det er ikke mulig å levere inn søknad når søknadsfrist er passert',
          ],
        },
      ]);
    });

    it(`${locale}: own financing has no invented advice; the bot's advice is marked as its own`, async () => {
      const c = chat({ at: '2022-09-15T10:00:00Z', locale });
      await play(c, [
        ...innovationCheck(locale, { nb: 'Tjenesteinnovasjon', en: 'Service innovation' }),
        { say: '50' },
        { say: '0', not: ['arbeidstid fra egen avdeling', 'working time from your own department'] },
        {
          click: locale === 'nb' ? 'Nei' : 'No',
          expect: ['> det stilles krav om 25 % egenfinansiering'],
          not: ['350 000', '350,000', /overføring|transfer/i],
        },
      ]);
      expect(count(c.lastText(), '> det stilles krav om 25 % egenfinansiering')).toBe(1);
      await newStore();
      const c2 = chat({ at: '2022-09-15T10:00:00Z', locale });
      await play(c2, [
        ...innovationCheck(locale, { nb: 'Produktinnovasjon', en: 'Product innovation' }),
        {
          say: '10',
          expect: [
            locale === 'nb'
              ? 'Midlerbots råd (ikke fra utlysningen)'
              : "Midlerbot's advice (not from the call)",
          ],
        },
      ]);
    });
  }
});
