import { expect, it } from 'vitest';
import { play } from '../support/transcript.ts';
import { innovation, newApplication, passingCheck } from './steps.ts';
import { transcriptSuite } from './suite.ts';

const AT = '2022-09-15T10:00:00Z';

transcriptSuite('app', 'application and status transcripts', AT, ({ chat, store }) => {
  it('nb: empty status, then an application that reuses the check (call, category, trust asked once)', async () => {
    const c = chat();
    await play(c, [
      { say: 'status', expect: ['# Du har ingen søknader ennå', '[Kan jeg søke?]'] },
      { click: 'Kan jeg søke?', expect: ['Hvilken utlysning'] },
      ...passingCheck('Helse Nord-Trøndelag HF', '40'),
      { say: '1.12.2023', expect: ['# Ja, du kan søke'] },
      {
        click: 'Start søknad',
        expect: ['Hva heter prosjektet?'],
        not: ['Hvilken kategori', 'Hvilket helseforetak'],
      },
      { say: 'ab', expect: ['mellom 3 og 200 tegn', 'Hva heter prosjektet?'] },
      {
        say: 'Hjelp til selvhjelp',
        expect: [
          'Søknaden «Hjelp til selvhjelp» er opprettet',
          'Helse Nord-Trøndelag HF',
          '[done] Sjekk om du kan søke',
          '[current] Skriv søknaden etter malen',
          'Neste steg: Skriv søknaden etter malen for kategorien – innen 20. oktober 2022 kl. 15.00 (om 35 dager)',
        ],
      },
      { say: 'neste steg', expect: ['Dine søknader (1)', 'Hjelp til selvhjelp', 'om 35 dager'] },
    ]);
    const apps = await store().listApplicationsByUser('console', 'u1');
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({
      callId: 'innovasjon-2023',
      category: 'service',
      title: 'Hjelp til selvhjelp',
      verdict: 'eligible',
    });
    expect(apps[0]?.applicant.trust).toBe('helse-nord-trondelag');
    expect(await store().readAudit(apps[0]!.id)).toHaveLength(1);
  });

  it('en: a fresh application asks call, category, title and trust; "back" changes the call', async () => {
    const c = chat({ locale: 'en', userId: 'u2' });
    await play(c, [
      { say: 'new application', expect: ['Which call do you want to apply to?'] },
      // Patient safety has one category: nothing to choose, straight to the title.
      { click: 'Patient safety funding 2023–2024', expect: ['What is the project called?'] },
    ]);
    await play(c, [
      { say: 'back', expect: ['Which call do you want to apply to?'] },
      { click: 'Innovation funding 2023', expect: ['Which category'] },
      { click: 'Product innovation', expect: ['What is the project called?'] },
      { say: 'Smart pill box', expect: ['Which health trust does the project belong to?'] },
      {
        click: 'Hemit HF',
        expect: [
          'The application "Smart pill box" has been created',
          '[todo] Sign-off from the head of clinic',
          'Next step:',
          'in 35 days',
        ],
      },
      { say: 'status', expect: ['Your applications (1)', 'Smart pill box', 'Draft'] },
    ]);
  });

  it('after the deadline no application is created; status counts the days since', async () => {
    const c = chat({ userId: 'u3' });
    await play(c, newApplication('Prosjekt A', { trust: 'St. Olavs hospital HF' }));
    c.setTime('2022-10-25T10:00:00Z');
    await play(c, [
      // An ended call is not offered for a new application (docs/calls-lifecycle.md).
      {
        say: 'ny søknad',
        expect: ['[Pasientsikkerhetsmidler 2023–2024]'],
        not: ['[Innovasjonsmidler 2023]'],
      },
      {
        say: 'status',
        expect: [
          'Prosjekt A',
          'Søknadsfristen gikk ut 20. oktober 2022 kl. 15.00, og søknaden er ikke registrert som levert i Midlerbot. Etter fristen kan ingen søknad leveres.',
          '20. oktober 2022 kl. 15.00 (for 5 dager siden)',
        ],
      },
    ]);
    expect(await store().listApplicationsByUser('console', 'u3')).toHaveLength(1);
  });

  it('cancelling at the title leaves no application and makes the old card stale', async () => {
    const c = chat({ userId: 'u4' });
    await play(c, [
      ...innovation('ny søknad', 'Produktinnovasjon', ['Hva heter prosjektet?']),
      { say: 'avbryt', expect: ['jeg avbrøt'] },
      { click: 'Send', turnsAgo: 1, inputs: { title: 'Sent too late' }, expect: ['ikke lenger aktuelt'] },
    ]);
    expect(await store().listApplicationsByUser('console', 'u4')).toHaveLength(0);
  });
});
