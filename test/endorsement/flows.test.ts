import { describe, expect, it } from 'vitest';
import { type Persona, PLATFORMS, stepOf, useKit } from '../kit/index.ts';

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
  const kari = kit.user('Kari Nordmann');
  const nils = kit.user('Nils Leder');
  const klara = kit.user('Klara Klinikk');

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
    return { app, card: leader.inbox.at(-1) };
  }

  it('decline: a comment is required first (asked inline); then the applicant is told with it and the draft reopens', async () => {
    const { app } = await ask();
    const before = await kit.reload(app.id);

    // No comment: the card is shown again in place with the field's message; nothing is written.
    await nils.presses('Avslå').sees('Skriv en kort begrunnelse når du avslår');
    const card = nils.inbox.at(-1);
    expect(card?.updates).toBe(1);
    expect(card?.buttons.map((b) => b.label)).toContain('Avslå');
    expect(await kit.reload(app.id)).toEqual(before);
    expect(kari.received('har avslått')).toHaveLength(0);

    await nils.presses('Avslå', { comment: 'Budsjettet må ned' }).sees('Avslått av Nils Leder');
    expect(nils.now(card ?? nils.card)).toMatchObject({ updates: 2, buttons: [] });
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
});
