import { it } from 'vitest';
import { play } from '../support/transcript.ts';
import { transcriptSuite } from '../transcripts/suite.ts';

/**
 * Issue 15, "never shown": the innovation text encourages applicants to contact Helseplattformen
 * where it is relevant. Choosing the area that names Helseplattformen shows it with its quote;
 * another area does not.
 */

const QUOTE = '> søkere oppfordres til å ta kontakt med Helseplattformen';

transcriptSuite(
  'helseplattformen',
  'the Helseplattformen encouragement',
  '2022-09-15T10:00:00Z',
  ({ chat, newStore }) => {
    for (const [locale, w] of [
      [
        'nb',
        {
          ask: 'satsingsområder',
          cat: 'Tjenesteinnovasjon',
          send: 'Send',
          said: 'oppfordres til å kontakte Helseplattformen',
        },
      ],
      [
        'en',
        {
          ask: 'priority areas',
          cat: 'Service innovation',
          send: 'Submit',
          said: 'encouraged to contact Helseplattformen',
        },
      ],
    ] as const) {
      it(`${locale}: shown when the chosen area names Helseplattformen, not otherwise`, async () => {
        const c = chat({ ...(locale === 'en' ? { locale } : {}) });
        await play(c, [
          { say: w.ask },
          { click: /Innovasjonsmidler 2023|Innovation funding 2023/ },
          { click: w.cat },
          { click: w.send, inputs: { areas: 'new-ways-of-working' }, expect: [w.said, QUOTE] },
        ]);
        await newStore();
        const d = chat({ ...(locale === 'en' ? { locale } : {}) });
        await play(d, [
          { say: w.ask },
          { click: /Innovasjonsmidler 2023|Innovation funding 2023/ },
          { click: w.cat },
          { click: w.send, inputs: { areas: 'patient-logistics' }, not: [w.said, QUOTE] },
        ]);
      });
    }
  },
);
