import { expect, it } from 'vitest';
import type { DialogSettings } from '../../src/bot/dialog.ts';
import type { Application } from '../../src/domain/application.ts';
import { type Actor, cardOf, shown, World } from '../endorsement/world.ts';
import { auditActions, reload, stepOf } from '../kit/applications.ts';
import { CHIEF, KARI, KLARA, NILS, OLA, patientSafety } from './cast.ts';
import { transcriptSuite } from './suite.ts';

/**
 * The applicant moves an application along from its card in chat (dialogs/progress.ts): the check
 * for an application created without one, the draft, submission, the award and the reports. Every
 * step through the real engine and turn runner, on the memory store and on Redis.
 */

const settings: DialogSettings = {
  trustQualityChiefs: { 'st-olavs-hospital': { chief: { platform: 'teams', userId: CHIEF } } },
};

/** "ny søknad" on the innovation call, straight to a created application: no check done first. */
async function createUnchecked(kari: Actor, category: string, title: string, trust: string) {
  await kari.say('ny søknad');
  await kari.click('Innovasjonsmidler 2023');
  await kari.click(category);
  await kari.say(title);
  return kari.click(trust);
}

transcriptSuite('lifecycle', 'application lifecycle in chat', '2022-10-20T08:00:00Z', ({ store }) => {
  it('nb: an application created without a check gets its check from the card, and the verdict is saved on it', async () => {
    const world = new World(store(), '2022-09-15T10:00:00Z');
    const kari = world.person(KARI, 'Kari Nordmann');
    let replies = await createUnchecked(
      kari,
      'Tjenesteinnovasjon',
      'Hjelp til selvhjelp',
      'Helse Nord-Trøndelag HF',
    );
    expect(shown(replies)).toContain('[current] Sjekk om du kan søke');
    expect(shown(replies)).toContain('[Sjekk om du kan søke]');
    const [created] = await store().listApplicationsByUser('teams', KARI);
    if (!created) throw new Error('not created');
    expect(stepOf(created, 'eligibility')?.state).toBe('not-started');

    // "My draft is ready" cannot skip the check: the endorsement view asks for the check first.
    replies = await kari.click('Be om godkjenning');
    expect(shown(replies)).toContain('Før du ber om godkjenning må du sjekke at du kan søke');
    expect(shown(replies)).not.toContain('[Ja, søknaden er klar]');

    replies = await kari.click('Sjekk om du kan søke');
    // Call, category and the application's trust are known: the check starts with the next question.
    expect(shown(replies)).toContain('Spørsmål 2 av');
    expect(shown(replies)).not.toContain('Hvilken kategori');
    expect(shown(replies)).not.toContain('Hvilket helseforetak');
    await kari.say('40');
    await kari.say('0');
    await kari.click('Ja');
    await kari.click('Ja');
    await kari.click('Nei');
    replies = await kari.say('1.12.2023');
    const text = shown(replies);
    expect(text).toContain('# Ja, du kan søke');
    expect(text).toContain('Sjekken er lagret på søknaden «Hjelp til selvhjelp»');
    expect(text).toContain('[Se søknaden]');
    expect(text).not.toContain('[Start søknad]');
    const app = await reload(store(), created.id);
    expect(stepOf(app, 'eligibility')?.state).toBe('done');
    expect(app.verdict).toBe('eligible');
    expect(app.answers).toMatchObject({ trust: 'helse-nord-trondelag', 'position-share': 40 });
    expect(await auditActions(store(), app.id)).toEqual(['application.created', 'eligibility.checked']);

    replies = await kari.click('Se søknaden');
    expect(shown(replies)).toContain('[done] Sjekk om du kan søke');
    expect(shown(replies)).toContain('[Ferdig: Skriv søknaden etter malen for kategorien]');

    // Someone else pressing the check button of Kari's card is stopped at once.
    const ola = world.person(OLA, 'Ola Annen');
    const kariCard = cardOf((await kari.say('status')).filter((r) => r.kind === 'card'));
    const check = {
      ...kariCard,
      buttons: [
        {
          action: 'eligibility.start',
          label: 'x',
          data: { callId: 'innovasjon-2023', category: 'service', app: created.id },
        },
      ],
    };
    expect(shown(await ola.press(check, 'x'))).toContain('Bare søkeren kan endre denne søknaden.');
    // A check started from the menu is not tied to the application.
    expect(shown(await kari.say('kan jeg søke'))).toContain('Hvilken utlysning');
  });

  it('nb: a failing check from the card is saved with the reason, and the step stays open', async () => {
    const world = new World(store(), '2022-09-15T10:00:00Z');
    const kari = world.person(KARI, 'Kari Nordmann');
    await createUnchecked(kari, 'Produktinnovasjon', 'Smart seng', 'Hemit HF');
    await kari.click('Sjekk om du kan søke');
    const replies = await kari.say('10');
    const text = shown(replies);
    expect(text).toContain('# Nei, slik prosjektet er nå kan du ikke søke');
    expect(text).toContain(
      'Svarene er lagret på søknaden «Smart seng», men steget «Sjekk om du kan søke» er ikke fullført',
    );
    expect(text).not.toContain('[Prøv en annen kategori]');
    const [app] = await store().listApplicationsByUser('teams', KARI);
    expect(app?.verdict).toBe('not-eligible');
    expect(stepOf(app as Application, 'eligibility')?.state).toBe('not-started');
  });

  async function endorsedDraft(world: World) {
    const kari = world.person(KARI, 'Kari Nordmann');
    const nils = world.person(NILS, 'Nils Leder');
    const klara = world.person(KLARA, 'Klara Klinikk');
    const app = await world.draft(patientSafety(), kari.person, 'st-olavs-hospital', 'Fallforebygging');
    let replies = await kari.say('status');
    expect(shown(replies)).toContain('[Ferdig: Skriv søknaden]');
    replies = await kari.click('Ferdig: Skriv søknaden');
    expect(shown(replies)).toContain('Registrert: Skriv søknaden.');
    expect(shown(replies)).toContain('[done] Skriv søknaden');
    await kari.click('Be om godkjenning');
    await kari.click('Send forespørselen', {
      'leader-endorse-nearest-leader': NILS,
      'leader-endorse-clinic-leader': KLARA,
    });
    await nils.pressInInbox(nils.lastInbox(), 'Godkjenn');
    await klara.pressInInbox(klara.lastInbox(), 'Godkjenn');
    return { kari, nils, klara, app };
  }

  it('nb: written, endorsed, submitted after a confirmation, prioritised, awarded, then the reports', async () => {
    const world = new World(store(), '2022-10-20T08:00:00Z', settings);
    const { kari, app } = await endorsedDraft(world);
    const ola = world.person(OLA, 'Ola Annen');

    let replies = await kari.say('status');
    expect(shown(replies)).toContain('[Søknaden er levert]');
    const statusCard = cardOf(replies.filter((r) => r.kind === 'card'));
    // Someone else pressing the applicant's button changes nothing.
    expect(shown(await ola.press(statusCard, 'Søknaden er levert'))).toContain(
      'Bare søkeren kan endre denne søknaden.',
    );

    replies = await kari.click('Søknaden er levert');
    expect(shown(replies)).toContain('# Er søknaden levert?');
    expect(shown(replies)).toContain('Midlerbot leverer ikke søknaden for deg');
    expect((await reload(store(), app.id)).status).toBe('draft');
    const confirm = cardOf(replies);
    replies = await kari.press(confirm, 'Ja, den er levert');
    expect(shown(replies)).toContain('Registrert at «Fallforebygging» er levert.');
    expect((await reload(store(), app.id)).status).toBe('submitted');
    // A second press of the same confirmation is answered and changes nothing.
    replies = await kari.press(confirm, 'Ja, den er levert');
    expect(shown(replies)).toContain('Det går ikke nå: søknaden har status levert.');
    expect((await auditActions(store(), app.id)).filter((a) => a === 'application.submit')).toHaveLength(1);

    // The award waits on the trust's prioritisation.
    replies = await kari.say('status');
    expect(shown(replies)).not.toContain('[Registrer tildelingen]');
    // A crafted "record the award" press before prioritisation opens nothing and says what is missing.
    const forged = {
      kind: 'card' as const,
      blocks: [],
      buttons: [{ action: 'progress.award', label: 'x', data: { app: app.id } }],
    };
    expect(shown(await kari.press(forged, 'x'))).toContain(
      'Dette kan ikke registreres ennå. Først: Helseforetaket prioriterer søknadene.',
    );
    const chief = world.person(CHIEF, 'Kvalitetssjef');
    await chief.say('prioriter søknadene');
    await chief.click('Bekreft rekkefølgen');

    replies = await kari.say('status');
    replies = await kari.click('Registrer tildelingen');
    expect(shown(replies)).toContain('# Tildeling: Fallforebygging');
    replies = await kari.click('Tildelt', { comment: 'Tildelt 300 000 kr' });
    expect(shown(replies)).toContain('Gratulerer! «Fallforebygging» er registrert som tildelt.');
    expect(shown(replies)).toContain('[Ferdig: Rapporter status]');
    const awarded = await reload(store(), app.id);
    expect(awarded.status).toBe('awarded');
    const audit = await store().readAudit(app.id);
    expect(audit.at(-1)).toMatchObject({ action: 'award.granted', comment: 'Tildelt 300 000 kr' });

    replies = await kari.click('Ferdig: Rapporter status');
    expect(shown(replies)).toContain('Registrert: Rapporter status.');
    expect(stepOf(await reload(store(), app.id), 'status-report')?.state).toBe('done');
  });

  it('nb: the quality chief is told when an application has every approval, and finds the order in help', async () => {
    const world = new World(store(), '2022-10-20T08:00:00Z', settings);
    const chief = world.person(CHIEF, 'Kvalitetssjef');
    await endorsedDraft(world);
    const ready = chief.lastInbox();
    expect(shown(ready.message)).toContain('# Klar til prioritering: St. Olavs hospital HF');
    expect(shown(ready.message)).toContain(
      '«Fallforebygging» fra Kari Nordmann har fått alle godkjenningene',
    );
    const order = await chief.pressInInbox(ready, 'Prioriter søknadene');
    expect(shown(order)).toContain('1. Fallforebygging – Kari Nordmann');
    expect(shown(await chief.say('hjelp'))).toContain('[Prioriter søknadene]');
    const kari = world.person(KARI, 'Kari Nordmann');
    expect(shown(await kari.say('hjelp'))).not.toContain('[Prioriter søknadene]');
  });

  it('nb: "Ikke tildelt" is asked once more; only a real yes/no counts', async () => {
    const world = new World(store(), '2022-10-20T08:00:00Z', settings);
    const { kari, app } = await endorsedDraft(world);
    await kari.say('status');
    await kari.click('Søknaden er levert');
    await kari.click('Ja, den er levert');
    const chief = world.person(CHIEF, 'Kvalitetssjef');
    await chief.say('prioriter søknadene');
    await chief.click('Bekreft rekkefølgen');
    await kari.say('status');
    const awardCard = cardOf(await kari.click('Registrer tildelingen'));
    // A forged "true" as text is neither yes nor no: nothing is recorded.
    const forged = {
      ...awardCard,
      buttons: [{ action: 'progress.awarded', label: 'x', data: { app: app.id, awarded: 'true' } }],
    };
    await kari.press(forged, 'x');
    expect((await reload(store(), app.id)).status).toBe('submitted');
    let replies = await kari.press(awardCard, 'Ikke tildelt', { comment: 'For lite forankret' });
    expect(shown(replies)).toContain('# Ikke tildelt?');
    expect((await reload(store(), app.id)).status).toBe('submitted');
    replies = await kari.click('Ja, ikke tildelt');
    expect(shown(replies)).toContain('«Fallforebygging» er registrert som ikke tildelt.');
    expect((await reload(store(), app.id)).status).toBe('not-awarded');
    expect((await store().readAudit(app.id)).at(-1)).toMatchObject({
      action: 'award.refused',
      comment: 'For lite forankret',
    });
  });

  it('nb: a draft not handed in by the deadline offers only withdrawing; its steps are not marked any more', async () => {
    const world = new World(store(), '2022-10-20T08:00:00Z', settings);
    const kari = world.person(KARI, 'Kari Nordmann');
    const app = await world.draft(patientSafety(), kari.person, 'st-olavs-hospital', 'Fallforebygging');
    const before = await kari.say('status');
    world.setTime('2022-11-05T09:00:00Z');
    const replies = await kari.say('status');
    const text = shown(replies);
    expect(text).toContain(
      'Søknadsfristen gikk ut 4. november 2022, og søknaden er ikke registrert som levert i Midlerbot. Etter fristen kan ingen søknad leveres.',
    );
    expect(text).toContain('[Trekk søknaden]');
    for (const gone of ['[Ferdig: Skriv søknaden]', '[Be om godkjenning]', '[Endre søknaden]'])
      expect(text).not.toContain(gone);
    // The card from before the deadline: its buttons are refused with the reason.
    const old = cardOf(before.filter((r) => r.kind === 'card'));
    expect(shown(await kari.press(old, 'Ferdig: Skriv søknaden'))).toContain('Fristen har gått ut');
    expect(shown(await kari.press(old, 'Endre søknaden'))).toContain('Fristen har gått ut');
    expect(stepOf(await reload(store(), app.id), 'draft')?.state).toBe('not-started');
  });

  it('nb: confirming after the deadline without the day it went in asks for the day; the application stays a draft', async () => {
    const world = new World(store(), '2022-10-20T08:00:00Z', settings);
    const { kari, app } = await endorsedDraft(world);
    const replies = await kari.say('status');
    const confirm = cardOf(
      await kari.press(cardOf(replies.filter((r) => r.kind === 'card')), 'Søknaden er levert'),
    );
    world.setTime('2022-11-04T23:00:00Z');
    const asked = shown(await kari.press(confirm, 'Ja, den er levert'));
    expect(asked).toContain('Søknadsfristen har gått ut. Leverte du');
    expect(asked).toContain('senest fristdagen');
    expect((await reload(store(), app.id)).status).toBe('draft');
  });

  it('nb: withdrawing asks first, and a leader still holding a request sees it is no longer current', async () => {
    const world = new World(store(), '2022-10-20T08:00:00Z', settings);
    const kari = world.person(KARI, 'Kari Nordmann');
    const nils = world.person(NILS, 'Nils Leder');
    const app = await world.draft(patientSafety(), kari.person, 'st-olavs-hospital', 'Fallforebygging');
    await kari.say('be om godkjenning');
    await kari.click('Ja, søknaden er klar');
    await kari.click('Send forespørselen', { 'leader-endorse-nearest-leader': NILS });
    expect(shown(await kari.say('status'))).toContain(
      'venter på Nærmeste leder siden 20. oktober 2022 kl. 10.00',
    );
    const request = nils.lastInbox();
    const asked = request.message;
    expect(shown(asked)).toContain('[Godkjenn]');

    await kari.say('status');
    let replies = await kari.click('Trekk søknaden');
    expect(shown(replies)).toContain('# Trekke søknaden?');
    expect((await reload(store(), app.id)).status).toBe('draft');
    replies = await kari.click('Ja, trekk søknaden');
    expect(shown(replies)).toContain('«Fallforebygging» er trukket.');
    expect((await reload(store(), app.id)).status).toBe('withdrawn');
    expect(shown(request.message)).toContain('Denne forespørselen gjelder ikke lenger');
    expect(request.updates).toBe(1);
    // The card as it was before (a client that missed the update) cannot approve a withdrawn application.
    await nils.press(asked, 'Godkjenn');
    const after = await reload(store(), app.id);
    expect(after.status).toBe('withdrawn');
    expect(stepOf(after, 'endorse-nearest-leader')?.state).toBe('not-started');
  });

  it('en: the same buttons and answers in English', async () => {
    const world = new World(store(), '2022-10-20T08:00:00Z', settings);
    const kari: Actor = world.person(KARI, 'Kari Nordmann');
    await world.draft(patientSafety(), kari.person, 'st-olavs-hospital', 'Fall prevention');
    await kari.say('english');
    let replies = await kari.say('status');
    expect(shown(replies)).toContain('[Done: Write the application]');
    expect(shown(replies)).toContain('[Withdraw the application]');
    replies = await kari.click('Done: Write the application');
    expect(shown(replies)).toContain('Recorded: Write the application.');
    replies = await kari.click('Withdraw the application');
    expect(shown(replies)).toContain('# Withdraw the application?');
    replies = await kari.click('Yes, withdraw it');
    expect(shown(replies)).toContain('"Fall prevention" has been withdrawn.');
  });
});
