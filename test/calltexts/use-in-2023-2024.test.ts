import { it } from 'vitest';
import { play } from '../support/transcript.ts';
import { transcriptsInBothLocales } from '../transcripts/suite.ts';

/**
 * Issue 15, "never shown": the patient-safety funds are «til bruk i 2023-2024». A project that ends
 * before 2023 cannot use them, so its end date gets a "no" with that quote; one ending in the period
 * does not.
 */

const QUOTE = '> pasientsikkerhetsmidler til bruk i 2023-2024';

const W = {
  nb: {
    ask: 'kan jeg søke',
    yes: 'Ja',
    send: 'Send',
    said: 'Midlene er til bruk i 2023–2024',
    ok: 'Ja, du kan søke',
  },
  en: {
    ask: 'can I apply',
    yes: 'Yes',
    send: 'Submit',
    said: 'The funds are for use in 2023–2024',
    ok: 'Yes, you can apply',
  },
} as const;

transcriptsInBothLocales(
  'use-in-2023-2024',
  'the patient-safety use in 2023–2024',
  '2022-10-10T08:00:00Z',
  W,
  ({ chatIn, newStore, locale, w }) => {
    const upToEnd = [
      { say: w.ask },
      { click: /Pasientsikkerhetsmidler|Patient safety/ },
      { click: 'St. Olavs hospital HF' },
      { click: w.yes },
      { click: w.send, inputs: { aims: 'reduce-injuries' } },
      { click: w.yes },
      { click: w.yes },
    ];
    it(`${locale}: a project ending in 2022 gets a "no" quoting the use in 2023–2024; one ending in 2024 does not`, async () => {
      await play(chatIn(), [...upToEnd, { say: '2022-12-15', expect: [w.said, QUOTE], not: [w.ok] }]);
      await newStore();
      await play(chatIn(), [...upToEnd, { say: '2024-06-30', not: [w.said, QUOTE] }]);
    });
  },
);
