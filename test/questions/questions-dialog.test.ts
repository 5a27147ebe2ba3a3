import { expect, it } from 'vitest';
import { play } from '../support/transcript.ts';
import { innovation, toBudget } from '../transcripts/steps.ts';
import { transcriptSuite } from '../transcripts/suite.ts';

/** Questions through the real engine: commands vs questions, with and without a dialog waiting. */
const AT = '2022-10-03T08:00:00Z';

transcriptSuite('questions', 'questions about the calls', AT, ({ chat, store }) => {
  it('nb: a deadline question is answered for both calls, not as "my applications"', async () => {
    await play(chat(), [
      {
        say: 'når er fristen?',
        expect: [
          'Søknadsfrist: torsdag 20. oktober 2022 kl. 15.00 (om 17 dager)',
          '> Søknadsfrist er torsdag 20. oktober klokken 15.00 (Fra utlysningen Innovasjonsmidler 2023)',
          'Søknadsfrist: fredag 4. november 2022 (om 32 dager)',
          '> Søknadsfrist er 4. november 2022 (Fra utlysningen Pasientsikkerhetsmidler 2023–2024)',
          '[Ny søknad]',
        ],
        not: ['Du har ingen søknader', 'Det forsto jeg ikke'],
      },
      // "frister" is no longer "my applications".
      { say: 'frister', expect: ['om 17 dager', 'om 32 dager'], not: ['Du har ingen søknader'] },
      { say: 'status', expect: ['Du har ingen søknader ennå'] },
    ]);
  });

  it('en: a question naming a category needs no "which call?", and its button opens the calculator there', async () => {
    await play(chat({ locale: 'en' }), [
      {
        say: 'How much can a transfer project get?',
        expect: ['up to NOK 350,000', 'no own financing required', '[Work out the amount]'],
        not: ['Which call'],
      },
      { click: 'Work out the amount', expect: ['Transfer of a service innovation'], not: ['Which call'] },
    ]);
  });

  it('a command with the call named starts that call (no "which call?")', async () => {
    await play(chat(), [
      {
        say: 'kan jeg søke om pasientsikkerhetsmidler?',
        expect: ['Pasientsikkerhetsmidler 2023–2024', 'Spørsmål 1 av'],
        not: ['Hvilken utlysning'],
      },
    ]);
  });

  it('at an amount prompt a question wins, and "continue where I was" returns to the prompt', async () => {
    await play(chat(), [
      ...toBudget('hvor mye kan jeg søke om', 'Tjenesteinnovasjon'),
      {
        say: 'må vi ha egenfinansiering?',
        expect: ['minst 25 % egenfinansiering', '[Fortsett der jeg var]'],
        not: ['kunne ikke lese'],
      },
      { click: 'Fortsett der jeg var', expect: ['samlede prosjektbudsjettet'] },
      // A command typed again at the prompt is the command, not an unreadable amount.
      { say: 'hvor mye kan jeg søke om', expect: ['Hvilken utlysning gjelder det?'] },
    ]);
  });

  it('at a title prompt a command as the whole text is never saved; a question is confirmed first', async () => {
    const c = chat();
    await play(c, [
      ...innovation('ny søknad', 'Tjenesteinnovasjon', ['Hva heter prosjektet?']),
      { say: 'status', expect: ['Du har ingen søknader ennå', '[Fortsett der jeg var]'] },
      {
        say: 'Hva er fristen?',
        expect: ['Svar eller spørsmål?', '[Bruk det som svar]', '[Svar på spørsmålet]'],
        not: ['er opprettet'],
      },
      { click: 'Svar på spørsmålet', expect: ['om 17 dager', '[Fortsett der jeg var]'] },
      { click: 'Fortsett der jeg var', expect: ['Hva heter prosjektet?'] },
      { say: 'Hvordan kan vi redusere fall?', expect: ['Svar eller spørsmål?'] },
      { click: 'Bruk det som svar', expect: ['Hvilket helseforetak'] },
    ]);
    await play(c, [{ click: 'Hemit HF', expect: ['«Hvordan kan vi redusere fall?» er opprettet'] }]);
    expect(await store().listApplicationsByUser('console', 'u1')).toHaveLength(1);
  });

  it('"spør …" makes anything a question; unsure gets the two nearest topics; nothing near gets help', async () => {
    const c = chat();
    await play(c, [
      { say: 'spør egenandel produktinnovasjon', expect: ['minst 25 % egenfinansiering'] },
      { say: 'Er det intervju av søkerne?', expect: ['Det sier ikke utlysningen', 'kontaktpersonene'] },
      { say: 'blåbærsyltetøy', expect: ['Det forsto jeg ikke helt'] },
    ]);
  });
});
