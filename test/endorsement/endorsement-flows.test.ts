import { expect, it } from 'vitest';
import type { Application } from '../../src/domain/application.ts';
import { callOf, PATIENT_SAFETY } from '../kit/applications.ts';
import { transcriptSuite } from '../transcripts/suite.ts';
import { type Actor, cardOf, shown, World } from './world.ts';

const AT = '2022-10-10T08:00:00Z';
const KARI = '11111111-1111-4111-8111-111111111111';
const NILS = '22222222-2222-4222-8222-222222222222';
const KLARA = '33333333-3333-4333-8333-333333333333';
const OLA = '44444444-4444-4444-8444-444444444444';
const nearest = { person: 'leader-endorse-nearest-leader', name: 'leader-name-endorse-nearest-leader' };
const clinic = { person: 'leader-endorse-clinic-leader', name: 'leader-name-endorse-clinic-leader' };
const patientSafety = () => callOf(PATIENT_SAFETY);

transcriptSuite('endorsement-flows', 'endorsement transcripts', AT, ({ store }) => {
  async function setUp() {
    const world = new World(store(), AT);
    const kari = world.person(KARI, 'Kari Nordmann');
    const nils = world.person(NILS, 'Nils Leder');
    const klara = world.person(KLARA, 'Klara Klinikk');
    const ola = world.person(OLA, 'Ola Annen');
    const app = await world.draft(
      patientSafety(),
      kari.person,
      'st-olavs-hospital',
      'Tryggere legemiddelhåndtering',
    );
    return { world, kari, nils, klara, ola, app };
  }

  /** The applicant asks Nils (nearest leader) and Klara (clinic leader) from the chat. */
  async function ask(kari: Actor, extra: Record<string, unknown> = {}) {
    let replies = await kari.say('be om godkjenning');
    expect(shown(replies)).toContain('Skriv søknaden');
    replies = await kari.click('Ja, søknaden er klar');
    expect(shown(replies)).toContain('<person leader-endorse-nearest-leader');
    replies = await kari.click('Send forespørselen', {
      [nearest.person]: NILS,
      [nearest.name]: 'Nils Leder',
      [clinic.person]: KLARA,
      [clinic.name]: 'Klara Klinikk',
      note: 'Budsjettet ligger i vedlegget.',
      ...extra,
    });
    return replies;
  }

  /** Kari has asked both leaders; `posted` is the request card in Nils's chat. */
  async function asked() {
    const world = await setUp();
    await ask(world.kari);
    return { ...world, posted: world.nils.lastInbox() };
  }

  const reload = async (id: string): Promise<Application> => {
    const app = await store().getApplication(id);
    if (!app) throw new Error('application gone');
    return app;
  };
  const step = (app: Application, id: string) => app.steps.find((s) => s.id === id);
  const actions = async (id: string) => (await store().readAudit(id)).map((e) => e.action);

  it('request: each leader gets a card with the facts; the steps show who it waits on and since when', async () => {
    const { kari, nils, klara, app } = await setUp();
    const replies = await ask(kari);
    const text = shown(replies);
    expect(text).toContain('Forespørselen er sendt til Nils Leder, Klara Klinikk');
    expect(text).toMatch(/venter på Nils Leder siden 10\. oktober 2022 kl\. 10.00/);
    const card = shown(nils.lastInbox().message);
    for (const fact of [
      '# Godkjenning: Tryggere legemiddelhåndtering',
      'Kari Nordmann ber deg om: Godkjenning fra nærmeste leder',
      'Søker: Kari Nordmann, St. Olavs hospital HF',
      'Utlysning: Pasientsikkerhetsmidler',
      'Kategori: Pasientsikkerhetsprosjekt',
      'Beløp det søkes om: 400 000 kr',
      'Vurdering av om de kan søke: Oppfyller kravene i utlysningen',
      'Søknadsfrist: 4. november 2022',
      'Melding fra søkeren: «Budsjettet ligger i vedlegget.»',
      '[Godkjenn]',
      '[Avslå]',
      '[Be om mer informasjon]',
    ]) {
      expect(card).toContain(fact);
    }
    // Patient safety has no own-financing rule, so the leader is not shown "Egenfinansiering 0 kr".
    expect(card).not.toContain('Egenfinansiering');
    expect(shown(klara.lastInbox().message)).toContain('Godkjenning fra klinikkleder');
    const stored = await reload(app.id);
    expect(step(stored, 'endorse-nearest-leader')).toMatchObject({
      state: 'waiting',
      waitingOn: { userId: NILS },
      round: 1,
    });
    expect(await actions(app.id)).toEqual([
      'application.created',
      'step.done',
      'endorsement.request',
      'endorsement.request',
    ]);
  });

  it('approve: the card is replaced in place with the outcome, the applicant is told at once', async () => {
    const { kari, nils, app, posted } = await asked();
    const replies = await nils.pressInInbox(posted, 'Godkjenn', { comment: 'Godt prosjekt' });
    const decided = cardOf(replies);
    expect(decided.replaces).toBe(posted.ref);
    expect(decided.buttons).toBeUndefined();
    expect(shown(posted.message)).toMatch(/Godkjent av Nils Leder 10\. oktober 2022 kl\. 10.00/);
    expect(shown(kari.lastInbox().message)).toContain(
      'Nils Leder har godkjent «Tryggere legemiddelhåndtering»',
    );
    expect(shown(kari.lastInbox().message)).toContain('Kommentar: «Godt prosjekt»');
    const stored = await reload(app.id);
    expect(step(stored, 'endorse-nearest-leader')).toMatchObject({
      state: 'done',
      decidedBy: { userId: NILS },
    });
    const audit = await store().readAudit(app.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'endorsement.approve',
      actor: { userId: NILS },
      platform: 'teams',
      comment: 'Godt prosjekt',
    });
  });

  it('decline needs a comment (asked again inline); with one the draft reopens and the applicant asks again', async () => {
    const { kari, klara, app } = await setUp();
    await ask(kari);
    const posted = klara.lastInbox();
    const before = await reload(app.id);
    const again = cardOf(await klara.pressInInbox(posted, 'Avslå'));
    expect(again.errors?.comment).toContain('begrunnelse');
    expect(again.replaces).toBe(posted.ref);
    expect((await reload(app.id)).version).toBe(before.version);

    await klara.pressInInbox(posted, 'Avslå', { comment: 'Budsjettet må ned' });
    const notice = kari.lastInbox().message;
    expect(shown(notice)).toContain(
      'Klara Klinikk har avslått «Tryggere legemiddelhåndtering» (Godkjenning fra klinikkleder): «Budsjettet må ned»',
    );
    const stored = await reload(app.id);
    expect(stored.status).toBe('draft');
    expect(step(stored, 'draft')?.state).toBe('not-started');
    expect(step(stored, 'endorse-clinic-leader')).toMatchObject({
      state: 'declined',
      comment: 'Budsjettet må ned',
    });

    // The applicant edits and asks again from the notice.
    let replies = await kari.pressInInbox(kari.lastInbox(), 'Be om godkjenning');
    expect(shown(replies)).toContain('avslått av Klara Klinikk');
    replies = await kari.click('Ja, søknaden er klar');
    replies = await kari.click('Send forespørselen', {
      [clinic.person]: KLARA,
      [clinic.name]: 'Klara Klinikk',
    });
    expect(shown(replies)).toContain('Forespørselen er sendt til Klara Klinikk');
    expect(step(await reload(app.id), 'endorse-clinic-leader')).toMatchObject({ state: 'waiting', round: 2 });
    expect(klara.inbox()).toHaveLength(2);
  });

  it('more information: the applicant answers, the leader sees the answer on the same card and approves', async () => {
    const { kari, nils, app, posted } = await asked();
    const missing = cardOf(await nils.pressInInbox(posted, 'Be om mer informasjon'));
    expect(missing.errors?.comment).toBeDefined();
    await nils.pressInInbox(posted, 'Be om mer informasjon', { comment: 'Hvem er med i prosjektgruppen?' });
    expect(shown(posted.message)).toContain('Du spurte: «Hvem er med i prosjektgruppen?»');
    const question = kari.lastInbox().message;
    expect(shown(question)).toContain('Nils Leder ber om mer informasjon om «Tryggere legemiddelhåndtering»');

    const empty = await kari.press(question, 'Send svaret', {});
    expect(cardOf(empty).errors?.answer).toBeDefined();
    await kari.press(question, 'Send svaret', { answer: 'To sykepleiere og en farmasøyt.' });
    expect(shown(posted.message)).toContain('Svar fra Kari Nordmann: «To sykepleiere og en farmasøyt.»');
    expect(shown(nils.lastInbox().message)).toContain('Kari Nordmann har svart på spørsmålet ditt');

    await nils.pressInInbox(posted, 'Godkjenn');
    expect(step(await reload(app.id), 'endorse-nearest-leader')?.state).toBe('done');
    expect(await actions(app.id)).toEqual(
      expect.arrayContaining(['endorsement.more-info', 'endorsement.answer', 'endorsement.approve']),
    );
  });

  it('withdraw: the leader’s card says it is no longer current, and pressing it changes nothing', async () => {
    const { kari, nils, app, posted } = await asked();
    const replies = await kari.click('Trekk tilbake: Nærmeste leder');
    expect(shown(replies)).toContain('Forespørselen til Nils Leder er trukket tilbake');
    expect(shown(posted.message)).toContain('gjelder ikke lenger');
    expect(posted.updates).toBe(1);
    const version = (await reload(app.id)).version;
    await nils.press(cardOfCardBefore(posted), 'Godkjenn', { comment: 'ok' }, posted.ref);
    expect(shown(nils.turns.at(-1) ?? [])).toContain('gjelder ikke lenger');
    expect((await reload(app.id)).version).toBe(version);
    expect(step(await reload(app.id), 'endorse-nearest-leader')?.state).toBe('not-started');
  });

  it('replace the leader: the old card is stale, the old leader is refused, the new one decides', async () => {
    const { world, kari, nils, ola, app } = await setUp();
    await ask(kari);
    const old = nils.lastInbox();
    const oldCard = old.message;
    await kari.click('Bytt leder: Nærmeste leder');
    const replies = await kari.click('Send', { [nearest.person]: OLA, [nearest.name]: 'Ola Annen' });
    expect(shown(replies)).toContain('Forespørselen er flyttet fra Nils Leder til Ola Annen');
    expect(shown(old.message)).toContain('gjelder ikke lenger');
    await nils.press(oldCard, 'Godkjenn', undefined, old.ref);
    expect(step(await reload(app.id), 'endorse-nearest-leader')).toMatchObject({
      state: 'waiting',
      waitingOn: { userId: OLA },
      round: 2,
    });
    await ola.pressInInbox(ola.lastInbox(), 'Godkjenn');
    expect(step(await reload(app.id), 'endorse-nearest-leader')).toMatchObject({
      state: 'done',
      decidedBy: { userId: OLA },
    });
    expect(await actions(app.id)).toContain('endorsement.replace-leader');
    expect(world.platform.chats.get(NILS)).toHaveLength(1);
  });

  it('a third person pressing the buttons is refused and nothing changes (forwarded card, crafted data)', async () => {
    const { ola, app, posted } = await asked();
    const before = await reload(app.id);
    const audit = await store().readAudit(app.id);
    for (const label of ['Godkjenn', 'Avslå', 'Be om mer informasjon']) {
      const replies = await ola.press(posted.message, label, { comment: 'jeg bestemmer' });
      expect(shown(replies)).toContain(
        'Bare Nils Leder kan avgjøre denne forespørselen. Ingenting er endret.',
      );
      expect(replies.every((r) => r.kind === 'text')).toBe(true);
    }
    // Button data naming someone else changes nothing: the decider is the authenticated user.
    await ola.press(
      {
        kind: 'card',
        blocks: [],
        buttons: [
          {
            action: 'leader.decide',
            label: 'x',
            data: { app: app.id, step: 'endorse-nearest-leader', round: 1, decision: 'approve', by: NILS },
          },
        ],
      },
      'x',
    );
    expect(await reload(app.id)).toEqual(before);
    expect(await store().readAudit(app.id)).toEqual(audit);
    expect(shown(posted.message)).toContain('[Godkjenn]');
  });

  it('a double click, a retried invoke and two replicas at once give one decision', async () => {
    const { world, kari, nils, app, posted } = await asked();
    const card = posted.message;
    const other = world.runner();
    await Promise.all([
      nils.press(card, 'Godkjenn', undefined, posted.ref),
      nils.press(card, 'Godkjenn', undefined, posted.ref, other),
      nils.press(card, 'Avslå', { comment: 'nei' }, posted.ref, other),
    ]);
    const again = await nils.press(card, 'Godkjenn', undefined, posted.ref);
    expect(shown(again)).toContain('Avgjørelsen er allerede registrert');
    const decisions = (await actions(app.id)).filter(
      (a) => a === 'endorsement.approve' || a === 'endorsement.decline',
    );
    expect(decisions).toHaveLength(1);
    const told = kari.inbox().filter((p) => /har (godkjent|avslått)/.test(shown(p.message)));
    expect(told).toHaveLength(1);
    expect(shown(posted.message)).toMatch(/(Godkjent|Avslått) av Nils Leder/);
  });

  it('a decision after the call deadline is refused and changes nothing', async () => {
    const { world, kari, nils, app } = await setUp();
    await ask(kari);
    world.setTime('2022-11-05T09:00:00Z');
    const before = await reload(app.id);
    const replies = await nils.pressInInbox(nils.lastInbox(), 'Godkjenn');
    expect(shown(replies)).toContain('Fristen for utlysningen har gått ut');
    expect(await reload(app.id)).toEqual(before);
    expect(shown(nils.lastInbox().message)).toContain('[Godkjenn]');
    // A second click gets the reason again: nothing was recorded, nothing is held.
    const again = await nils.pressInInbox(nils.lastInbox(), 'Godkjenn');
    expect(shown(again)).toContain('Fristen for utlysningen har gått ut');
  });

  it('a leader without the app: the applicant is told how to get it to them; the request stays pending', async () => {
    const { world, kari, app } = await setUp();
    world.platform.installed.delete(NILS);
    const replies = await ask(kari);
    expect(shown(replies)).toContain(
      'Jeg får ikke sendt meldingen til Nils Leder: de har ikke Midlerbot i Teams ennå',
    );
    expect(step(await reload(app.id), 'endorse-nearest-leader')?.state).toBe('waiting');
    world.platform.installed.add(NILS);
    const resent = await kari.click('Send på nytt til Nils Leder');
    expect(shown(resent)).toContain('Forespørselen er sendt på nytt til Nils Leder');
    expect(world.platform.chats.get(NILS)).toHaveLength(1);
  });

  it('a typed name when no user can be picked: the step waits on the name, the applicant learns what to do', async () => {
    const { kari, app } = await setUp();
    const replies = await ask(kari, { [nearest.person]: 'Nils på avdeling 3', [nearest.name]: '' });
    expect(shown(replies)).toContain('Jeg fant ingen bruker for «Nils på avdeling 3»');
    expect(step(await reload(app.id), 'endorse-nearest-leader')).toMatchObject({
      state: 'waiting',
      waitingOn: { name: 'Nils på avdeling 3' },
    });
  });

  it('"hva venter på meg?" lists what waits on the leader; deciding there updates the card sent earlier', async () => {
    const { nils, app, posted } = await asked();
    const list = await nils.say('hva venter på meg?');
    expect(shown(list)).toContain('Dette venter på deg (1)');
    await nils.click('Godkjenn');
    expect(shown(posted.message)).toContain('Godkjent av Nils Leder');
    expect(step(await reload(app.id), 'endorse-nearest-leader')?.state).toBe('done');
    expect(shown(await nils.say('pending'))).toContain('Ingenting venter på deg nå');
  });
});

/** The card a person still has on screen from before an update (a second device that did not refresh). */
function cardOfCardBefore(posted: { message: import('../../src/bot/messages.ts').Outbound }) {
  return {
    kind: 'card' as const,
    blocks: [],
    buttons: [
      {
        action: 'leader.decide',
        label: 'Godkjenn',
        data: { ...decideData(posted.message), decision: 'approve' },
      },
    ],
  };
}

function decideData(card: import('../../src/bot/messages.ts').Outbound): Record<string, unknown> {
  const id = card.kind === 'card' ? (card.cardId ?? '') : '';
  const [, app, step, round] = id.split(':');
  return { app, step, round: Number(round) };
}
