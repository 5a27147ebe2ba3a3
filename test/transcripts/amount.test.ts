import { it } from 'vitest';
import { play } from '../support/transcript.ts';
import { toBudget } from './steps.ts';
import { transcriptSuite } from './suite.ts';

const AT = '2022-09-15T10:00:00Z';

transcriptSuite('amount', 'amount transcripts', AT, ({ chat }) => {
  it('nb: own financing binds; amounts typed the Norwegian way, unreadable ones re-asked with an example', async () => {
    await play(chat(), [
      ...toBudget('Hvor mye kan jeg søke om?', 'Tjenesteinnovasjon', {
        asks: ['Hvilken utlysning gjelder det?'],
        expect: ['1,2 mill'],
      }),
      {
        say: 'en million',
        expect: ['klarte ikke å lese «en million» som et beløp', 'samlede prosjektbudsjettet'],
      },
      { say: '1 000 000 kr', expect: ['Kravet er minst 25 %'] },
      { say: '250.000', expect: ['annen finansiering'] },
      { click: 'Ingen', expect: ['Hvor mange tildelinger'] },
      {
        click: '0',
        expect: [
          '# Du kan søke om inntil 750 000 kr',
          'Egenfinansiering som kreves (25 %): 250 000 kr',
          'det stilles krav om 25 % egenfinansiering',
          '[Start søknad]',
        ],
      },
    ]);
  });

  it('nb: a small budget is bound by own financing, "tilbake" changes the budget, and the cap binds a large one', async () => {
    await play(chat(), [
      ...toBudget('hvor mye', 'Produktinnovasjon'),
      { say: '400k' },
      { click: 'Vet ikke ennå', expect: ['annen finansiering'] },
      { say: '0' },
      { click: '0', expect: ['# Du kan søke om inntil 300 000 kr'] },
      { say: 'tilbake', expect: ['Hvor mange tildelinger'] },
      { say: 'tilbake', expect: ['annen finansiering'] },
      { say: 'tilbake', expect: ['egenfinansiering'] },
      { say: 'tilbake', expect: ['samlede prosjektbudsjettet'] },
      { say: '2 mill', expect: ['egenfinansiering'] },
      { click: 'Vet ikke ennå' },
      { click: 'Ingen' },
      {
        click: '0',
        expect: ['# Du kan søke om inntil 750 000 kr', 'Taket i utlysningen', 'inntil 750 000 kr'],
      },
    ]);
  });

  it('nb: cost lines with an ineligible line show the line and its rule', async () => {
    await play(chat(), [
      ...toBudget('beløp', 'Overføring av tjenesteinnovasjon fra annet helseforetak'),
      { click: 'Legg inn kostnadslinjer i stedet', expect: ['Kostnadslinjer', '<choice costType'] },
      {
        click: 'Legg til linjen',
        inputs: { costType: 'project-personnel', lineAmount: '300 000' },
        expect: ['Prosjektpersonell', '300 000 kr'],
      },
      {
        click: 'Legg til linjen',
        inputs: { costType: 'large-general-equipment', lineAmount: 'mye' },
        expect: ['klarte ikke å lese «mye»'],
      },
      { click: 'Legg til linjen', inputs: { costType: 'large-general-equipment', lineAmount: '500 000' } },
      { click: 'Ferdig med budsjettet', expect: ['annen finansiering'] },
      { click: 'Ingen', expect: ['denne overføringen fått midler'] },
      {
        click: '0',
        expect: [
          '# Du kan søke om inntil 300 000 kr',
          'Kostnader som ikke kan dekkes',
          'Større generelle utstyrsinvesteringer: 500 000 kr',
          'kan ikke brukes til større generelle utstyrsinvesteringer',
        ],
      },
    ]);
  });

  it('en: the calculator in English; an earlier award in the transfer category leaves nothing to ask for', async () => {
    await play(chat({ locale: 'en' }), [
      ...toBudget('how much can I ask for?', 'Transfer of a service innovation from another health trust', {
        en: true,
        asks: ['Which call is it for?'],
      }),
      { say: 'lots', expect: ['I could not read "lots" as an amount', 'total project budget'] },
      // In English a comma groups thousands, as the bot itself writes amounts ("NOK 350,000").
      { say: 'NOK 500,000', expect: ['other funding'] },
      { click: 'None' },
      {
        click: '1 or more',
        expect: ['# You cannot ask for funding as things stand', 'only one award is possible'],
      },
      { click: 'Back', expect: ['this transfer been awarded funding'] },
      { click: '0', expect: ['# You can ask for up to', '350,000', 'Start an application'] },
    ]);
  });

  it('cancelling midway, then an old button is stale; a restart resumes at the same question', async () => {
    const c = chat();
    await play(c, [
      ...toBudget('hvor mye kan jeg søke om', 'Tjenesteinnovasjon'),
      { say: '1 mill', expect: ['egenfinansiering'] },
      { restart: true },
      { say: '300 000', expect: ['annen finansiering'] },
      { say: 'avbryt', expect: ['jeg avbrøt'] },
      { click: 'Ingen', turnsAgo: 1, expect: ['ikke lenger aktuelt'] },
    ]);
  });

  it('nb: a call with one category does not ask for it; a call without an amount rule names no limit', async () => {
    await play(chat(), [
      { say: 'hvor mye kan jeg søke om' },
      {
        click: 'Pasientsikkerhetsmidler 2023–2024',
        expect: ['samlede prosjektbudsjettet'],
        not: ['Hvilken kategori'],
      },
      {
        say: '200 000',
        expect: ['# Utlysningen setter ikke noe beløp'],
        not: ['Dette er det som begrenser beløpet', 'Du kan søke om inntil'],
      },
    ]);
  });
});
