import { afterEach, describe, expect, it } from 'vitest';
import type { Person } from '../../src/domain/application.ts';
import type { BotConnectorCapture, Captured } from '../support/bot-connector-capture.ts';
import {
  cardInvoke,
  cardOf,
  personalInstall,
  personalMessage,
  postActivity,
  TENANT_ID,
} from '../support/teams-fixtures.ts';
import {
  auditActions,
  type Host,
  reload,
  seedDraft,
  seedEndorsed,
  startTeamsHost,
  stepOf,
} from './http-world.ts';
import { editInputs, seedSubmittedAndPrioritised } from './progress-http-helpers.ts';

/**
 * The applicant moves an application on from its card over the real Teams endpoint
 * (dialogs/progress.ts; docs/tracker.md "The applicant's steps in chat"): "status" as a personal
 * message, then Action.Execute invokes with the data of the button pressed and the card's inputs as
 * Teams sends them. The next card of each step comes back in the invoke response (it replaces the
 * pressed card in place); notes are posted; leaders' cards are replaced by PUT. The Store is read back.
 */

const AT = '2022-10-10T08:00:00Z';
const person = (key: string, name: string, aad: string) => ({
  id: `29:${key}`,
  name,
  aadObjectId: aad,
  conversation: `a:${key}-dm`,
});
const kari = person('kari', 'Kari Nordmann', '11111111-1111-4111-8111-111111111111');
const nils = person('nils', 'Nils Leder', '22222222-2222-4222-8222-222222222222');
const klara = person('klara', 'Klara Klinikk', '33333333-3333-4333-8333-333333333333');
const ola = person('ola', 'Ola Annen', '44444444-4444-4444-8444-444444444444');
type Who = ReturnType<typeof person>;
const asPerson = (who: Who): Person => ({ platform: 'teams', userId: who.aadObjectId, name: who.name });
const CHIEF: Person = {
  platform: 'teams',
  userId: '55555555-5555-4555-8555-555555555555',
  name: 'Kvalitetssjef',
};

const APP = 'ps-teams-progress';
const TITLE = 'Tryggere overganger';
const NEAREST = 'endorse-nearest-leader';

type CardAction = {
  type?: string;
  verb?: string;
  title?: string;
  style?: string;
  associatedInputs?: string;
  data?: Record<string, unknown>;
};
type Element = Record<string, unknown>;
type CardJson = { body?: Element[]; actions?: CardAction[] };

let host: Host<BotConnectorCapture> | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function world(people: Who[]) {
  const h = await startTeamsHost(AT);
  host = h;
  const { capture, port } = h;
  const as = (who: Who) => ({
    from: { id: who.id, name: who.name, aadObjectId: who.aadObjectId },
    conversation: { conversationType: 'personal', tenantId: TENANT_ID, id: who.conversation },
  });
  for (const who of people) await postActivity(port, { ...personalInstall(capture.serviceUrl), ...as(who) });

  const say = async (who: Who, text: string) => {
    const res = await postActivity(port, { ...personalMessage(capture.serviceUrl, text), ...as(who) });
    expect(res.status).toBe(200);
  };

  /** An Action.Execute invoke on a card's button; answers with the invoke response's card, if any. */
  async function invoke(
    who: Who,
    action: CardAction | undefined,
    inputs: Record<string, unknown>,
    replyToId: string,
  ) {
    if (!action?.verb || !action.data) throw new Error('no such action on the card');
    const res = await postActivity(port, {
      ...cardInvoke(capture.serviceUrl, action.verb, action.data, inputs, replyToId),
      ...as(who),
    });
    expect(res.status).toBe(200);
    const body = res.body as { statusCode?: number; type?: string; value?: unknown } | undefined;
    const card =
      body?.type === 'application/vnd.microsoft.card.adaptive' ? (body.value as CardJson) : undefined;
    return { body, card };
  }

  const postedTo = (who: Who) => capture.posted().filter((c) => c.conversationId === who.conversation);
  const updatedIn = (who: Who) => capture.updated().filter((c) => c.conversationId === who.conversation);
  const postedWith = (who: Who, text: string) => postedTo(who).filter((c) => show(c).includes(text));

  /** "status" in the applicant's chat: the application card it posts, and its id as replyToId. */
  async function status(who: Who) {
    const before = postedTo(who).length;
    await say(who, 'status');
    const posted = postedTo(who).slice(before);
    expect(show(posted[0])).toContain('Dine søknader (1)');
    const card = posted.find((c) => cardOf(c.body) !== undefined);
    if (!card) throw new Error(`no application card: ${JSON.stringify(posted)}`);
    return { card: cardOf(card.body) as CardJson, ref: idOf(card) };
  }

  return { ...h, say, invoke, postedTo, updatedIn, postedWith, status };
}
type World = Awaited<ReturnType<typeof world>>;

const show = (c: Captured | CardJson | undefined): string =>
  JSON.stringify(c && 'body' in c && !Array.isArray(c.body) ? c.body : (c ?? {}));
const actionsOf = (card: CardJson | undefined): CardAction[] => card?.actions ?? [];
const titles = (card: CardJson | undefined) => actionsOf(card).map((a) => a.title);
const byTitle = (card: CardJson | undefined, title: string) => {
  const found = actionsOf(card).find((a) => a.title === title);
  if (!found) throw new Error(`no button ${title} in ${JSON.stringify(titles(card))}`);
  return found;
};
const inputOf = (card: CardJson | undefined, id: string) => card?.body?.find((e) => e.id === id);
/** The element right under an input: where the adapter puts the input's validation message. */
const underInput = (card: CardJson | undefined, id: string) => {
  const body = card?.body ?? [];
  return body[body.findIndex((e) => e.id === id) + 1];
};
const idOf = (c: Captured | undefined) => {
  if (!c) throw new Error('no such message');
  return `1:${c.seq}`;
};
/** The texts of what was posted to `who` since `from` (notes are plain message activities). */
const notesSince = (w: World, who: Who, from: number) =>
  w
    .postedTo(who)
    .slice(from)
    .map((c) => String(c.body.text ?? ''));

/** Kari confirms the draft and asks Nils (nearest leader) from chat; returns the card Nils got. */
async function askNils(w: World) {
  await w.say(kari, 'be om godkjenning');
  const overview = w.postedTo(kari).at(-1);
  const ready = await w.invoke(
    kari,
    byTitle(cardOf(overview?.body ?? {}) as CardJson, 'Ja, søknaden er klar'),
    {},
    idOf(overview),
  );
  await w.invoke(
    kari,
    byTitle(ready.card, 'Send forespørselen'),
    { 'leader-endorse-nearest-leader': nils.aadObjectId, 'leader-name-endorse-nearest-leader': nils.name },
    idOf(overview),
  );
  const card = w.postedWith(nils, `Godkjenning: ${TITLE}`).at(-1);
  expect(card).toBeDefined();
  return { card: cardOf(card?.body ?? {}) as CardJson, ref: idOf(card) };
}

describe('the applicant’s steps over the Teams endpoint', () => {
  it('marks the draft done from the status card; the card is replaced in place; a second press changes nothing', async () => {
    const w = await world([kari, ola]);
    await seedDraft(w.store, w.time.clock(), { id: APP, applicant: asPerson(kari), title: TITLE });
    const { card, ref } = await w.status(kari);
    expect(titles(card)).toEqual([
      'Ferdig: Skriv søknaden',
      'Be om godkjenning',
      'Endre søknaden',
      'Trekk søknaden',
    ]);
    const done = byTitle(card, 'Ferdig: Skriv søknaden');
    expect(done).toMatchObject({
      type: 'Action.Execute',
      verb: 'progress.done',
      style: 'positive',
      data: { midlerbot: { action: 'progress.done', data: { app: APP, step: 'draft' } } },
    });
    expect(byTitle(card, 'Trekk søknaden').style).toBe('destructive');

    // Someone else pressing Kari's button (a forwarded card) is told so; nothing is written.
    const before = await reload(w.store, APP);
    await w.invoke(ola, done, {}, ref);
    expect(show(w.postedTo(ola).at(-1))).toContain('Bare søkeren kan endre denne søknaden.');
    expect(await reload(w.store, APP)).toEqual(before);

    const posted = w.postedTo(kari).length;
    const pressed = await w.invoke(kari, done, {}, ref);
    // The application card as it is now comes back in the invoke response; the note is posted.
    expect(show(pressed.card)).toContain('✅ Skriv søknaden');
    expect(titles(pressed.card)).not.toContain('Ferdig: Skriv søknaden');
    expect(titles(pressed.card)).toContain('Be om godkjenning');
    expect(notesSince(w, kari, posted)).toEqual(['Registrert: Skriv søknaden.']);
    expect(w.updatedIn(kari)).toHaveLength(0);
    const stored = await reload(w.store, APP);
    expect(stepOf(stored, 'draft')).toMatchObject({ state: 'done' });
    expect(stored.status).toBe('draft');
    expect((await w.store.readAudit(APP)).at(-1)).toMatchObject({
      action: 'step.done',
      actor: { userId: kari.aadObjectId },
      platform: 'teams',
    });

    // The old card pressed again (another device): answered with the card as it is, nothing written.
    const again = await w.invoke(kari, done, {}, ref);
    expect(show(w.postedTo(kari).at(-1))).toContain('Dette er allerede registrert');
    expect(show(again.card)).toContain('✅ Skriv søknaden');
    expect((await reload(w.store, APP)).version).toBe(stored.version);
    expect(await auditActions(w.store, APP)).toEqual(['application.created', 'step.done']);
  });

  it('edit: the form is prefilled and required; an unreadable amount is shown by its field; a changed amount is saved and the leaders are told', async () => {
    const w = await world([kari, nils, klara]);
    await seedEndorsed(w.store, w.time.clock(), {
      id: APP,
      applicant: asPerson(kari),
      title: TITLE,
      leaders: [asPerson(nils), asPerson(klara)],
    });
    const { card, ref } = await w.status(kari);
    const posted = w.postedTo(kari).length;
    const form = (await w.invoke(kari, byTitle(card, 'Endre søknaden'), {}, ref)).card;

    // The form replaces the status card in place (invoke response): nothing posted, nothing PUT.
    expect(w.postedTo(kari)).toHaveLength(posted);
    expect(w.updatedIn(kari)).toHaveLength(0);
    expect(show(form)).toContain(`Endre: ${TITLE}`);
    expect(show(form)).toContain('Godkjenninger som er gitt eller bedt om, gjaldt søknaden slik den var');
    expect(inputOf(form, 'title')).toMatchObject({
      type: 'Input.Text',
      label: 'Prosjekttittel',
      value: TITLE,
      isRequired: true,
      maxLength: 200,
    });
    expect(inputOf(form, 'requested')).toMatchObject({
      type: 'Input.Text',
      label: 'Beløp du søker om (kr)',
      value: '400 000 kr',
      isRequired: true,
    });
    expect(inputOf(form, 'own')).toMatchObject({
      type: 'Input.Text',
      label: 'Egenfinansiering (kr)',
      value: '0 kr',
      isRequired: true,
    });
    // Saving sends (and lets Teams validate) the inputs; the other two buttons must not wait for them.
    expect(titles(form)).toEqual(['Lagre endringene', 'Regn ut høyeste beløp', 'Nei, tilbake']);
    const save = byTitle(form, 'Lagre endringene');
    expect(save).toMatchObject({ verb: 'progress.save', style: 'positive' });
    expect(save.associatedInputs).toBeUndefined();
    expect(byTitle(form, 'Regn ut høyeste beløp').associatedInputs).toBe('none');
    expect(byTitle(form, 'Nei, tilbake').associatedInputs).toBe('none');

    // An amount that cannot be read: the form again, with the typed values and the message under the field.
    const before = await reload(w.store, APP);
    const audit = await w.store.readAudit(APP);
    const bad = (await w.invoke(kari, save, editInputs(TITLE, 'tre hundre', '0 kr'), ref)).card;
    expect(inputOf(bad, 'requested')).toMatchObject({ value: 'tre hundre', isRequired: true });
    expect(underInput(bad, 'requested')).toMatchObject({
      type: 'TextBlock',
      color: 'Attention',
      text: 'Jeg klarte ikke å lese «tre hundre» som et beløp. Skriv for eksempel 400 000.',
    });
    expect(underInput(bad, 'own')).toBeUndefined();
    expect(inputOf(bad, 'title')).toMatchObject({ value: TITLE });
    expect(titles(bad)).toContain('Lagre endringene');
    // Nothing requested: the amount must be above 0.
    const zero = (await w.invoke(kari, save, editInputs(TITLE, '0', '0 kr'), ref)).card;
    expect(underInput(zero, 'requested')).toMatchObject({
      text: 'Beløpet du søker om må være over 0 kr.',
    });
    expect(await reload(w.store, APP)).toEqual(before);
    expect(await w.store.readAudit(APP)).toEqual(audit);
    expect(w.postedTo(kari)).toHaveLength(posted);

    const NEW_TITLE = 'Tryggere overganger i sengepost';
    const saved = (await w.invoke(kari, save, editInputs(NEW_TITLE, '300 000', '50 000'), ref)).card;
    expect(notesSince(w, kari, posted)).toEqual([
      'Søknaden er oppdatert. Be om godkjenning på nytt: lederne godkjente den slik den var.',
    ]);
    expect(show(saved)).toContain(NEW_TITLE);
    expect(saved?.body).toContainEqual(
      expect.objectContaining({
        type: 'FactSet',
        facts: expect.arrayContaining([
          { title: 'Beløp det søkes om', value: '300 000 kr' },
          { title: 'Egenfinansiering', value: '50 000 kr' },
        ]),
      }),
    );
    expect(titles(saved)).toContain('Be om godkjenning');
    const stored = await reload(w.store, APP);
    expect(stored).toMatchObject({ title: NEW_TITLE, amount: { requested: 300_000, own: 50_000 } });
    expect(stepOf(stored, 'draft')?.state).toBe('done');
    expect(stepOf(stored, NEAREST)?.state).toBe('not-started');
    expect(stepOf(stored, 'endorse-clinic-leader')?.state).toBe('not-started');
    expect((await w.store.readAudit(APP)).at(-1)).toMatchObject({
      action: 'application.edit',
      actor: { userId: kari.aadObjectId },
      platform: 'teams',
    });
    // Both leaders had approved the application as it was: each is told it no longer counts.
    for (const leader of [nils, klara]) {
      const told = w.postedWith(leader, 'gjelder ikke lenger');
      expect(told).toHaveLength(1);
      expect(String(told[0]?.body.text)).toContain(
        `Godkjenningen din av «${NEW_TITLE}» gjelder ikke lenger: Kari Nordmann har endret søknaden.`,
      );
    }
  });

  it('submit: a confirmation card first; "Ja, den er levert" records it once', async () => {
    const w = await world([kari]);
    await seedEndorsed(w.store, w.time.clock(), {
      id: APP,
      applicant: asPerson(kari),
      title: TITLE,
      leaders: [asPerson(nils), asPerson(klara)],
    });
    const { card, ref } = await w.status(kari);
    expect(titles(card)[0]).toBe('Søknaden er levert');
    const confirm = (await w.invoke(kari, byTitle(card, 'Søknaden er levert'), {}, ref)).card;
    expect(show(confirm)).toContain('Er søknaden levert?');
    expect(show(confirm)).toContain('Midlerbot leverer ikke søknaden for deg');
    expect(titles(confirm)).toEqual(['Ja, den er levert', 'Nei, tilbake']);
    expect(byTitle(confirm, 'Nei, tilbake').associatedInputs).toBe('none');
    expect((await reload(w.store, APP)).status).toBe('draft');

    const posted = w.postedTo(kari).length;
    const yes = byTitle(confirm, 'Ja, den er levert');
    const done = (await w.invoke(kari, yes, {}, ref)).card;
    expect(notesSince(w, kari, posted)).toEqual([
      `Registrert at «${TITLE}» er levert. Neste steg er tildelingen.`,
    ]);
    expect(done?.body).toContainEqual(
      expect.objectContaining({
        type: 'FactSet',
        facts: expect.arrayContaining([{ title: 'Status', value: 'Levert' }]),
      }),
    );
    expect(titles(done)).not.toContain('Søknaden er levert');
    const stored = await reload(w.store, APP);
    expect(stored.status).toBe('submitted');
    expect(stepOf(stored, 'submission')?.state).toBe('done');

    // The confirmation pressed twice: refused with the status, recorded once.
    await w.invoke(kari, yes, {}, ref);
    expect(String(w.postedTo(kari).at(-1)?.body.text)).toBe('Det går ikke nå: søknaden har status levert.');
    expect((await auditActions(w.store, APP)).filter((a) => a === 'application.submit')).toHaveLength(1);
    expect((await reload(w.store, APP)).version).toBe(stored.version);
  });

  it('award: "Ikke tildelt" with a comment asks once more, then records it with the comment', async () => {
    const w = await world([kari]);
    await seedEndorsed(w.store, w.time.clock(), {
      id: APP,
      applicant: asPerson(kari),
      title: TITLE,
      leaders: [asPerson(nils), asPerson(klara)],
    });
    await seedSubmittedAndPrioritised(
      w.store,
      APP,
      { applicant: asPerson(kari), chief: CHIEF },
      w.time.clock(),
    );
    const { card, ref } = await w.status(kari);
    expect(titles(card)).toEqual(['Registrer tildelingen', 'Trekk søknaden']);

    const award = (await w.invoke(kari, byTitle(card, 'Registrer tildelingen'), {}, ref)).card;
    expect(show(award)).toContain(`Tildeling: ${TITLE}`);
    const comment = inputOf(award, 'comment');
    expect(comment).toMatchObject({
      type: 'Input.Text',
      label: 'Kommentar (valgfritt)',
      isMultiline: true,
      maxLength: 500,
    });
    expect(comment?.isRequired).toBeUndefined();
    expect(titles(award)).toEqual(['Tildelt', 'Ikke tildelt', 'Nei, tilbake']);

    const no = byTitle(award, 'Ikke tildelt');
    expect(no.data).toEqual({
      midlerbot: { action: 'progress.awarded', data: { app: APP, awarded: false } },
    });
    const confirm = (await w.invoke(kari, no, { comment: 'For lite forankret' }, ref)).card;
    expect(show(confirm)).toContain('Ikke tildelt?');
    expect(show(confirm)).toContain('Rapportstegene faller bort');
    const yes = byTitle(confirm, 'Ja, ikke tildelt');
    expect(yes.style).toBe('destructive');
    // The comment travels on the confirmation's button: the card has no input any more.
    expect(yes.data).toEqual({
      midlerbot: {
        action: 'progress.awarded',
        data: { app: APP, awarded: false, confirmed: true, comment: 'For lite forankret' },
      },
    });
    expect((await reload(w.store, APP)).status).toBe('submitted');

    const posted = w.postedTo(kari).length;
    const done = (await w.invoke(kari, yes, {}, ref)).card;
    expect(notesSince(w, kari, posted)).toEqual([
      `«${TITLE}» er registrert som ikke tildelt. Ingen rapporter trengs.`,
    ]);
    expect(titles(done)).toEqual([]);
    const stored = await reload(w.store, APP);
    expect(stored.status).toBe('not-awarded');
    expect(stepOf(stored, 'award')).toMatchObject({ state: 'declined', comment: 'For lite forankret' });
    expect(stepOf(stored, 'status-report')?.state).toBe('not-needed');
    expect(stepOf(stored, 'project-end')?.state).toBe('not-needed');
    expect((await w.store.readAudit(APP)).at(-1)).toMatchObject({
      action: 'award.refused',
      actor: { userId: kari.aadObjectId },
      platform: 'teams',
      comment: 'For lite forankret',
    });
  });

  it('withdraw: asked first; then withdrawn, and the waiting leader’s card is replaced by PUT', async () => {
    const w = await world([kari, nils]);
    await seedDraft(w.store, w.time.clock(), { id: APP, applicant: asPerson(kari), title: TITLE });
    const leader = await askNils(w);
    expect(stepOf(await reload(w.store, APP), NEAREST)?.state).toBe('waiting');

    const { card, ref } = await w.status(kari);
    const confirm = (await w.invoke(kari, byTitle(card, 'Trekk søknaden'), {}, ref)).card;
    expect(show(confirm)).toContain('Trekke søknaden?');
    expect(show(confirm)).toContain('Dette kan ikke angres');
    expect(titles(confirm)).toEqual(['Ja, trekk søknaden', 'Nei, tilbake']);
    expect(byTitle(confirm, 'Ja, trekk søknaden').style).toBe('destructive');
    expect((await reload(w.store, APP)).status).toBe('draft');

    const posted = w.postedTo(kari).length;
    const done = (await w.invoke(kari, byTitle(confirm, 'Ja, trekk søknaden'), {}, ref)).card;
    expect(notesSince(w, kari, posted)).toEqual([`«${TITLE}» er trukket.`]);
    expect(titles(done)).toEqual([]);
    const stored = await reload(w.store, APP);
    expect(stored.status).toBe('withdrawn');
    expect(stepOf(stored, NEAREST)?.state).toBe('not-started');
    expect((await auditActions(w.store, APP)).at(-1)).toBe('application.withdraw');

    const stale = w.updatedIn(nils).filter((c) => c.activityId === leader.ref);
    expect(stale).toHaveLength(1);
    expect(show(stale[0])).toContain('Denne forespørselen gjelder ikke lenger');
    expect(cardOf(stale[0]?.body ?? {})?.actions ?? []).toHaveLength(0);
    // The leader's old buttons cannot endorse a withdrawn application.
    await w.invoke(nils, byTitle(leader.card, 'Godkjenn'), {}, leader.ref);
    expect(await reload(w.store, APP)).toEqual(stored);
  });

  // In English the form is prefilled as "NOK 400,000"; it is read in the user's language.
  it('en: an amount typed the way the English form shows it is saved', async () => {
    const w = await world([kari]);
    await seedDraft(w.store, w.time.clock(), { id: APP, applicant: asPerson(kari), title: TITLE });
    await w.say(kari, 'english');
    const { card, ref } = await (async () => {
      await w.say(kari, 'status');
      const last = w.postedTo(kari).at(-1);
      return { card: cardOf(last?.body ?? {}) as CardJson, ref: idOf(last) };
    })();
    const form = (await w.invoke(kari, byTitle(card, 'Edit the application'), {}, ref)).card;
    expect(inputOf(form, 'requested')).toMatchObject({ value: 'NOK 400,000' });
    expect(inputOf(form, 'own')).toMatchObject({ value: 'NOK 0' });
    const saved = (
      await w.invoke(kari, byTitle(form, 'Save the changes'), editInputs(TITLE, 'NOK 350,000', 'NOK 0'), ref)
    ).card;
    expect(show(saved)).not.toContain('could not read');
    expect((await reload(w.store, APP)).amount?.requested).toBe(350_000);
  });
});
