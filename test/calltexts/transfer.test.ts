import { it } from 'vitest';
import { play } from '../support/transcript.ts';
import { transcriptSuite } from '../transcripts/suite.ts';

/**
 * Issue 15, items 2 and 3: the transfer category allows one award «I denne kategorien er det kun mulig
 * med én tildeling», asked as earlier transfer awards for this transfer; the text says nothing of
 * priority areas for transfer, so the bot says nothing either.
 */

const AT = '2022-09-15T10:00:00Z';
const ONE_AWARD = '> I denne kategorien er det kun mulig med én tildeling';
const THREE_AWARDS = 'Et prosjekt kan få kun tre tildelinger';

transcriptSuite('transfer', 'the transfer category', AT, ({ chat }) => {
  it.each([
    {
      locale: 'nb' as const,
      ask: 'kan jeg søke',
      call: 'Innovasjonsmidler 2023',
      category: 'Overføring av tjenesteinnovasjon fra annet helseforetak',
      yes: 'Ja',
      asked: 'denne overføringen fått midler i kategorien overføring av innovasjon før',
      newPurpose: 'nytt formål',
    },
    {
      locale: 'en' as const,
      ask: 'can I apply',
      call: 'Innovation funding 2023',
      category: 'Transfer of a service innovation from another health trust',
      yes: 'Yes',
      asked: 'this transfer been awarded funding in the transfer category before',
      newPurpose: 'new purpose',
    },
  ])(
    '$locale: the check asks about earlier transfer awards for this transfer; a "no" quotes the one-award sentence once',
    async ({ locale, ask, call, category, yes, asked, newPurpose }) => {
      await play(chat(locale === 'en' ? { locale } : {}), [
        { say: ask },
        { click: call },
        { click: category },
        { click: 'St. Olavs hospital HF' },
        { say: '50' },
        { click: yes, expect: [asked] },
        { say: '1', expect: [ONE_AWARD], not: [THREE_AWARDS, newPurpose] },
      ]);
    },
  );

  it('nb: the amount calculator asks about earlier transfer awards, and never says transfer has no priority areas', async () => {
    await play(chat(), [
      { say: 'hvor mye kan jeg søke om', not: [/overføring[^\n]*ingen prioriterte/i] },
      { click: 'Innovasjonsmidler 2023', not: [/Overføring[^\n]*ingen prioriterte/i] },
      { click: 'Overføring av tjenesteinnovasjon fra annet helseforetak' },
      { say: '400 000' },
      {
        click: 'Ingen',
        expect: ['denne overføringen fått midler i kategorien overføring av innovasjon før'],
      },
    ]);
  });
});

transcriptSuite('transfer-areas', 'priority areas of transfer', AT, ({ chat }) => {
  for (const [locale, words] of [
    [
      'nb',
      {
        ask: 'satsingsområder',
        call: 'Innovasjonsmidler 2023',
        cat: 'Overføring av tjenesteinnovasjon fra annet helseforetak',
        said: 'nevner ingen satsingsområder',
        invented: /har ingen prioriterte/,
      },
    ],
    [
      'en',
      {
        ask: 'priority areas',
        call: 'Innovation funding 2023',
        cat: 'Transfer of a service innovation from another health trust',
        said: 'names no priority areas',
        invented: /has no priority areas/,
      },
    ],
  ] as const) {
    it(`${locale}: transfer is not said to have no priority areas, and no product quote is shown for it`, async () => {
      await play(chat({ ...(locale === 'en' ? { locale } : {}) }), [
        { say: words.ask },
        { click: words.call },
        { click: words.cat, expect: [words.said], not: [words.invented, 'produktinnovasjon er det ingen'] },
      ]);
    });
  }
});
