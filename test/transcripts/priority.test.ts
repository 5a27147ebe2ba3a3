import { it } from 'vitest';
import { play } from '../support/transcript.ts';
import { innovation } from './steps.ts';
import { transcriptSuite } from './suite.ts';

const AT = '2022-09-15T10:00:00Z';

transcriptSuite('prio', 'priority-area transcripts', AT, ({ chat }) => {
  it('nb: service innovation, two areas picked, quoted; product innovation has none', async () => {
    await play(chat(), [
      ...innovation('satsingsområder', 'Tjenesteinnovasjon', [
        'Hvilke av disse områdene',
        'Pasientmedvirkning (prioritert)',
        '<choice areas',
      ]),
      {
        click: 'Send',
        inputs: { areas: 'patient-participation,patient-logistics' },
        expect: [
          'Prosjektet treffer',
          'Pasientmedvirkning (prioritert)',
          '> Pasientlogistikk',
          'Andre områder i utlysningen',
          'Psykisk helse og rus',
        ],
      },
      { click: 'Velg på nytt', expect: ['Hvilke av disse områdene'] },
      { click: 'Send', inputs: { areas: [] }, expect: ['treffer ingen av satsingsområdene'] },
      { say: 'tilbake' },
      { say: 'tilbake', expect: ['Hvilken kategori'] },
      {
        click: 'Produktinnovasjon',
        expect: [
          'nevner ingen satsingsområder',
          '> For kategorien produktinnovasjon er det ingen prioriterte områder.',
        ],
      },
    ]);
  });

  it('en: the areas of the patient safety call, cancelled midway', async () => {
    await play(chat({ locale: 'en' }), [
      { say: 'priority areas', expect: ['Which call is it for?'] },
      {
        click: 'Patient safety funding 2023–2024',
        expect: [/national medical quality registries|Which category/],
      },
      { say: 'cancel', expect: ['OK, I stopped there'] },
      { click: 'Cancel', turnsAgo: 1, expect: ['That card is no longer current'] },
    ]);
  });
});
