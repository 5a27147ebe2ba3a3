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
  chiefSettings,
  type Host,
  reload,
  seedDraft,
  seedEndorsed,
  startTeamsHost,
  stepOf,
} from './http-world.ts';

/**
 * Whole endorsement flows over the real Teams endpoint (issue 7): activities and Action.Execute
 * invokes POSTed to /api/messages, what the bot sends captured at the local Bot Connector (posts and
 * in-place PUTs), and the Store read back. Leaders press the buttons of the card they received, with
 * its data and its activity id as replyToId, as Teams sends them.
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

const APP = 'ps-teams-flow';
const TITLE = 'Tryggere overganger';
const NEAREST = 'endorse-nearest-leader';

type CardAction = { verb?: string; title?: string; data?: Record<string, unknown> };
type CardJson = { body?: unknown[]; actions?: CardAction[] };

let host: Host<BotConnectorCapture> | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** One test's world: the host, who has the app, and how each person talks to it. */
async function world(people: Who[], extra: Parameters<typeof startTeamsHost>[1] = {}) {
  const h = await startTeamsHost(AT, extra);
  host = h;
  const { capture, port, store } = h;
  const as = (who: Who) => ({
    from: { id: who.id, name: who.name, aadObjectId: who.aadObjectId },
    conversation: { conversationType: 'personal', tenantId: TENANT_ID, id: who.conversation },
  });
  for (const who of people) await postActivity(port, { ...personalInstall(capture.serviceUrl), ...as(who) });

  const say = (who: Who, text: string) =>
    postActivity(port, { ...personalMessage(capture.serviceUrl, text), ...as(who) });

  /** An Action.Execute invoke on a card's button; answers with the invoke response's card, if any. */
  async function invoke(
    who: Who,
    action: CardAction | undefined,
    inputs: Record<string, unknown>,
    replyToId: string,
  ) {
    if (!action?.verb || !action.data) throw new Error('no such action on the card');
    const activity = {
      ...cardInvoke(capture.serviceUrl, action.verb, action.data, inputs, replyToId),
      ...as(who),
    };
    const res = await postActivity(port, activity);
    expect(res.status).toBe(200);
    const body = res.body as { type?: string; value?: unknown } | undefined;
    const card =
      body?.type === 'application/vnd.microsoft.card.adaptive' ? (body.value as CardJson) : undefined;
    return { activity, res, card };
  }

  const postedTo = (who: Who) => capture.posted().filter((c) => c.conversationId === who.conversation);
  const updatedIn = (who: Who) => capture.updated().filter((c) => c.conversationId === who.conversation);
  const postedWith = (who: Who, text: string) => postedTo(who).filter((c) => show(c).includes(text));

  return { ...h, as, say, invoke, postedTo, updatedIn, postedWith, store };
}

const show = (c: Captured | CardJson | undefined): string =>
  JSON.stringify(c && 'body' in c && !Array.isArray(c.body) ? c.body : (c ?? {}));
const actionsOfCard = (card: CardJson | undefined): CardAction[] => card?.actions ?? [];
const actionsOf = (c: Captured | undefined): CardAction[] =>
  (cardOf(c?.body ?? {})?.actions ?? []) as CardAction[];
const byTitle = (actions: CardAction[], title: string) => actions.find((a) => a.title === title);
/** The id the Bot Connector gave a posted activity: what Teams sends back as replyToId. */
const idOf = (c: Captured | undefined) => {
  if (!c) throw new Error('no such message');
  return `1:${c.seq}`;
};

type World = Awaited<ReturnType<typeof world>>;

/** Kari confirms the draft is ready and asks Nils (nearest leader) from chat; returns Nils's card. */
async function ask(w: World, leader: Who = nils) {
  await w.say(kari, 'be om godkjenning');
  const overview = w.postedTo(kari).at(-1);
  const ready = await w.invoke(
    kari,
    byTitle(actionsOf(overview), 'Ja, søknaden er klar'),
    {},
    idOf(overview),
  );
  const sent = await w.invoke(
    kari,
    byTitle(actionsOfCard(ready.card), 'Send forespørselen'),
    {
      'leader-endorse-nearest-leader': leader.aadObjectId,
      'leader-name-endorse-nearest-leader': leader.name,
    },
    idOf(overview),
  );
  expect(show(w.postedTo(kari).at(-1))).toContain(`Forespørselen er sendt til ${leader.name}`);
  const card = w.postedWith(leader, `Godkjenning: ${TITLE}`).at(-1);
  expect(card, JSON.stringify(w.capture.posted().map((c) => c.conversationId))).toBeDefined();
  return { card, ref: idOf(card), overview: sent.card, overviewRef: idOf(overview) };
}

describe('endorsement flows over the Teams endpoint', () => {
  it('more information: the applicant answers, the leader sees the answer on the same card, then approves', async () => {
    const w = await world([kari, nils]);
    await seedDraft(w.store, w.time.clock(), { id: APP, applicant: asPerson(kari), title: TITLE });
    const { card, ref } = await ask(w);
    const more = byTitle(actionsOf(card), 'Be om mer informasjon');

    const empty = await w.invoke(nils, more, {}, ref);
    expect(show(empty.card)).toContain('Skriv hva du lurer på');
    const asked = await w.invoke(nils, more, { comment: 'Hvem er med i prosjektgruppen?' }, ref);
    expect(show(asked.card)).toContain('Du spurte: «Hvem er med i prosjektgruppen?»');
    expect(show(asked.card)).toContain('Svaret kommer hit.');
    const question = w.postedWith(kari, 'ber om mer informasjon').at(-1);
    expect(show(question)).toContain(`Nils Leder ber om mer informasjon om «${TITLE}»`);

    const send = byTitle(actionsOf(question), 'Send svaret');
    const noAnswer = await w.invoke(kari, send, {}, idOf(question));
    expect(show(noAnswer.card)).toContain('Skriv et svar før du sender');
    await w.invoke(kari, send, { answer: 'To sykepleiere og en farmasøyt.' }, idOf(question));

    // The leader's card from before is replaced in place (PUT on its activity) with the answer.
    const refreshed = w
      .updatedIn(nils)
      .filter((c) => c.activityId === ref)
      .at(-1);
    expect(show(refreshed)).toContain('Svar fra Kari Nordmann: «To sykepleiere og en farmasøyt.»');
    expect(show(w.postedTo(nils).at(-1))).toContain('Kari Nordmann har svart på spørsmålet ditt');

    const approved = await w.invoke(nils, byTitle(actionsOf(refreshed), 'Godkjenn'), {}, ref);
    expect(show(approved.card)).toContain('Godkjent av Nils Leder');
    expect(stepOf(await reload(w.store, APP), NEAREST)).toMatchObject({
      state: 'done',
      decidedBy: { userId: nils.aadObjectId },
    });
    // The exchange stays in the audit trail: who asked what, who answered, who decided.
    const trail = (await w.store.readAudit(APP)).filter((e) => e.action.startsWith('endorsement.'));
    expect(trail.map((e) => [e.action, 'userId' in e.actor ? e.actor.userId : '', e.comment])).toEqual([
      ['endorsement.request', kari.aadObjectId, undefined],
      ['endorsement.more-info', nils.aadObjectId, 'Hvem er med i prosjektgruppen?'],
      ['endorsement.answer', kari.aadObjectId, 'To sykepleiere og en farmasøyt.'],
      ['endorsement.approve', nils.aadObjectId, undefined],
    ]);
    expect(w.postedWith(kari, 'Nils Leder har godkjent')).toHaveLength(1);
  });

  it('withdraw: the leader’s card is updated to “no longer current”; pressing it changes nothing', async () => {
    const w = await world([kari, nils]);
    await seedDraft(w.store, w.time.clock(), { id: APP, applicant: asPerson(kari), title: TITLE });
    const { card, ref, overview, overviewRef } = await ask(w);

    const withdrawn = await w.invoke(
      kari,
      byTitle(actionsOfCard(overview), 'Trekk tilbake: Godkjenning fra nærmeste leder'),
      {},
      overviewRef,
    );
    expect(show(w.postedTo(kari).at(-1))).toContain('Forespørselen til Nils Leder er trukket tilbake');
    expect(show(withdrawn.card)).not.toContain('venter på Nils Leder');
    const stale = w.updatedIn(nils).filter((c) => c.activityId === ref);
    expect(stale).toHaveLength(1);
    expect(show(stale[0])).toContain('Denne forespørselen gjelder ikke lenger');
    expect(actionsOf(stale[0])).toHaveLength(0);

    // A second device still shows the old buttons: the press answers with the stale card, nothing is written.
    const version = (await reload(w.store, APP)).version;
    const press = await w.invoke(nils, byTitle(actionsOf(card), 'Godkjenn'), { comment: 'ok' }, ref);
    expect(show(press.card)).toContain('gjelder ikke lenger');
    const stored = await reload(w.store, APP);
    expect(stored.version).toBe(version);
    expect(stepOf(stored, NEAREST)?.state).toBe('not-started');
    expect(await auditActions(w.store, APP)).toEqual([
      'application.created',
      'step.done',
      'endorsement.request',
      'endorsement.withdraw',
    ]);
    expect(w.postedWith(kari, 'har godkjent')).toHaveLength(0);
  });

  it('replace the leader: the old card goes stale, the old leader is refused, the new one decides', async () => {
    const w = await world([kari, nils, ola]);
    await seedDraft(w.store, w.time.clock(), { id: APP, applicant: asPerson(kari), title: TITLE });
    const { card, ref, overview, overviewRef } = await ask(w);

    const form = await w.invoke(
      kari,
      byTitle(actionsOfCard(overview), 'Bytt leder: Godkjenning fra nærmeste leder'),
      {},
      overviewRef,
    );
    expect(show(form.card)).toContain('Forespørselen venter nå på Nils Leder');
    await w.invoke(
      kari,
      byTitle(actionsOfCard(form.card), 'Send'),
      {
        'leader-endorse-nearest-leader': ola.aadObjectId,
        'leader-name-endorse-nearest-leader': ola.name,
      },
      overviewRef,
    );
    expect(w.postedWith(kari, 'Forespørselen er flyttet fra Nils Leder til Ola Annen')).toHaveLength(1);
    expect(show(w.updatedIn(nils).find((c) => c.activityId === ref))).toContain('gjelder ikke lenger');
    const olaCard = w.postedWith(ola, `Godkjenning: ${TITLE}`).at(-1);
    expect(show(olaCard)).toContain('Kari Nordmann ber deg om: Godkjenning fra nærmeste leder');

    const old = await w.invoke(nils, byTitle(actionsOf(card), 'Godkjenn'), {}, ref);
    expect(show(old.card)).toContain('gjelder ikke lenger');
    expect(stepOf(await reload(w.store, APP), NEAREST)).toMatchObject({
      state: 'waiting',
      waitingOn: { userId: ola.aadObjectId },
      round: 2,
    });

    const decided = await w.invoke(ola, byTitle(actionsOf(olaCard), 'Godkjenn'), {}, idOf(olaCard));
    expect(show(decided.card)).toContain('Godkjent av Ola Annen');
    expect(stepOf(await reload(w.store, APP), NEAREST)).toMatchObject({
      state: 'done',
      decidedBy: { userId: ola.aadObjectId },
    });
    const audit = await auditActions(w.store, APP);
    expect(audit).toContain('endorsement.replace-leader');
    expect(audit.filter((a) => a === 'endorsement.approve')).toHaveLength(1);
    expect(w.postedWith(nils, `Godkjenning: ${TITLE}`)).toHaveLength(1);
  });

  it('a decision after the call deadline is refused, the card stays, and nothing changes', async () => {
    const w = await world([kari, nils]);
    await seedDraft(w.store, w.time.clock(), { id: APP, applicant: asPerson(kari), title: TITLE });
    const { card, ref } = await ask(w);
    w.time.set('2022-11-05T09:00:00Z');
    const before = await reload(w.store, APP);
    const audit = await w.store.readAudit(APP);

    for (const _click of [1, 2]) {
      const press = await w.invoke(nils, byTitle(actionsOf(card), 'Godkjenn'), { comment: 'sent' }, ref);
      // No card in the invoke answer: Teams leaves the card with its buttons as it was.
      expect(press.card).toBeUndefined();
      const said = show(w.postedTo(nils).at(-1));
      expect(said).toContain('Fristen for utlysningen har gått ut');
    }
    expect(await reload(w.store, APP)).toEqual(before);
    expect(await w.store.readAudit(APP)).toEqual(audit);
    expect(w.updatedIn(nils)).toHaveLength(0);
    expect(w.postedWith(kari, 'har godkjent')).toHaveLength(0);
  });

  it('the quality chief orders three applications from one trust and confirms; applicants are told their place', async () => {
    const chief = person('chief', 'Kvalitetssjef Kari', 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
    const applicants = [1, 2, 3].map((n) =>
      person(`soker${n}`, `Søker ${n}`, `e${n}eeeeee-eeee-4eee-8eee-eeeeeeeeeeee`),
    );
    const w = await world(
      [chief, ...applicants],
      chiefSettings({ 'st-olavs-hospital': { chief: `teams:${chief.aadObjectId}` } }, true),
    );
    const leaders: [Person, Person] = [asPerson(nils), asPerson(klara)];
    const titles = ['Fallforebygging', 'Trygg utskrivning', 'Legemiddelsamstemming'];
    const ids = titles.map((_t, i) => `ps-prio-${i + 1}`);
    for (const [i, title] of titles.entries()) {
      const applicant = applicants[i];
      if (!applicant) throw new Error('applicant');
      await seedEndorsed(w.store, w.time.clock(), {
        id: ids[i] ?? '',
        applicant: asPerson(applicant),
        title,
        leaders,
      });
    }

    await w.say(chief, 'prioriter søknadene');
    const list = w.postedTo(chief).at(-1);
    expect(show(list)).toContain('Prioriter søknadene fra St. Olavs hospital HF');
    expect(show(list)).toMatch(
      /1\. Fallforebygging – Søker 1.*2\. Trygg utskrivning – Søker 2.*3\. Legemiddelsamstemming/,
    );

    // Each press answers with the reordered card in place of the clicked one.
    let shown = await w.invoke(
      chief,
      byTitle(actionsOf(list), 'Flytt opp: Legemiddelsamstemming'),
      {},
      idOf(list),
    );
    shown = await w.invoke(
      chief,
      byTitle(actionsOfCard(shown.card), 'Flytt opp: Legemiddelsamstemming'),
      {},
      idOf(list),
    );
    expect(show(shown.card)).toMatch(
      /1\. Legemiddelsamstemming – Søker 3.*2\. Fallforebygging – Søker 1.*3\. Trygg utskrivning – Søker 2/,
    );
    const confirmed = await w.invoke(
      chief,
      byTitle(actionsOfCard(shown.card), 'Bekreft rekkefølgen'),
      {},
      idOf(list),
    );
    expect(show(confirmed.card)).toContain('Rekkefølgen ble sist bekreftet');
    expect(show(w.postedTo(chief).at(-1))).toContain(
      'Rekkefølgen er bekreftet, og søkerne får beskjed. Søknader i rekkefølgen: 3.',
    );

    const ranks = await Promise.all(ids.map(async (id) => (await reload(w.store, id)).priorityRank));
    expect(ranks).toEqual([2, 3, 1]);
    for (const [i, applicant] of applicants.entries()) {
      const told = w.postedWith(applicant, 'har prioritert søknaden');
      expect(told).toHaveLength(1);
      expect(show(told[0])).toContain(`«${titles[i]}» som nummer ${ranks[i]} av 3`);
    }
    const first = await reload(w.store, ids[0] ?? '');
    expect(stepOf(first, 'trust-prioritisation')).toMatchObject({
      state: 'done',
      decidedBy: { userId: chief.aadObjectId },
    });
    expect((await w.store.readAudit(ids[2] ?? '')).at(-1)).toMatchObject({
      action: 'prioritisation.confirm',
      actor: { userId: chief.aadObjectId },
      platform: 'teams',
    });
  });
});
