import { expect, it } from 'vitest';
import { ELIGIBILITY_SCRIPT } from '../../bench/conversation.ts';
import { Chat, play } from '../support/transcript.ts';
import { passingCheck, toBudget, toTrust } from './steps.ts';
import { transcriptSuite } from './suite.ts';

const AT = '2022-09-15T10:00:00Z';

transcriptSuite('elig', 'eligibility transcripts', AT, ({ chat, store }) => {
  it('nb: one question at a time, unreadable numbers, a to-do with its date, back, and the verdict', async () => {
    const c = chat();
    await play(c, [
      { say: 'Kan jeg søke?', expect: ['Hvilken utlysning', 'Innovasjonsmidler 2023', 'om 35 dager'] },
      { click: 'Innovasjonsmidler 2023', expect: ['Hvilken kategori', 'Tjenesteinnovasjon'] },
      { click: 'Tjenesteinnovasjon', expect: ['Hvilket helseforetak', 'Spørsmål 1 av'] },
      { click: 'St. Olavs hospital HF', expect: ['Hvor stor stilling'] },
      { say: 'femti', expect: ['klarte ikke å lese «femti» som et tall', 'Hvor stor stilling'] },
      { say: '50 %', expect: ['Hvor mange tildelinger'] },
      { say: '0', expect: ['Kan prosjektet selv finansiere minst 25 %'] },
      { click: 'Ja', expect: ['forankret hos klinikksjef'] },
      {
        click: 'Ikke ennå',
        expect: [
          'Notert som gjøremål',
          '20. oktober 2022 kl. 15.00',
          'større generelle utstyrsinvesteringer',
        ],
      },
      { say: 'tilbake', expect: ['forankret hos klinikksjef'] },
      { click: 'Ja', expect: ['større generelle utstyrsinvesteringer'], not: ['gjøremål'] },
      { click: 'Nei', expect: ['Når blir arbeidet'] },
      { say: '15.12.2023', expect: ['# Ja, du kan søke', '[Start søknad]', '[Regn ut beløpet]'] },
    ]);
  });

  it('nb: a disqualifying answer is explained at once with its quote; "change the answer" goes back', async () => {
    const c = chat();
    await play(c, [
      ...toTrust('kan jeg soke', 'Produktinnovasjon'),
      { click: 'Hemit HF' },
      {
        say: '10',
        expect: [
          '> For å ha søknadsadgang må prosjektleder være ansatt i minst 20 % stilling',
          '# Nei, slik prosjektet er nå kan du ikke søke',
          'En kollega med minst 20 % stilling',
        ],
      },
      { click: 'Endre svaret', expect: ['Hvor stor stilling'] },
      { say: '20', expect: ['Hvor mange tildelinger'] },
      { say: '0' },
      {
        click: 'Nei',
        expect: ['# Nei, slik prosjektet er nå', '[Prøv en annen kategori]'],
        // Another category is no way around own financing; the call says nothing of the kind.
        not: ['350 000 kr uten egenfinansiering'],
      },
      { click: 'Prøv en annen kategori', expect: ['Hvilken kategori'] },
      { click: 'Overføring av tjenesteinnovasjon fra annet helseforetak', expect: ['Hvilket helseforetak'] },
    ]);
  });

  it('en: the same check in English, with a transfer project that does not qualify', async () => {
    const c = chat({ locale: 'en' });
    await play(c, [
      { say: 'can I apply?', expect: ['Which call do you want to check?'] },
      { click: 'Innovation funding 2023', expect: ['Which category'] },
      { click: 'Transfer of a service innovation from another health trust', expect: ['Which health trust'] },
      {
        click: 'None of these',
        expect: ['# No, as the project stands you cannot apply'],
      },
      { say: 'back', expect: ['Which health trust'] },
      { click: 'Hemit HF', expect: ['How large is the project'] },
      { say: '100', expect: ['Is the service innovation already in use at another health trust?'] },
      {
        click: 'No',
        expect: [
          'transfer category is for service innovations already in use',
          'A new innovation can apply as product or service innovation',
        ],
      },
    ]);
  });

  it('en: eligible with to-dos lists them with their dates', async () => {
    // The path the benchmark times (bench/conversation.ts), checked here turn by turn.
    const checks: Record<number, (string | RegExp)[]> = {
      0: ['Which call'],
      7: ['Noted as a to-do', '20 October 2022, 15:00 (in 35 days)'],
      8: ['Noted as a to-do', 'Take larger general equipment investments out of the budget'],
      9: [
        '# Yes, you can apply – once the to-dos are done',
        '[todo] Get the application signed off by the head of clinic',
        '[Start an application]',
      ],
    };
    const steps = ELIGIBILITY_SCRIPT.steps.map((step, i) => ({ ...step, expect: checks[i] ?? [] }));
    await play(chat({ locale: 'en' }), steps);
  });

  it('en: patient safety, a multiple-choice question answered with a form', async () => {
    await play(chat({ locale: 'en' }), [
      { say: 'eligibility', expect: ['Which call'] },
      { click: 'Patient safety funding 2023–2024', expect: ['Which health trust are you employed at?'] },
      { click: 'St. Olavs hospital HF', expect: ['both the project leader and the project owner'] },
      { click: 'Yes', expect: ['What will the project achieve?', '<choice aims'] },
      { click: 'Submit', inputs: { aims: 'reduce-injuries,safety-culture' }, expect: ['line manager'] },
      { say: 'back', expect: ['What will the project achieve?'] },
    ]);
  });

  it('cancelling midway makes the old buttons stale; resuming after a restart continues', async () => {
    const c = chat();
    await play(c, [
      { say: 'kan jeg søke', expect: ['Hvilken utlysning'] },
      { click: 'Pasientsikkerhetsmidler 2023–2024' },
    ]);
    expect(c.lastText()).toContain('Hvilket helseforetak er du ansatt i?');
    // The process restarts: a new engine on the same store picks up where the user was.
    c.restart();
    await play(c, [
      { click: 'St. Olavs hospital HF', turnsAgo: 0, not: ['ikke lenger aktuelt', 'Hvilket helseforetak'] },
    ]);
    await play(c, [
      { say: 'avbryt', expect: ['jeg avbrøt'] },
      { click: 'Tilbake', turnsAgo: 1, expect: ['# Dette kortet er ikke lenger aktuelt', '[Start på nytt]'] },
      { click: 'Start på nytt', expect: ['Hvilken utlysning'] },
    ]);
  });

  it('a button from a finished check is stale once another dialog has started', async () => {
    const c = chat();
    await play(c, [
      ...toTrust('kan jeg søke?', 'Produktinnovasjon'),
      { click: 'Ingen av disse', expect: ['# Nei, slik prosjektet er nå'] },
      { say: 'hvor mye kan jeg søke om?', expect: ['samlede prosjektbudsjettet'] },
      { click: 'Endre svaret', turnsAgo: 1, expect: ['ikke lenger aktuelt', '[Fortsett der jeg var]'] },
      { click: 'Fortsett der jeg var', expect: ['samlede prosjektbudsjettet'] },
    ]);
  });

  it('after the deadline: the rules are met but nothing can be handed in, and no application is offered', async () => {
    // An ended call is not offered for a new check (docs/calls-lifecycle.md): this check began on
    // the morning of the deadline and is finished the day after.
    const c = new Chat({ store: store(), at: '2022-10-20T08:00:00Z' });
    await play(c, [{ say: 'kan jeg søke' }, ...passingCheck()]);
    c.setTime('2022-10-21T08:00:00Z');
    await play(c, [
      {
        say: '15.12.2023',
        expect: [
          '# Du oppfyller kravene, men fristen har gått ut',
          'Søknadsfristen for Innovasjonsmidler 2023 gikk ut 20. oktober 2022 kl. 15.00',
          '[Se åpne utlysninger]',
        ],
        not: ['[Start søknad]', '# Ja, du kan søke'],
      },
      {
        say: 'kan jeg søke',
        expect: ['[Pasientsikkerhetsmidler 2023–2024]'],
        not: ['[Innovasjonsmidler 2023]'],
      },
    ]);
    const en = new Chat({ store: store(), at: '2022-10-21T08:00:00Z', locale: 'en', userId: 'u-en' });
    await play(en, [
      ...toBudget('how much can I ask for', 'Service innovation', { en: true }),
      { say: '1 000 000' },
      { say: '250 000' },
      { click: 'None' },
      {
        click: '0',
        expect: ['The deadline for Innovation funding 2023 was 20 October 2022'],
        not: ['[Start an application]'],
      },
    ]);
  });
});
