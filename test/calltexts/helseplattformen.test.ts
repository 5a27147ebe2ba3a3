import { it } from 'vitest';
import { play } from '../support/transcript.ts';
import { transcriptsInBothLocales } from '../transcripts/suite.ts';

/**
 * Issue 15, "never shown": the innovation text encourages applicants to contact Helseplattformen
 * where it is relevant. Choosing the area that names Helseplattformen shows it with its quote;
 * another area does not.
 */

const QUOTE = '> søkere oppfordres til å ta kontakt med Helseplattformen';

const W = {
  nb: {
    ask: 'satsingsområder',
    cat: 'Tjenesteinnovasjon',
    send: 'Send',
    said: 'oppfordres til å kontakte Helseplattformen',
  },
  en: {
    ask: 'priority areas',
    cat: 'Service innovation',
    send: 'Submit',
    said: 'encouraged to contact Helseplattformen',
  },
} as const;

transcriptsInBothLocales(
  'helseplattformen',
  'the Helseplattformen encouragement',
  '2022-09-15T10:00:00Z',
  W,
  ({ chatIn, newStore, locale, w }) => {
    it(`${locale}: shown when the chosen area names Helseplattformen, not otherwise`, async () => {
      const upToAreas = [
        { say: w.ask },
        { click: /Innovasjonsmidler 2023|Innovation funding 2023/ },
        { click: w.cat },
      ];
      await play(chatIn(), [
        ...upToAreas,
        { click: w.send, inputs: { areas: 'new-ways-of-working' }, expect: [w.said, QUOTE] },
      ]);
      await newStore();
      await play(chatIn(), [
        ...upToAreas,
        { click: w.send, inputs: { areas: 'patient-logistics' }, not: [w.said, QUOTE] },
      ]);
    });
  },
);
