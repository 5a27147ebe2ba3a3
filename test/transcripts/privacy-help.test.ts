import { expect, it } from 'vitest';
import { Chat, play } from '../support/transcript.ts';
import { newApplication } from './steps.ts';
import { transcriptSuite } from './suite.ts';

const AT = '2022-09-15T10:00:00Z';

transcriptSuite('privacy', 'help, language and privacy transcripts', AT, ({ chat, store }) => {
  it('nb/en: help lists what the bot does and the calls with deadlines; unknown text gets help with buttons', async () => {
    const c = chat();
    await play(c, [
      {
        say: 'hjelp',
        expect: [
          '# Hei! Jeg er Midlerbot',
          'Innovasjonsmidler 2023: Frist 20. oktober 2022 kl. 15.00 (om 35 dager)',
          'Pasientsikkerhetsmidler 2023–2024: Frist 4. november 2022 (om 50 dager)',
          '[Kan jeg søke?]',
        ],
      },
      { say: 'fiskesuppe', expect: ['# Det forsto jeg ikke helt', '[Ny søknad]'] },
      { click: 'English', expect: ['I will speak English with you from now on'] },
      {
        say: 'help',
        expect: [
          '# Hi! I am Midlerbot',
          'Innovation funding 2023: Deadline 20 October 2022, 15:00 (in 35 days)',
          '[Can I apply?]',
        ],
      },
      { say: 'norsk', expect: ['snakker norsk'] },
    ]);
    c.setTime('2023-01-10T10:00:00Z');
    await play(c, [{ say: 'hjelp', expect: ['Fristen gikk ut 20. oktober 2022 kl. 15.00'] }]);
  });

  it('language switch in the middle of a dialog keeps the dialog going, now in English', async () => {
    await play(chat(), [
      { say: 'kan jeg søke' },
      { click: 'Innovasjonsmidler 2023' },
      { say: 'english', expect: ['I will speak English', '[Continue where I was]'] },
      { click: 'Continue where I was', expect: ['Which category are you applying in?'] },
      { click: 'Product innovation', expect: ['Which health trust'] },
    ]);
  });

  it('nb: privacy explains what is stored; delete asks for confirmation, then deletes and summarises', async () => {
    const c = chat();
    await play(c, [
      ...newApplication('Prosjekt som skal slettes'),
      {
        say: 'personvern',
        expect: [
          '# Hva jeg lagrer om deg',
          'slettes automatisk etter 30 dager uten aktivitet',
          '[Slett mine data]',
        ],
      },
      {
        click: 'Slett mine data',
        expect: ['# Slette alle dataene dine?', 'søknadene dine (1)', '[Ja, slett alt]'],
      },
      { click: 'Nei, behold', expect: ['ingenting ble slettet'] },
      { click: 'Ja, slett alt', turnsAgo: 1, expect: ['ikke lenger aktuelt'] },
    ]);
    expect(await store().listApplicationsByUser('console', 'u1')).toHaveLength(1);
    await play(c, [
      { say: 'slett mine data', expect: ['# Slette alle dataene dine?'] },
      { click: 'Ja, slett alt', expect: ['# Dataene dine er slettet', 'Søknader: 1', 'Profil: slettet'] },
    ]);
    expect(await store().listApplicationsByUser('console', 'u1')).toHaveLength(0);
    expect(await store().getUser('console', 'u1')).toBeNull();
    expect(await store().getDialog('console:c-u1:u1')).toBeNull();
    // The confirmation card again, after the data is gone: answered, nothing recreated.
    await play(c, [{ click: 'Ja, slett alt', turnsAgo: 1, expect: ['ikke lenger aktuelt'] }]);
    expect(await store().getDialog('console:c-u1:u1')).toBeNull();
  });

  it('en: delete my data with nothing stored', async () => {
    await play(chat({ locale: 'en', userId: 'u9' }), [
      { say: 'delete my data', expect: ['# Delete all your data?', 'your applications (0)'] },
      { say: 'cancel', expect: ['OK, I stopped there'] },
      { say: 'privacy', expect: ['# What I store about you'] },
      { click: 'Delete my data' },
      { click: 'Yes, delete everything', expect: ['# Your data has been deleted', 'Applications: 0'] },
    ]);
  });

  it('the privacy text gives the lifetime this deployment configured (DIALOG_TTL_SECONDS)', async () => {
    const settings = { dialogLifetimeSeconds: 86_400 };
    const nb = new Chat({ store: store(), at: AT, config: { dialogTtlSeconds: 86_400, settings } });
    await play(nb, [{ say: 'personvern', expect: ['slettes automatisk etter 24 timer uten aktivitet'] }]);
    const en = new Chat({ store: store(), at: AT, locale: 'en', userId: 'u-en', config: { settings } });
    await play(en, [{ say: 'privacy', expect: ['deleted automatically after 24 hours without activity'] }]);
  });
});
