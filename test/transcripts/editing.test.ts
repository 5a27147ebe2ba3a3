import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/bot/engine.ts';
import { createdAudit } from '../../src/domain/tracker.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { shown, World } from '../endorsement/world.ts';
import { callOf, draftOf, INNOVATION, reload, stepOf } from '../kit/applications.ts';
import { realCatalog } from '../support/transcript.ts';
import { KARI, KLARA, NILS, patientSafety } from './cast.ts';
import { transcriptSuite } from './suite.ts';

/**
 * The applicant edits an application from its card in chat (dialogs/progress-edit.ts): the amount
 * after a decline, what the call does not allow, what the leaders then see; and status asked in a
 * channel. Through the real engine and turn runner, on the memory store and on Redis.
 */

transcriptSuite('edit', 'editing an application in chat', '2022-10-20T08:00:00Z', ({ store }) => {
  it('nb: after a decline the applicant edits the amount and asks again; the leaders see the new figures', async () => {
    const world = new World(store(), '2022-10-20T08:00:00Z');
    const kari = world.person(KARI, 'Kari Nordmann');
    const nils = world.person(NILS, 'Nils Leder');
    const klara = world.person(KLARA, 'Klara Klinikk');
    const app = await world.draft(patientSafety(), kari.person, 'st-olavs-hospital', 'Fallforebygging');
    await kari.say('be om godkjenning');
    await kari.click('Ja, søknaden er klar');
    await kari.click('Send forespørselen', {
      'leader-endorse-nearest-leader': NILS,
      'leader-endorse-clinic-leader': KLARA,
    });
    await nils.pressInInbox(nils.lastInbox(), 'Godkjenn');
    await klara.pressInInbox(klara.lastInbox(), 'Avslå', { comment: 'Budsjettet er for høyt' });
    const notice = kari.lastInbox();
    expect(shown(notice.message)).toContain('Budsjettet er for høyt');

    const replies = await kari.pressInInbox(notice, 'Endre søknaden');
    let text = shown(replies);
    expect(text).toContain('# Endre: Fallforebygging');
    expect(text).toContain('<text title: Prosjekttittel> = Fallforebygging');
    expect(text).toContain('<amount requested: Beløp du søker om (kr, valgfritt)> = 400 000 kr');
    expect(text).toContain('Godkjenninger som er gitt eller bedt om, gjaldt søknaden slik den var');

    const save = async (title: string, requested: string) =>
      shown(await kari.click('Lagre endringene', { title, requested }));
    text = await save('Fallforebygging', 'tre hundre');
    expect(text).toContain('! requested: Jeg klarte ikke å lese «tre hundre» som et beløp');
    expect(text).toContain('<text title: Prosjekttittel> = Fallforebygging');
    expect((await reload(store(), app.id)).amount?.requested).toBe(400_000);

    text = await save('Fallforebygging i sengepost', '300 000');
    expect(text).toContain('Søknaden er oppdatert. Be om godkjenning på nytt');
    expect(text).toContain('Beløp det søkes om: 300 000 kr');
    // The patient-safety call has no own-financing rule, so the application says nothing of it.
    expect(text).not.toContain('Egenfinansiering');
    const edited = await reload(store(), app.id);
    expect(edited).toMatchObject({ title: 'Fallforebygging i sengepost', amount: { requested: 300_000 } });
    expect(edited.amount?.own).toBeUndefined();
    expect(stepOf(edited, 'endorse-nearest-leader')?.state).toBe('not-started');
    // Nils had approved the application as it was: he is told his approval no longer counts.
    expect(shown(nils.lastInbox().message)).toContain(
      'Godkjenningen din av «Fallforebygging i sengepost» gjelder ikke lenger: Kari Nordmann har endret søknaden.',
    );
    expect((await store().readAudit(app.id)).at(-1)?.action).toBe('application.edit');

    await kari.say('be om godkjenning');
    await kari.click('Ja, søknaden er klar');
    await kari.click('Send forespørselen', {
      'leader-endorse-nearest-leader': NILS,
      'leader-endorse-clinic-leader': KLARA,
    });
    const card = shown(nils.lastInbox().message);
    expect(card).toContain('# Godkjenning: Fallforebygging i sengepost');
    expect(card).toContain('Beløp det søkes om: 300 000 kr');
    expect(card).not.toContain('Egenfinansiering');
  });

  it('nb: an amount the call does not allow is explained by the field; a waiting leader’s card goes stale on a save', async () => {
    const world = new World(store(), '2022-09-15T10:00:00Z');
    const kari = world.person(KARI, 'Kari Nordmann');
    const nils = world.person(NILS, 'Nils Leder');
    const innovation = callOf(INNOVATION);
    await world.draft(innovation, kari.person, 'st-olavs-hospital', 'Smart seng');
    await kari.say('be om godkjenning');
    await kari.click('Ja, søknaden er klar');
    await kari.click('Send forespørselen', { 'leader-anchoring': NILS });
    const request = nils.lastInbox();

    await kari.say('status');
    await kari.click('Endre søknaden');
    let replies = await kari.click('Lagre endringene', {
      title: 'Smart seng',
      requested: '600 000',
      own: '100 000',
    });
    expect(shown(replies)).toContain(
      '! requested: Med 100 000 kr i egenfinansiering kan du søke om høyst 300 000 kr: egenfinansieringen må være minst 25 % av budsjettet.',
    );
    const save = (requested: string, own: string) =>
      kari.click('Lagre endringene', { title: 'Smart seng', requested, own });
    replies = await save('800 000', '400 000');
    expect(shown(replies)).toContain('! requested: Utlysningen gir høyst 750 000 kr i denne kategorien.');
    replies = await save('-5', '0,50');
    expect(shown(replies)).toContain('! requested: «-5» er negativt.');
    expect(shown(replies)).toContain('! own: «0,50» er ikke hele kroner.');
    replies = await save('0', '0');
    expect(shown(replies)).toContain('! requested: Beløpet du søker om må være over 0 kr.');
    replies = await save('500 000', '200 000');
    expect(shown(replies)).toContain('Søknaden er oppdatert. Be om godkjenning på nytt');
    expect(shown(request.message)).toContain('Denne forespørselen gjelder ikke lenger');
  });

  it('nb: no approval is asked before the amount is entered; the leader then sees it', async () => {
    const world = new World(store(), '2022-09-15T10:00:00Z');
    const kari = world.person(KARI, 'Kari Nordmann');
    const nils = world.person(NILS, 'Nils Leder');
    await kari.say('kan jeg søke');
    await kari.click('Innovasjonsmidler 2023');
    await kari.click('Tjenesteinnovasjon');
    await kari.click('Helse Nord-Trøndelag HF');
    for (const answer of ['40', '0']) await kari.say(answer);
    for (const answer of ['Ja', 'Ja', 'Nei']) await kari.click(answer);
    await kari.say('1.12.2023');
    await kari.click('Start søknad');
    await kari.say('Hjelp til selvhjelp');
    const [app] = await store().listApplicationsByUser('teams', KARI);
    if (!app) throw new Error('not created');
    let replies = await kari.say('be om godkjenning');
    expect(shown(replies)).toContain('Før du ber om godkjenning: legg inn beløpet du søker om');
    expect(shown(replies)).not.toContain('<person leader-anchoring');
    // A crafted send without the amount asks nobody.
    const forged = {
      kind: 'card' as const,
      blocks: [],
      buttons: [{ action: 'endorsement.send', label: 'x', data: { app: app.id } }],
    };
    await kari.press(forged, 'x', { 'leader-anchoring': NILS });
    expect((await reload(store(), app.id)).steps.find((s) => s.id === 'anchoring')?.state).toBe(
      'not-started',
    );
    replies = await kari.click('Endre søknaden');
    await kari.click('Lagre endringene', {
      title: 'Hjelp til selvhjelp',
      requested: '450 000',
      own: '150 000',
    });
    await kari.say('be om godkjenning');
    await kari.click('Ja, søknaden er klar');
    await kari.click('Send forespørselen', { 'leader-anchoring': NILS });
    expect(shown(nils.lastInbox().message)).toContain('Beløp det søkes om: 450 000 kr');
    expect(shown(nils.lastInbox().message)).toContain('Egenfinansiering: 150 000 kr');
  });

  it('en: the edit form and its answers in English', async () => {
    const world = new World(store(), '2022-10-20T08:00:00Z');
    const kari = world.person(KARI, 'Kari Nordmann');
    await world.draft(patientSafety(), kari.person, 'st-olavs-hospital', 'Fall prevention');
    await kari.say('english');
    await kari.say('status');
    let replies = await kari.click('Edit the application');
    expect(shown(replies)).toContain('# Edit: Fall prevention');
    replies = await kari.click('Save the changes', {
      title: 'Fall prevention',
      requested: '400 000',
    });
    expect(shown(replies)).toContain('Nothing has changed.');
    replies = await kari.say('status');
    replies = await kari.click('Edit the application');
    replies = await kari.click('Save the changes', {
      title: 'Fall prevention',
      requested: '350 000',
    });
    expect(shown(replies)).toContain('The application is updated.');
    expect(shown(replies)).toContain('Amount requested: NOK 350,000');
  });
});

describe('status outside a personal chat', () => {
  it("one person's applications go to their own chat; the channel hears only that (nb and en)", async () => {
    const store = createMemoryStore();
    const kari = { platform: 'teams' as const, userId: KARI, name: 'Kari Nordmann' };
    const draft = draftOf({ id: 'a1', applicant: kari, title: 'HEMMELIG' }, new Date('2022-10-20T08:00:00Z'));
    await store.createApplication(draft, createdAudit(draft, kari));
    const engine = createEngine({
      store,
      catalog: realCatalog(),
      clock: () => new Date('2022-10-20T08:00:00Z'),
    });
    for (const [locale, said] of [
      ['nb', 'Kari Nordmann, jeg har sendt deg søknadene dine i en personlig melding.'],
      ['en', 'Kari Nordmann, I have sent you your applications in a personal message.'],
    ] as const) {
      const result = await engine.handle({
        platform: 'teams',
        user: { id: KARI, name: 'Kari Nordmann', locale },
        conversation: { id: '19:channel@thread.tacv2', kind: 'channel' },
        action: { id: 'status.start', data: {} },
        at: new Date('2022-10-20T08:00:00Z'),
      });
      expect(shown(result.replies)).toBe(said);
      expect(shown(result.replies)).not.toContain('HEMMELIG');
      expect(result.notify.every((n) => n.to.userId === KARI && n.purpose === 'status.private')).toBe(true);
      expect(shown(result.notify.map((n) => n.message))).toContain('HEMMELIG');
      expect(result.notify[0]?.unreachable).toBeDefined();
    }
    await store.close();
  });
});
