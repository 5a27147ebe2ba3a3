import { expect, it } from 'vitest';
import type { Person } from '../../src/domain/application.ts';
import { createdAudit } from '../../src/domain/tracker.ts';
import { type Actor, shown, World } from '../endorsement/world.ts';
import { draftOf } from '../kit/applications.ts';
import { play } from '../support/transcript.ts';
import { transcriptSuite } from '../transcripts/suite.ts';

/**
 * Issue 15, item 1: the patient-safety call sets no amount. The bot says so (and that the trust ranks
 * the applications), asks for own financing only where a call requires it, and lets the leaders be
 * asked without an amount the call does not require.
 */

const AT = '2022-10-10T08:00:00Z';
const KARI = '11111111-1111-4111-8111-111111111111';
const NILS = '22222222-2222-4222-8222-222222222222';

transcriptSuite('amount-rules', 'calls without an amount rule', AT, ({ chat, store }) => {
  it('nb: the calculator names no limit for patient safety and says the trust ranks', async () => {
    await play(chat(), [
      { say: 'hvor mye kan jeg søke om' },
      { click: /Pasientsikkerhetsmidler/, expect: ['samlede prosjektbudsjettet'] },
      {
        say: '50 mill',
        expect: [
          '# Utlysningen setter ikke noe beløp',
          'helseforetaket prioriterer søknadene',
          '> Kvalitetssjef eller tilsvarende',
          'Budsjett som kan dekkes: 50 000 000 kr',
        ],
        not: [
          'inntil',
          'Intet tak',
          'øvre grense',
          'Høyeste søknadsbeløp',
          'annen finansiering',
          'Egenfinansiering',
        ],
      },
    ]);
  });

  it('en: the same in English', async () => {
    await play(chat({ locale: 'en' }), [
      { say: 'how much can I apply for' },
      { click: /Patient safety/ },
      {
        say: '50 mill',
        expect: ['# The call sets no amount', 'the trust ranks the applications'],
        not: ['up to', 'No cap', 'Largest amount', 'other funding', 'Own financing'],
      },
    ]);
  });

  it('nb: the category list does not say "ingen øvre grense"', async () => {
    await play(chat(), [{ say: 'kan jeg søke', not: ['øvre grense'] }]);
  });

  async function draftWithoutAmount(world: World, kari: Person) {
    const app = draftOf(
      { id: 'app-ps', applicant: kari, title: 'Tryggere legemiddelhåndtering', amount: undefined },
      world.now(),
    );
    return store().createApplication(app, createdAudit(app, kari));
  }

  for (const locale of ['nb', 'en'] as const) {
    it(`${locale}: leaders can be asked without an amount; the edit form has no own financing; the leader sees none`, async () => {
      const world = new World(store(), AT);
      const kari: Actor = world.person(KARI, 'Kari Nordmann');
      const nils = world.person(NILS, 'Nils Leder');
      await draftWithoutAmount(world, kari.person);
      if (locale === 'en') await kari.say('english');
      let replies = await kari.say(locale === 'nb' ? 'be om godkjenning' : 'ask for approval');
      replies = await kari.click(locale === 'nb' ? 'Ja, søknaden er klar' : 'Yes, it is ready');
      const asked = shown(replies);
      expect(asked).toContain('<person leader-endorse-nearest-leader');
      expect(asked).not.toMatch(/legg inn beløpet|enter the amount/);
      replies = await kari.click(locale === 'nb' ? 'Send forespørselen' : /Send the request/, {
        'leader-endorse-nearest-leader': NILS,
        'leader-name-endorse-nearest-leader': 'Nils Leder',
      });
      const card = shown(nils.lastInbox().message);
      expect(card).not.toMatch(/Egenfinansiering|Own financing/);
      replies = await kari.say('status');
      replies = await kari.click(locale === 'nb' ? 'Endre søknaden' : 'Edit the application');
      const form = shown(replies);
      expect(form).not.toMatch(/<amount own/);
      expect(form).toMatch(/Utlysningen setter ikke noe beløp|The call sets no amount/);
      replies = await kari.click(locale === 'nb' ? 'Lagre endringene' : 'Save the changes', {
        title: 'Tryggere legemiddelhåndtering i klinikken',
        requested: '',
      });
      expect(shown(replies)).toMatch(/Søknaden er oppdatert|The application is updated/);
    });
  }
});
