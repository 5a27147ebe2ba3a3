import { describe, expect, it } from 'vitest';
import { labels, PLATFORMS, type Shown, stepOf, useKit } from '../kit/index.ts';
import { endorsementCast } from './cast.ts';

/**
 * The applicant moves an application on from its card, over the real endpoints of each platform
 * (dialogs/progress.ts; docs/tracker.md "The applicant's steps in chat"): "status" typed in the
 * personal chat, then the card's buttons with its inputs as the platform sends them (the three-input
 * edit form is a modal on Slack). Every action answers with one message: the application card with
 * the action's note as its first text, replacing the pressed card in place. The Store is read back.
 */

const TITLE = 'Trygg utskrivning';
const NEAREST = 'endorse-nearest-leader';
const edit = (title: string, requested: string, own: string) => ({ title, requested, own });
const raw = (shown: Shown | undefined) => JSON.stringify(shown?.raw ?? {});

describe.each(PLATFORMS)('the applicant’s steps on %s', (surface) => {
  const kit = useKit(surface, { at: '2022-10-10T08:00:00Z' });
  const { kari, nils, klara, ola } = endorsementCast(kit);
  const chief = kit.user('Kvalitetssjef');
  const leaders = () => [nils.person, klara.person] as [typeof nils.person, typeof nils.person];

  /** "status" in the applicant's chat: the application card it posts. */
  async function status(heading = 'Dine søknader (1)') {
    await kari.says('status').sees(heading);
    const card = kari.replies.find((m) => m.buttons.length > 0);
    if (!card) throw new Error(`no application card:\n${kari.replies.map((m) => m.text).join('\n')}`);
    return card;
  }

  /** The action answered with one message: the pressed card, replaced in place. */
  function answeredInPlace(card: Shown, updates: number) {
    expect(kari.replies.map((m) => m.ref)).toEqual([card.ref]);
    expect(kari.now(card).updates).toBe(updates);
  }

  it('marks the draft done from the status card; the card is replaced in place with the note; a second press changes nothing', async () => {
    const app = await kari.applies({ title: TITLE });
    const card = await status();
    expect(labels(card)).toEqual([
      'Ferdig: Skriv søknaden',
      'Be om godkjenning',
      'Endre søknaden',
      'Trekk søknaden',
    ]);
    expect(card.buttons[0]).toMatchObject({
      action: 'progress.done',
      data: { app: app.id, step: 'draft' },
      style: 'primary',
    });
    expect(card.buttons.at(-1)?.style).toBe('danger');
    if (surface === 'teams')
      expect(card.buttons[0]?.press).toMatchObject({ type: 'Action.Execute', verb: 'progress.done' });

    // Someone else pressing Kari's button (a forwarded card) is told so; nothing is written.
    const before = await kit.reload(app.id);
    await ola
      .presses('Ferdig: Skriv søknaden', {}, { on: card })
      .sees('Bare søkeren kan endre denne søknaden.');
    expect(await kit.reload(app.id)).toEqual(before);

    const chat = kari.chat.length;
    await kari.presses('Ferdig: Skriv søknaden').sees('Registrert: Skriv søknaden.', '[done] Skriv søknaden');
    answeredInPlace(card, 1);
    expect(kari.chat).toHaveLength(chat);
    expect(labels(kari.now(card))).not.toContain('Ferdig: Skriv søknaden');
    expect(labels(kari.now(card))).toContain('Be om godkjenning');
    // The note is the card's first text, above its facts.
    expect(kari.now(card).text.indexOf('Registrert: Skriv søknaden.')).toBeLessThan(
      kari.now(card).text.indexOf('Utlysning:'),
    );
    if (kit.teams) expect(kit.teams.capture.updated()).toHaveLength(0);
    const stored = await kit.reload(app.id);
    expect(stepOf(stored, 'draft')).toMatchObject({ state: 'done' });
    expect(stored.status).toBe('draft');
    expect((await kit.store.readAudit(app.id)).at(-1)).toMatchObject({
      action: 'step.done',
      actor: { userId: kari.id },
      platform: surface,
    });

    // The old card pressed again (another device): the card as it is, nothing written.
    await kari
      .presses('Ferdig: Skriv søknaden', {}, { on: card })
      .sees('Dette er allerede registrert', '[done] Skriv søknaden');
    expect(kari.replies).toHaveLength(1);
    expect((await kit.reload(app.id)).version).toBe(stored.version);
    expect(await kit.audit(app.id)).toEqual(['application.created', 'step.done']);
  });

  it('edit: the form is prefilled and required; unreadable amounts and a bad title are shown by their fields; a changed amount is saved and the leaders are told', async () => {
    const app = await kari.applies({ title: TITLE, stage: 'endorsed', leaders: leaders() });
    const card = await status();
    const chat = kari.chat.length;
    await kari.presses('Endre søknaden');

    // The form replaces the status card (Teams) or opens as a modal (Slack); nothing is posted.
    const form = kari.card;
    expect(kari.chat).toHaveLength(chat);
    expect(form.kind).toBe(surface === 'slack' ? 'modal' : 'card');
    expect(form.text).toContain(`Endre: ${TITLE}`);
    expect(form.text).toContain('Godkjenninger som er gitt eller bedt om, gjaldt søknaden slik den var');
    // The patient-safety call has no own-financing rule, so the form does not ask for it (issue 15).
    expect(form.inputs).toMatchObject([
      { id: 'title', label: 'Prosjekttittel', value: TITLE, required: true },
      { id: 'requested', label: 'Beløp du søker om (kr, valgfritt)', value: '400 000 kr' },
    ]);
    expect(form.inputs[1]?.required).toBeFalsy();
    expect(form.inputs.map((i) => i.type)).toEqual(
      Array(2).fill(kit.teams ? 'Input.Text' : 'plain_text_input'),
    );
    // Saving sends (and lets the client check) the inputs; the other two buttons must not wait for them.
    expect(labels(form)).toEqual(['Lagre endringene', 'Regn ut høyeste beløp', 'Nei, tilbake']);
    expect(form.buttons[0]).toMatchObject({
      action: 'progress.save',
      data: { app: app.id },
      style: 'primary',
    });
    if (kit.teams) {
      expect(kit.teams.capture.updated()).toHaveLength(0);
      expect(raw(form)).toContain('"maxLength":200');
      expect(form.buttons.map((b) => b.press.associatedInputs)).toEqual([undefined, 'none', 'none']);
    }
    if (kit.slack) {
      const view = form.raw as { callback_id: string; private_metadata: string };
      expect(view.callback_id).toBe('midler.form');
      expect(JSON.parse(view.private_metadata)).toMatchObject({
        c: kari.identity.conversation,
        k: 'personal',
        m: card.ref,
      });
      expect(raw(form)).toContain('"max_length":200');
      // The submit is the modal's own; the other two stay as buttons in it.
      expect(form.buttons.map((b) => b.submit)).toEqual([true, undefined, undefined]);
    }

    // Amounts that cannot be read, a title too short: the form again, each message by its field.
    const before = await kit.reload(app.id);
    const audit = await kit.store.readAudit(app.id);
    const errors = async (values: ReturnType<typeof edit>) => {
      await kari.presses('Lagre endringene', values);
      return Object.fromEntries(kari.card.inputs.filter((i) => i.error).map((i) => [i.id, i.error]));
    };
    expect(await errors(edit(TITLE, 'tre hundre', '0 kr'))).toEqual({
      requested: 'Jeg klarte ikke å lese «tre hundre» som et beløp. Skriv for eksempel 400 000.',
    });
    if (kit.teams) expect(kari.card.inputs).toMatchObject([{ value: TITLE }, { value: 'tre hundre' }]);
    // An own financing sent anyway (an old card) is not read: the call has no rule for it.
    expect(await errors(edit(TITLE, '-5', '0,50'))).toEqual({
      requested: '«-5» er negativt. Skriv et beløp på 0 eller mer, for eksempel 400 000.',
    });
    expect(await errors(edit(TITLE, '0', '0 kr'))).toEqual({
      requested: 'Beløpet du søker om må være over 0 kr.',
    });
    expect(await errors(edit('ab', '300 000', '0 kr'))).toEqual({
      title: 'Tittelen må være mellom 3 og 200 tegn.',
    });
    expect(await kit.reload(app.id)).toEqual(before);
    expect(await kit.store.readAudit(app.id)).toEqual(audit);
    expect(kari.chat).toHaveLength(chat);
    if (kit.slack) expect(kit.slack.capture.of('views.update')).toHaveLength(0);

    // Saved: one message, the card with the note first (on Slack the modal closes and it is posted).
    const NEW_TITLE = 'Trygg utskrivning hjem';
    await kari
      .presses('Lagre endringene', edit(NEW_TITLE, '300 000', '50 000'))
      .sees(
        'Søknaden er oppdatert. Be om godkjenning på nytt: lederne godkjente den slik den var.',
        `# ${NEW_TITLE}`,
        'Beløp det søkes om: 300 000 kr',
        '[Be om godkjenning]',
      )
      .notSees('Egenfinansiering');
    expect(kari.replies).toHaveLength(1);
    expect(kari.modal).toBeUndefined();
    if (kit.slack) expect(kari.answer.body).toBeUndefined();
    const stored = await kit.reload(app.id);
    expect(stored).toMatchObject({ title: NEW_TITLE, amount: { requested: 300_000 } });
    expect(stored.amount?.own).toBeUndefined();
    expect(stepOf(stored, 'draft')?.state).toBe('done');
    expect(stepOf(stored, NEAREST)?.state).toBe('not-started');
    expect(stepOf(stored, 'endorse-clinic-leader')?.state).toBe('not-started');
    expect((await kit.store.readAudit(app.id)).at(-1)).toMatchObject({
      action: 'application.edit',
      actor: { userId: kari.id },
      platform: surface,
    });
    // Both leaders had approved the application as it was: each is told it no longer counts.
    for (const leader of [nils, klara]) {
      expect(leader.received('gjelder ikke lenger')).toHaveLength(1);
      expect(leader.message('gjelder ikke lenger').text).toContain(
        `Godkjenningen din av «${NEW_TITLE}» gjelder ikke lenger: Kari Nordmann har endret søknaden.`,
      );
    }
  });

  it('submit: a confirmation card first; "Ja, den er levert" records it once', async () => {
    const app = await kari.applies({ title: TITLE, stage: 'endorsed', leaders: leaders() });
    const card = await status();
    expect(labels(card)[0]).toBe('Søknaden er levert');
    await kari
      .presses('Søknaden er levert')
      .sees('Er søknaden levert?', 'Midlerbot leverer ikke søknaden for deg');
    answeredInPlace(card, 1);
    const confirm = kari.now(card);
    expect(labels(confirm)).toEqual(['Ja, den er levert', 'Nei, tilbake']);
    if (kit.teams) expect(confirm.buttons[1]?.press.associatedInputs).toBe('none');
    if (kit.slack) expect(kit.slack.capture.of('views.open')).toHaveLength(0);
    expect((await kit.reload(app.id)).status).toBe('draft');

    await kari
      .presses('Ja, den er levert')
      .sees(`Registrert at «${TITLE}» er levert. Neste steg er tildelingen.`, 'Status: Levert');
    answeredInPlace(card, 2);
    expect(labels(kari.now(card))).not.toContain('Søknaden er levert');
    const stored = await kit.reload(app.id);
    expect(stored.status).toBe('submitted');
    expect(stepOf(stored, 'submission')?.state).toBe('done');

    // The confirmation pressed twice: refused with the status, recorded once.
    await kari
      .presses('Ja, den er levert', {}, { on: confirm })
      .sees('Det går ikke nå: søknaden har status levert.');
    expect(kari.replies).toHaveLength(1);
    expect((await kit.audit(app.id)).filter((a) => a === 'application.submit')).toHaveLength(1);
    expect((await kit.reload(app.id)).version).toBe(stored.version);
  });

  it('award: "Ikke tildelt" with a comment asks once more, then records it with the comment', async () => {
    const app = await kari.applies({
      title: TITLE,
      stage: 'prioritised',
      leaders: leaders(),
      chief: chief.person,
    });
    const card = await status();
    expect(labels(card)).toEqual(['Registrer tildelingen', 'Trekk søknaden']);

    // One input: no modal; the card with its comment field replaces the status card.
    await kari.presses('Registrer tildelingen').sees(`Tildeling: ${TITLE}`);
    answeredInPlace(card, 1);
    const award = kari.now(card);
    expect(award.inputs).toEqual([
      expect.objectContaining({ id: 'comment', label: 'Kommentar (valgfritt)' }),
    ]);
    expect(award.inputs[0]?.required).toBeUndefined();
    expect(raw(award)).toMatch(
      surface === 'teams' ? /"isMultiline":true,"maxLength":500/ : /"multiline":true,"max_length":500/,
    );
    expect(labels(award)).toEqual(['Tildelt', 'Ikke tildelt', 'Nei, tilbake']);
    expect(award.buttons[1]).toMatchObject({
      action: 'progress.awarded',
      data: { app: app.id, awarded: false },
    });
    if (kit.slack) expect(kit.slack.capture.of('views.open')).toHaveLength(0);

    await kari
      .presses('Ikke tildelt', { comment: 'For lite forankret' })
      .sees('Ikke tildelt?', 'Rapportstegene faller bort');
    answeredInPlace(card, 2);
    // The comment travels on the confirmation's button: the card has no input any more.
    expect(kari.now(card).buttons[0]).toMatchObject({
      label: 'Ja, ikke tildelt',
      style: 'danger',
      action: 'progress.awarded',
      data: { app: app.id, awarded: false, confirmed: true, comment: 'For lite forankret' },
    });
    expect((await kit.reload(app.id)).status).toBe('submitted');

    await kari
      .presses('Ja, ikke tildelt')
      .sees(`«${TITLE}» er registrert som ikke tildelt. Ingen rapporter trengs.`, 'Status: Ikke tildelt');
    answeredInPlace(card, 3);
    expect(labels(kari.now(card))).toEqual([]);
    const stored = await kit.reload(app.id);
    expect(stored.status).toBe('not-awarded');
    expect(stepOf(stored, 'award')).toMatchObject({ state: 'declined', comment: 'For lite forankret' });
    expect(stepOf(stored, 'status-report')?.state).toBe('not-needed');
    expect(stepOf(stored, 'project-end')?.state).toBe('not-needed');
    expect((await kit.store.readAudit(app.id)).at(-1)).toMatchObject({
      action: 'award.refused',
      actor: { userId: kari.id },
      platform: surface,
      comment: 'For lite forankret',
    });
  });

  it('withdraw: asked first; then withdrawn, and both waiting leaders’ cards are replaced in place', async () => {
    const app = await kari.applies({ title: TITLE, stage: 'ready' });
    await kari.says('be om godkjenning').presses('Send forespørselen', {
      'leader-endorse-nearest-leader': nils,
      'leader-endorse-clinic-leader': klara,
    });
    const [nilsCard, klaraCard] = [
      nils.message(`Godkjenning: ${TITLE}`),
      klara.message(`Godkjenning: ${TITLE}`),
    ];
    expect(stepOf(await kit.reload(app.id), NEAREST)?.state).toBe('waiting');

    const card = await status();
    await kari.presses('Trekk søknaden').sees('Trekke søknaden?', 'Dette kan ikke angres');
    answeredInPlace(card, 1);
    expect(labels(kari.now(card))).toEqual(['Ja, trekk søknaden', 'Nei, tilbake']);
    expect(kari.now(card).buttons[0]?.style).toBe('danger');
    expect((await kit.reload(app.id)).status).toBe('draft');

    await kari.presses('Ja, trekk søknaden').sees(`«${TITLE}» er trukket.`);
    answeredInPlace(card, 2);
    expect(labels(kari.now(card))).toEqual([]);
    const stored = await kit.reload(app.id);
    expect(stored.status).toBe('withdrawn');
    expect(stepOf(stored, NEAREST)?.state).toBe('not-started');
    expect(stepOf(stored, 'endorse-clinic-leader')?.state).toBe('not-started');
    expect((await kit.audit(app.id)).at(-1)).toBe('application.withdraw');

    for (const [leader, old] of [
      [nils, nilsCard],
      [klara, klaraCard],
    ] as const) {
      expect(leader.now(old)).toMatchObject({ updates: 1, buttons: [] });
      expect(leader.now(old).text).toContain('Denne forespørselen gjelder ikke lenger');
    }
    // The leader's old buttons cannot approve a withdrawn application.
    await nils.presses('Godkjenn', {}, { on: nilsCard });
    expect(await kit.reload(app.id)).toEqual(stored);
  });

  // In English the form is prefilled as "NOK 400,000"; it is read in the user's language.
  it('en: an amount typed the way the English form shows it is saved', async () => {
    const ken = kit.user('Ken English', { locale: 'en' });
    const app = await ken.applies({ title: TITLE });
    await ken.says('status').sees('Your applications (1)').presses('Edit the application');
    expect(ken.card.inputs).toMatchObject([{}, { value: 'NOK 400,000' }]);
    await ken.presses('Save the changes', edit(TITLE, 'NOK 350,000', 'NOK 0')).notSees('could not read');
    expect((await kit.reload(app.id)).amount?.requested).toBe(350_000);
  });
});
