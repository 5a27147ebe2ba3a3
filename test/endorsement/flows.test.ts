import { describe, expect, it } from 'vitest';
import { type Persona, PLATFORMS, stepOf, useKit } from '../kit/index.ts';
import { endorsementCast } from './cast.ts';

/**
 * Whole endorsement flows over the real endpoints, once per platform from one description: Teams
 * (activities and Action.Execute invokes at /api/messages, Bot Connector captured) and Slack (signed
 * events, block_actions and modals at /slack/events, Web API captured). Leaders press the buttons of
 * the card they received; the Store is read back.
 */

const TITLE = 'Tryggere overganger';
const NEAREST = 'endorse-nearest-leader';

describe.each(PLATFORMS)('endorsement flows on %s', (surface) => {
  const kit = useKit(surface, { at: '2022-10-10T08:00:00Z' });
  const { kari, nils, klara, ola } = endorsementCast(kit);

  /**
   * Kari confirms the draft is ready and asks Nils (nearest) and Klara (clinic leader) with a note;
   * on Slack the form opens as a modal (a press brings a trigger id).
   */
  async function ask(leader: Persona = nils) {
    const app = await kari.applies({ title: TITLE });
    await kari
      .says('be om godkjenning')
      .sees('Skriv søknaden', 'Er søknaden klar til å vises til lederen?')
      .presses('Ja, søknaden er klar')
      .presses('Send forespørselen', {
        'leader-endorse-nearest-leader': leader,
        'leader-endorse-clinic-leader': klara,
        note: 'Budsjettet ligger i vedlegget.',
      })
      .sees(
        `Forespørselen er sendt til ${leader.name}, Klara Klinikk`,
        /venter på .* siden 10\. oktober 2022/,
      )
      .as(leader)
      .receives(
        `Godkjenning: ${TITLE}`,
        'Kari Nordmann ber deg om: Godkjenning fra nærmeste leder',
        'Melding fra søkeren: «Budsjettet ligger i vedlegget.»',
      );
    const card = leader.inbox.at(-1);
    if (!card) throw new Error(`${leader.name} got no card`);
    return { app, card };
  }

  it('approve: a third person is refused; the leader’s card is replaced in place; a redelivery and a second press are one decision', async () => {
    const { app, card } = await ask();

    // Someone else presses the leader's buttons (a forwarded card): refused, nothing stored changes, the card stays.
    const before = await kit.reload(app.id);
    await ola
      .presses('Godkjenn', { comment: 'ok' }, { on: card })
      .sees('Bare Nils Leder kan avgjøre denne forespørselen');
    if (kit.teams) expect(JSON.stringify(ola.answer.body)).not.toContain('AdaptiveCard');
    expect(nils.now(card).updates).toBe(0);
    expect(await kit.reload(app.id)).toEqual(before);

    // The leader approves with a comment: the card is replaced in place with the outcome, no buttons left.
    await nils.presses('Godkjenn', { comment: 'Støttes' }).sees('Godkjent av Nils Leder');
    expect(nils.now(card)).toMatchObject({ updates: 1, buttons: [] });
    if (kit.teams) expect(JSON.stringify(nils.now(card).raw)).not.toContain('Action.Execute');
    if (kit.slack) expect(JSON.stringify(nils.now(card).raw)).not.toContain('"type":"button"');
    await kari.receives(`Nils Leder har godkjent «${TITLE}»`);

    // The platform retries the same delivery, and the leader presses again on a second device: one decision.
    await nils.redelivers();
    await nils.presses('Godkjenn', {}, { on: card });
    if (kit.teams) expect(JSON.stringify(nils.answer.body)).toContain('Godkjent av Nils Leder');
    expect((await kit.audit(app.id)).filter((a) => a === 'endorsement.approve')).toHaveLength(1);
    expect(kari.received('har godkjent')).toHaveLength(1);
    expect(stepOf(await kit.reload(app.id), NEAREST)).toMatchObject({
      state: 'done',
      decidedBy: { platform: surface, userId: nils.id },
      comment: 'Støttes',
    });
  });

  it('decline: a comment is required first (asked inline); then the applicant is told with it and the draft reopens', async () => {
    const { app, card } = await ask();
    const before = await kit.reload(app.id);

    // No comment: the card is shown again in place with the field's message; nothing is written.
    await nils.presses('Avslå').sees('Skriv en kort begrunnelse når du avslår');
    expect(nils.now(card).updates).toBe(1);
    expect(nils.now(card).buttons.map((b) => b.label)).toContain('Avslå');
    expect(await kit.reload(app.id)).toEqual(before);
    expect(kari.received('har avslått')).toHaveLength(0);

    await nils.presses('Avslå', { comment: 'Budsjettet må ned' }).sees('Avslått av Nils Leder');
    expect(nils.now(card)).toMatchObject({ updates: 2, buttons: [] });
    await kari.receives(
      `Nils Leder har avslått «${TITLE}» (Godkjenning fra nærmeste leder): «Budsjettet må ned»`,
    );
    const stored = await kit.reload(app.id);
    expect(stored.status).toBe('draft');
    expect(stepOf(stored, 'draft')?.state).toBe('not-started');
    expect(stepOf(stored, NEAREST)).toMatchObject({
      state: 'declined',
      comment: 'Budsjettet må ned',
      decidedBy: { platform: surface, userId: nils.id },
    });
    expect((await kit.store.readAudit(app.id)).at(-1)).toMatchObject({
      action: 'endorsement.decline',
      actor: { userId: nils.id },
      platform: surface,
      comment: 'Budsjettet må ned',
    });

    // The applicant carries on from the notice: it is replaced in place by the overview, which
    // shows the decline and asks for the draft again.
    const notice = kari.message('har avslått');
    await kari.presses('Be om godkjenning').sees('Budsjettet må ned', 'Ja, søknaden er klar');
    expect(kari.now(notice)).toMatchObject({ updates: 1 });
    expect(kari.now(notice).text).toContain('[Ja, søknaden er klar]');
  });

  it('more information: the applicant answers, the leader sees the answer on the same card, then approves', async () => {
    const { app, card } = await ask();

    await nils.presses('Be om mer informasjon').sees('Skriv hva du lurer på');
    await nils
      .presses('Be om mer informasjon', { comment: 'Hvem er med i prosjektgruppen?' })
      .sees('Du spurte: «Hvem er med i prosjektgruppen?»', 'Svaret kommer hit.');
    await kari.receives(`Nils Leder ber om mer informasjon om «${TITLE}»`);
    const question = kari.message('ber om mer informasjon');

    // No answer: the question card is shown again in place, with the hint under its field.
    await kari.presses('Send svaret').sees('Skriv et svar før du sender');
    expect(kari.now(question).updates).toBe(1);
    await kari.presses('Send svaret', { answer: 'To sykepleiere og en farmasøyt.' });

    // The leader's card from before is replaced in place with the answer, and a short message tells them.
    const refreshed = nils.now(card);
    expect(refreshed.text).toContain('Svar fra Kari Nordmann: «To sykepleiere og en farmasøyt.»');
    expect(refreshed.buttons.map((b) => b.label)).toContain('Godkjenn');
    await nils.receives('Kari Nordmann har svart på spørsmålet ditt');
    expect(nils.received('Kari Nordmann har svart på spørsmålet ditt')).toHaveLength(1);

    await nils.presses('Godkjenn', {}, { on: refreshed }).sees('Godkjent av Nils Leder');
    expect(stepOf(await kit.reload(app.id), NEAREST)).toMatchObject({
      state: 'done',
      decidedBy: { userId: nils.id },
    });
    // The exchange stays in the audit trail: who asked what, who answered, who decided, on which platform.
    const trail = (await kit.store.readAudit(app.id)).filter((e) => e.action.startsWith('endorsement.'));
    expect(
      trail.map((e) => [e.action, 'userId' in e.actor ? e.actor.userId : '', e.platform, e.comment]),
    ).toEqual([
      ['endorsement.request', kari.id, surface, 'Budsjettet ligger i vedlegget.'],
      ['endorsement.request', kari.id, surface, 'Budsjettet ligger i vedlegget.'],
      ['endorsement.more-info', nils.id, surface, 'Hvem er med i prosjektgruppen?'],
      ['endorsement.answer', kari.id, surface, 'To sykepleiere og en farmasøyt.'],
      ['endorsement.approve', nils.id, surface, undefined],
    ]);
    expect(kari.received('Nils Leder har godkjent')).toHaveLength(1);
  });

  it('withdraw: the leader’s card is updated to “no longer current”; pressing it changes nothing', async () => {
    const { app, card } = await ask();
    const overview = kari.target('Trekk tilbake: Nærmeste leder');

    await kari.presses('Trekk tilbake: Nærmeste leder');
    expect(kari.received('Forespørselen til Nils Leder er trukket tilbake')).toHaveLength(1);
    // Teams answers the press with the overview in place of the pressed one.
    if (kit.teams) expect(kari.now(overview).text).not.toContain('venter på Nils Leder');
    expect(nils.now(card)).toMatchObject({ updates: 1, buttons: [] });
    expect(nils.now(card).text).toContain('Denne forespørselen gjelder ikke lenger');

    // A second device still shows the old buttons: the press answers with the stale card, nothing is written.
    const version = (await kit.reload(app.id)).version;
    await nils.presses('Godkjenn', { comment: 'ok' }, { on: card }).sees('gjelder ikke lenger');
    const stored = await kit.reload(app.id);
    expect(stored.version).toBe(version);
    expect(stepOf(stored, NEAREST)?.state).toBe('not-started');
    expect(stepOf(stored, 'endorse-clinic-leader')?.state).toBe('waiting');
    expect(await kit.audit(app.id)).toEqual([
      'application.created',
      'step.done',
      'endorsement.request',
      'endorsement.request',
      'endorsement.withdraw',
    ]);
    expect(kari.received('har godkjent')).toHaveLength(0);
  });

  it('replace the leader (a modal on Slack): the old card goes stale, the old leader is refused, the new one decides', async () => {
    const { app, card } = await ask();

    await kari.presses('Bytt leder: Nærmeste leder').sees('Forespørselen venter nå på Nils Leder');
    expect(kari.card.kind).toBe(surface === 'slack' ? 'modal' : 'card');
    await kari.presses('Send', { 'leader-endorse-nearest-leader': ola });
    // Slack: the submission's ack closes the modal (no response_action).
    if (kit.slack)
      expect((kari.answer.body as { response_action?: string } | undefined)?.response_action).toBeUndefined();
    expect(kari.received('Forespørselen er flyttet fra Nils Leder til Ola Annen')).toHaveLength(1);
    expect(nils.now(card).text).toContain('gjelder ikke lenger');
    const olaCard = ola.message(`Godkjenning: ${TITLE}`);
    expect(olaCard.text).toContain('Kari Nordmann ber deg om: Godkjenning fra nærmeste leder');

    const before = await kit.reload(app.id);
    await nils.presses('Godkjenn', {}, { on: card }).sees('gjelder ikke lenger');
    expect(await kit.reload(app.id)).toEqual(before);
    expect(stepOf(before, NEAREST)).toMatchObject({
      state: 'waiting',
      waitingOn: { userId: ola.id },
      round: 2,
    });

    await ola.presses('Godkjenn', { comment: 'Støttes' }).sees('Godkjent av Ola Annen');
    expect(ola.now(olaCard).text).toContain('Godkjent av Ola Annen');
    expect(stepOf(await kit.reload(app.id), NEAREST)).toMatchObject({
      state: 'done',
      decidedBy: { userId: ola.id },
      comment: 'Støttes',
    });
    const audit = await kit.audit(app.id);
    expect(audit).toContain('endorsement.replace-leader');
    expect(audit.filter((a) => a === 'endorsement.approve')).toHaveLength(1);
    expect(nils.received(`Godkjenning: ${TITLE}`)).toHaveLength(1);
  });

  it('a decision after the call deadline is refused, the card stays, and nothing changes', async () => {
    const { app, card } = await ask();
    kit.at('2022-11-05T09:00:00Z');
    const before = await kit.reload(app.id);
    const audit = await kit.store.readAudit(app.id);

    for (const _press of [1, 2]) {
      await nils
        .presses('Godkjenn', { comment: 'sent' }, { on: card })
        .sees('Fristen for utlysningen har gått ut');
      // No card in the answer: the card stays with its buttons as it was.
      if (kit.teams) expect(JSON.stringify(nils.answer.body ?? {})).not.toContain('AdaptiveCard');
    }
    expect(nils.now(card).updates).toBe(0);
    if (kit.teams) expect(kit.teams.capture.updated()).toHaveLength(0);
    expect(await kit.reload(app.id)).toEqual(before);
    expect(await kit.store.readAudit(app.id)).toEqual(audit);
    expect(kari.received('har godkjent')).toHaveLength(0);
  });

  it('the quality chief orders three applications from one trust and confirms; applicants are told their place', async () => {
    const chief = kit.user('Kvalitetssjef Kari');
    const applicants = [1, 2, 3].map((n) => kit.user(`Søker ${n}`));
    await kit.configure({ chiefs: { 'st-olavs-hospital': chief }, showPriorityRank: true });
    const titles = ['Fallforebygging', 'Trygg utskrivning', 'Legemiddelsamstemming'];
    const ids: string[] = [];
    for (const [i, applicant] of applicants.entries()) {
      const app = await applicant.applies({
        id: `ps-prio-${i + 1}`,
        title: titles[i] ?? '',
        stage: 'endorsed',
        leaders: [nils.person, klara.person],
      });
      ids.push(app.id);
    }

    await chief
      .says('prioriter søknadene')
      .sees(
        'Prioriter søknadene fra St. Olavs hospital HF',
        /1\. Fallforebygging – Søker 1[\s\S]*2\. Trygg utskrivning – Søker 2[\s\S]*3\. Legemiddelsamstemming/,
      );
    const list = chief.card;
    // Each press answers with the reordered list in place of the pressed one.
    await chief.presses('Flytt opp: Legemiddelsamstemming').presses('Flytt opp: Legemiddelsamstemming');
    expect(chief.now(list).updates).toBe(2);
    expect(chief.now(list).text).toMatch(
      /1\. Legemiddelsamstemming – Søker 3[\s\S]*2\. Fallforebygging – Søker 1[\s\S]*3\. Trygg utskrivning – Søker 2/,
    );
    await chief.presses('Bekreft rekkefølgen');
    expect(
      chief.received('Rekkefølgen er bekreftet, og søkerne får beskjed. Søknader i rekkefølgen: 3.'),
    ).toHaveLength(1);
    if (kit.teams) expect(chief.now(list).text).toContain('Rekkefølgen ble sist bekreftet');

    const ranks = await Promise.all(ids.map(async (id) => (await kit.reload(id)).priorityRank));
    expect(ranks).toEqual([2, 3, 1]);
    for (const [i, applicant] of applicants.entries()) {
      const told = applicant.received('har prioritert søknaden');
      expect(told).toHaveLength(1);
      expect(told[0]?.text).toContain(`«${titles[i]}» som nummer ${ranks[i]} av 3`);
    }
    expect(stepOf(await kit.reload(ids[0] ?? ''), 'trust-prioritisation')).toMatchObject({
      state: 'done',
      decidedBy: { platform: surface, userId: chief.id },
    });
    expect((await kit.store.readAudit(ids[2] ?? '')).at(-1)).toMatchObject({
      action: 'prioritisation.confirm',
      actor: { userId: chief.id },
      platform: surface,
    });
  });
});
