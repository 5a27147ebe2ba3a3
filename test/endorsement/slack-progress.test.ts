import { afterEach, describe, expect, it } from 'vitest';
import type { Person } from '../../src/domain/application.ts';
import { press, responses } from '../slack/requests.ts';
import type { SlackCall, SlackCapture } from '../support/slack-capture.ts';
import {
  DM,
  directMessage,
  OTHER_USER,
  postSlack,
  type SlackRequest,
  USER,
  viewSubmission,
} from '../support/slack-fixtures.ts';
import {
  auditActions,
  type Host,
  reload,
  seedDraft,
  seedEndorsed,
  startSlackFlowHost,
  stepOf,
} from './http-world.ts';
import { editState, seedSubmittedAndPrioritised } from './progress-http-helpers.ts';

/**
 * The applicant moves an application on from its card over the real Slack endpoint
 * (dialogs/progress.ts; docs/tracker.md "The applicant's steps in chat"): "status" typed in the DM,
 * block_actions on the card's buttons (with the message's state values), the three-input edit form
 * as a modal (views.open, then view_submission with state values as Slack sends them). Every Web API
 * call is captured; the Store is read back.
 */

const AT = '2022-10-10T08:00:00Z';
const NILS = 'U0NILS001';
const KLARA = 'U0KLARA01';
const dmOf = (user: string) => `D${user.replace(/^U/, '')}`;

const APP = 'ps-slack-progress';
const TITLE = 'Trygg utskrivning';
const NEAREST = 'endorse-nearest-leader';
const kari: Person = { platform: 'slack', userId: USER, name: 'Kari Nordmann' };
const leaders: [Person, Person] = [
  { platform: 'slack', userId: NILS, name: 'Nils Leder' },
  { platform: 'slack', userId: KLARA, name: 'Klara Klinikk' },
];
const CHIEF: Person = { platform: 'slack', userId: 'U0CHIEF01', name: 'Kvalitetssjef' };

let host: (Host<SlackCapture> & { idle(): Promise<void> }) | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

type Element = {
  type?: string;
  action_id?: string;
  value?: string;
  style?: string;
  text?: { text?: string };
};
type Block = {
  type?: string;
  block_id?: string;
  optional?: boolean;
  label?: { text?: string };
  hint?: { text?: string };
  element?: Record<string, unknown>;
  elements?: Element[];
};
type View = {
  type?: string;
  callback_id?: string;
  title?: { text?: string };
  submit?: { text?: string };
  private_metadata: string;
  blocks: Block[];
};

const textOf = (c: SlackCall | undefined) => JSON.stringify(c?.args ?? {});
const blocksOf = (c: SlackCall | undefined): Block[] =>
  (c?.args.blocks ?? (c?.args.view as { blocks?: unknown[] } | undefined)?.blocks ?? []) as Block[];
const buttonsOf = (c: SlackCall | undefined) =>
  blocksOf(c)
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === 'button');
const labels = (c: SlackCall | undefined) => buttonsOf(c).map((e) => e.text?.text);
function button(c: SlackCall | undefined, label: string): { actionId: string; value: string } {
  const found = buttonsOf(c).find((e) => e.text?.text === label);
  if (!found?.action_id || !found.value) throw new Error(`no button ${label} in ${textOf(c)}`);
  return { actionId: found.action_id, value: found.value };
}
const buttonValue = (c: SlackCall | undefined, label: string) =>
  JSON.parse(button(c, label).value) as unknown;
const inputBlock = (blocks: Block[], id: string) =>
  blocks.find((b) => b.type === 'input' && b.block_id === id);

async function world() {
  const h = await startSlackFlowHost(AT);
  host = h;
  const { capture } = h;

  async function send(req: SlackRequest) {
    const res = await postSlack(h.port, req, h.time.seconds());
    expect(res.status).toBe(200);
    await h.idle();
    const text = await res.text();
    return text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  }

  /** The ts the capture gave a posted message (it numbers chat.postMessage answers in order). */
  const tsOf = (c: SlackCall | undefined) => {
    // A press's first card replaces the pressed message (docs/slack.md): an update keeps its ts.
    if (c?.method === 'chat.update') return String(c.args.ts);
    const position = capture.of('chat.postMessage').indexOf(c as SlackCall) + 1;
    if (position === 0) throw new Error('not a posted message');
    return `1693814400.${String(position).padStart(6, '0')}`;
  };

  /** A press on a button of a message the bot posted, with the message's input values. */
  const click = (
    user: string,
    message: SlackCall | undefined,
    label: string,
    values?: Record<string, Record<string, unknown>>,
  ) =>
    send(
      press(capture, {
        ...button(message, label),
        channel: String(message?.args.channel),
        messageTs: tsOf(message),
        user,
        // The press is on this rendering of the message (a later update is a newer one).
        shown: blocksOf(message),
        ...(values ? { values } : {}),
      }),
    );

  function dm(user: string, text: string): SlackRequest {
    const req = directMessage(text, { user });
    const body = JSON.parse(req.body) as { event: Record<string, unknown> };
    body.event.channel = user === USER ? DM : dmOf(user);
    return { ...req, body: JSON.stringify(body) };
  }

  const postsTo = (channel: string) =>
    capture.of('chat.postMessage').filter((c) => c.args.channel === channel);
  const postsWith = (channel: string, text: string) =>
    postsTo(channel).filter((c) => textOf(c).includes(text));
  /** What the DM shows, in order: new posts and in-place updates of pressed messages. */
  const shownInDm = () =>
    capture.calls.filter(
      (c) => (c.method === 'chat.postMessage' || c.method === 'chat.update') && c.args.channel === DM,
    );
  const mark = () => shownInDm().length;
  const since = (from: number) => shownInDm().slice(from);

  /** "status" typed in Kari's DM: the application card it posts. */
  async function status(heading = 'Dine søknader (1)') {
    const from = mark();
    await send(dm(USER, 'status'));
    const posted = since(from);
    expect(String(posted[0]?.args.text)).toContain(heading);
    const card = posted.find((c) => buttonsOf(c).length > 0);
    if (!card) throw new Error(`no application card: ${JSON.stringify(posted)}`);
    return card;
  }

  /** Anything but new posts in the DM: in-place updates and response_url answers. */
  const sideCalls = () => ({
    updates: capture.of('chat.update').filter((c) => c.args.channel === DM).length,
    responseUrls: responses(capture).length,
    ephemerals: capture.of('chat.postEphemeral').length,
  });

  return { ...h, send, click, dm, tsOf, postsTo, postsWith, mark, since, status, sideCalls };
}
type World = Awaited<ReturnType<typeof world>>;

const NO_SIDE_CALLS = { updates: 0, responseUrls: 0, ephemerals: 0 };
/** The plain notes posted to the DM since `from` (a card opens with its title as a header block). */
const notesSince = (w: World, from: number) =>
  w
    .since(from)
    .filter((c) => !blocksOf(c).some((b) => b.type === 'header'))
    .map((c) => String(c.args.text));

/** Kari asks both leaders from her DM (draft confirmed ready); returns the card Nils got. */
async function askLeaders(w: World) {
  await w.send(w.dm(USER, 'be om godkjenning'));
  const form = w.postsWith(DM, 'Send forespørselen').at(-1);
  const user = (input: string, id: string) => ({
    [input]: { [input]: { type: 'users_select', selected_user: id } },
  });
  await w.click(USER, form, 'Send forespørselen', {
    ...user('leader-endorse-nearest-leader', NILS),
    ...user('leader-endorse-clinic-leader', KLARA),
  });
  const card = w.postsWith(dmOf(NILS), `Godkjenning: ${TITLE}`).at(-1);
  expect(card).toBeDefined();
  return { card, ts: w.tsOf(card) };
}

describe('the applicant’s steps over the Slack endpoint', () => {
  it('marks the draft done from the status card in the DM; a second press of the old card changes nothing', async () => {
    const w = await world();
    await seedDraft(w.store, w.time.clock(), { id: APP, applicant: kari, title: TITLE });
    const card = await w.status();
    expect(labels(card)).toEqual([
      'Ferdig: Skriv søknaden',
      'Be om godkjenning',
      'Endre søknaden',
      'Trekk søknaden',
    ]);
    expect(buttonsOf(card)[0]?.style).toBe('primary');
    expect(buttonsOf(card).at(-1)?.style).toBe('danger');
    expect(buttonValue(card, 'Ferdig: Skriv søknaden')).toEqual({
      a: 'progress.done',
      d: { app: APP, step: 'draft' },
    });

    // Another user pressing Kari's button (in their own DM with the bot) is told so; nothing is written.
    const before = await reload(w.store, APP);
    await w.send(
      press(w.capture, {
        ...button(card, 'Ferdig: Skriv søknaden'),
        channel: dmOf(OTHER_USER),
        messageTs: w.tsOf(card),
        user: OTHER_USER,
      }),
    );
    expect(w.postsWith(dmOf(OTHER_USER), 'Bare søkeren kan endre denne søknaden.')).toHaveLength(1);
    expect(await reload(w.store, APP)).toEqual(before);

    const from = w.mark();
    await w.click(USER, card, 'Ferdig: Skriv søknaden');
    // In the DM the answer is posted: the note, then the application card as it is now.
    const [note, now] = w.since(from);
    expect(note?.args.text).toBe('Registrert: Skriv søknaden.');
    expect(textOf(now)).toContain(':white_check_mark: Skriv søknaden');
    expect(labels(now)).not.toContain('Ferdig: Skriv søknaden');
    expect(labels(now)).toContain('Be om godkjenning');
    expect(w.since(from)).toHaveLength(2);
    expect(w.sideCalls()).toEqual(NO_SIDE_CALLS);
    const stored = await reload(w.store, APP);
    expect(stepOf(stored, 'draft')?.state).toBe('done');
    expect((await w.store.readAudit(APP)).at(-1)).toMatchObject({
      action: 'step.done',
      actor: { userId: USER },
      platform: 'slack',
    });

    await w.click(USER, card, 'Ferdig: Skriv søknaden');
    expect(w.postsWith(DM, 'Dette er allerede registrert')).toHaveLength(1);
    expect((await reload(w.store, APP)).version).toBe(stored.version);
    expect(await auditActions(w.store, APP)).toEqual(['application.created', 'step.done']);
  });

  it('edit opens a modal with the current values; an unreadable amount is answered with response_action errors; a changed amount is saved', async () => {
    const w = await world();
    await seedEndorsed(w.store, w.time.clock(), { id: APP, applicant: kari, title: TITLE, leaders });
    const card = await w.status();
    const from = w.mark();
    await w.click(USER, card, 'Endre søknaden');

    // Three inputs and a trigger id: the form opens as a modal, nothing is posted.
    const opened = w.capture.of('views.open');
    expect(opened).toHaveLength(1);
    expect(w.since(from)).toHaveLength(0);
    const view = opened[0]?.args.view as View;
    expect(view).toMatchObject({
      type: 'modal',
      callback_id: 'midler.form',
      title: { text: `Endre: ${TITLE}` },
      submit: { text: 'Lagre endringene' },
    });
    expect(JSON.parse(view.private_metadata)).toMatchObject({
      a: 'progress.save',
      d: { app: APP },
      c: DM,
      k: 'personal',
      m: `${DM}/${w.tsOf(card)}`,
    });
    expect(JSON.stringify(view.blocks)).toContain('Godkjenninger som er gitt eller bedt om');
    expect(inputBlock(view.blocks, 'title')).toMatchObject({
      optional: false,
      label: { text: 'Prosjekttittel' },
      element: { type: 'plain_text_input', action_id: 'title', initial_value: TITLE, max_length: 200 },
    });
    expect(inputBlock(view.blocks, 'requested')).toMatchObject({
      optional: false,
      label: { text: 'Beløp du søker om (kr)' },
      element: { type: 'plain_text_input', action_id: 'requested', initial_value: '400 000 kr' },
    });
    expect(inputBlock(view.blocks, 'own')).toMatchObject({
      optional: false,
      label: { text: 'Egenfinansiering (kr)' },
      element: { type: 'plain_text_input', action_id: 'own', initial_value: '0 kr' },
    });
    // The submit is the modal's own; the other two stay as buttons in it.
    expect(labels(opened[0])).toEqual(['Regn ut høyeste beløp', 'Nei, tilbake']);

    const before = await reload(w.store, APP);
    const audit = await w.store.readAudit(APP);
    const submit = (title: string, requested: string, own: string) =>
      w.send(
        viewSubmission({
          privateMetadata: view.private_metadata,
          blocks: view.blocks,
          values: editState(title, requested, own),
        }),
      );
    // Unreadable: the modal stays open with the message under the field.
    expect(await submit(TITLE, 'tre hundre', '0 kr')).toEqual({
      response_action: 'errors',
      errors: { requested: 'Jeg klarte ikke å lese «tre hundre» som et beløp. Skriv for eksempel 400 000.' },
    });
    expect(await submit(TITLE, '-5', '0,50')).toEqual({
      response_action: 'errors',
      errors: {
        requested: '«-5» er negativt. Skriv et beløp på 0 eller mer, for eksempel 400 000.',
        own: '«0,50» er ikke hele kroner. Skriv for eksempel 300 000.',
      },
    });
    expect(await submit(TITLE, '0', '0 kr')).toEqual({
      response_action: 'errors',
      errors: { requested: 'Beløpet du søker om må være over 0 kr.' },
    });
    expect(await submit('ab', '300 000', '0 kr')).toEqual({
      response_action: 'errors',
      errors: { title: 'Tittelen må være mellom 3 og 200 tegn.' },
    });
    expect(await reload(w.store, APP)).toEqual(before);
    expect(await w.store.readAudit(APP)).toEqual(audit);
    expect(w.since(from)).toHaveLength(0);
    expect(w.capture.of('views.update')).toHaveLength(0);

    // Saved: the modal closes (an empty ack) and the answer is posted to the DM.
    const NEW_TITLE = 'Trygg utskrivning hjem';
    expect(await submit(NEW_TITLE, '300 000', '50 000')).toBeUndefined();
    expect(notesSince(w, from)).toEqual([
      'Søknaden er oppdatert. Be om godkjenning på nytt: lederne godkjente den slik den var.',
    ]);
    const now = w.since(from).at(-1);
    expect(textOf(now)).toContain(NEW_TITLE);
    expect(textOf(now)).toContain('300 000 kr');
    expect(textOf(now)).toContain('50 000 kr');
    expect(labels(now)).toContain('Be om godkjenning');
    expect(w.sideCalls()).toEqual(NO_SIDE_CALLS);
    const stored = await reload(w.store, APP);
    expect(stored).toMatchObject({ title: NEW_TITLE, amount: { requested: 300_000, own: 50_000 } });
    expect(stepOf(stored, NEAREST)?.state).toBe('not-started');
    expect(stepOf(stored, 'endorse-clinic-leader')?.state).toBe('not-started');
    expect((await w.store.readAudit(APP)).at(-1)).toMatchObject({
      action: 'application.edit',
      actor: { userId: USER },
      platform: 'slack',
    });
    for (const leader of [NILS, KLARA]) {
      const told = w.postsWith(dmOf(leader), 'gjelder ikke lenger');
      expect(told).toHaveLength(1);
      expect(String(told[0]?.args.text)).toContain(
        `Godkjenningen din av «${NEW_TITLE}» gjelder ikke lenger: Kari Nordmann har endret søknaden.`,
      );
    }
  });

  it('submit: a confirmation card first; "Ja, den er levert" records it once', async () => {
    const w = await world();
    await seedEndorsed(w.store, w.time.clock(), { id: APP, applicant: kari, title: TITLE, leaders });
    const card = await w.status();
    expect(labels(card)[0]).toBe('Søknaden er levert');
    let from = w.mark();
    await w.click(USER, card, 'Søknaden er levert');
    const confirm = w.since(from).at(-1);
    expect(textOf(confirm)).toContain('Er søknaden levert?');
    expect(textOf(confirm)).toContain('Midlerbot leverer ikke søknaden for deg');
    expect(labels(confirm)).toEqual(['Ja, den er levert', 'Nei, tilbake']);
    expect(w.capture.of('views.open')).toHaveLength(0);
    expect((await reload(w.store, APP)).status).toBe('draft');

    from = w.mark();
    await w.click(USER, confirm, 'Ja, den er levert');
    expect(notesSince(w, from)).toEqual([`Registrert at «${TITLE}» er levert. Neste steg er tildelingen.`]);
    expect(textOf(w.since(from).at(-1))).toContain('Levert');
    const stored = await reload(w.store, APP);
    expect(stored.status).toBe('submitted');
    expect(stepOf(stored, 'submission')?.state).toBe('done');

    await w.click(USER, confirm, 'Ja, den er levert');
    expect(String(w.postsTo(DM).at(-2)?.args.text)).toBe('Det går ikke nå: søknaden har status levert.');
    expect((await auditActions(w.store, APP)).filter((a) => a === 'application.submit')).toHaveLength(1);
    expect((await reload(w.store, APP)).version).toBe(stored.version);
    // The confirmation card replaced the status card in place (its answer began with a note).
    expect(w.sideCalls()).toEqual({ ...NO_SIDE_CALLS, updates: 1 });
  });

  it('award: the comment field is inline on the card; "Ikke tildelt" asks once more, then records it with the comment', async () => {
    const w = await world();
    await seedEndorsed(w.store, w.time.clock(), { id: APP, applicant: kari, title: TITLE, leaders });
    await seedSubmittedAndPrioritised(w.store, APP, { applicant: kari, chief: CHIEF }, w.time.clock());
    const card = await w.status();
    expect(labels(card)).toEqual(['Registrer tildelingen', 'Trekk søknaden']);

    let from = w.mark();
    await w.click(USER, card, 'Registrer tildelingen');
    // One input: no modal; the card with its comment field replaces the status card in the DM.
    expect(w.capture.of('views.open')).toHaveLength(0);
    const award = w.since(from).at(-1);
    expect(textOf(award)).toContain(`Tildeling: ${TITLE}`);
    expect(inputBlock(blocksOf(award), 'comment')).toMatchObject({
      optional: true,
      label: { text: 'Kommentar (valgfritt)' },
      element: { type: 'plain_text_input', action_id: 'comment', multiline: true, max_length: 500 },
    });
    expect(labels(award)).toEqual(['Tildelt', 'Ikke tildelt', 'Nei, tilbake']);

    from = w.mark();
    await w.click(USER, award, 'Ikke tildelt', {
      comment: { comment: { type: 'plain_text_input', value: 'For lite forankret' } },
    });
    const confirm = w.since(from).at(-1);
    expect(textOf(confirm)).toContain('Ikke tildelt?');
    expect(textOf(confirm)).toContain('Rapportstegene faller bort');
    expect(buttonsOf(confirm)[0]?.style).toBe('danger');
    expect(buttonValue(confirm, 'Ja, ikke tildelt')).toEqual({
      a: 'progress.awarded',
      d: { app: APP, awarded: false, confirmed: true, comment: 'For lite forankret' },
    });
    expect((await reload(w.store, APP)).status).toBe('submitted');

    from = w.mark();
    await w.click(USER, confirm, 'Ja, ikke tildelt');
    expect(notesSince(w, from)).toEqual([
      `«${TITLE}» er registrert som ikke tildelt. Ingen rapporter trengs.`,
    ]);
    expect(textOf(w.since(from).at(-1))).toContain('Ikke tildelt');
    const stored = await reload(w.store, APP);
    expect(stored.status).toBe('not-awarded');
    expect(stepOf(stored, 'award')).toMatchObject({ state: 'declined', comment: 'For lite forankret' });
    expect(stepOf(stored, 'status-report')?.state).toBe('not-needed');
    expect((await w.store.readAudit(APP)).at(-1)).toMatchObject({
      action: 'award.refused',
      actor: { userId: USER },
      platform: 'slack',
      comment: 'For lite forankret',
    });
    // The award card replaced the status card, the confirmation replaced the award card.
    expect(w.sideCalls()).toEqual({ ...NO_SIDE_CALLS, updates: 2 });
  });

  it('withdraw: asked first; then withdrawn, and both waiting leaders’ cards are updated in place', async () => {
    const w = await world();
    await seedDraft(w.store, w.time.clock(), { id: APP, applicant: kari, title: TITLE, ready: true });
    const nils = await askLeaders(w);
    const klara = w.postsWith(dmOf(KLARA), `Godkjenning: ${TITLE}`).at(-1);

    const card = await w.status();
    let from = w.mark();
    await w.click(USER, card, 'Trekk søknaden');
    const confirm = w.since(from).at(-1);
    expect(textOf(confirm)).toContain('Trekke søknaden?');
    expect(labels(confirm)).toEqual(['Ja, trekk søknaden', 'Nei, tilbake']);
    expect((await reload(w.store, APP)).status).toBe('draft');

    from = w.mark();
    await w.click(USER, confirm, 'Ja, trekk søknaden');
    expect(notesSince(w, from)).toEqual([`«${TITLE}» er trukket.`]);
    expect(labels(w.since(from).at(-1))).toEqual([]);
    const stored = await reload(w.store, APP);
    expect(stored.status).toBe('withdrawn');
    expect(stepOf(stored, NEAREST)?.state).toBe('not-started');
    expect(stepOf(stored, 'endorse-clinic-leader')?.state).toBe('not-started');
    expect((await auditActions(w.store, APP)).at(-1)).toBe('application.withdraw');

    for (const [leader, ts] of [
      [NILS, nils.ts],
      [KLARA, w.tsOf(klara)],
    ] as const) {
      const stale = w.capture
        .of('chat.update')
        .filter((c) => c.args.channel === dmOf(leader) && c.args.ts === ts);
      expect(stale).toHaveLength(1);
      expect(textOf(stale[0])).toContain('Denne forespørselen gjelder ikke lenger');
      expect(buttonsOf(stale[0])).toHaveLength(0);
    }
    await w.click(NILS, nils.card, 'Godkjenn');
    expect(await reload(w.store, APP)).toEqual(stored);
  });

  // In English the form is prefilled as "NOK 400,000"; it is read in the user's language.
  it('en: an amount typed the way the English modal shows it is saved', async () => {
    const w = await world();
    w.capture.setLocale(USER, 'en-US');
    await seedDraft(w.store, w.time.clock(), { id: APP, applicant: kari, title: TITLE });
    const card = await w.status('Your applications (1)');
    await w.click(USER, card, 'Edit the application');
    const view = w.capture.of('views.open').at(-1)?.args.view as View;
    expect(inputBlock(view.blocks, 'requested')?.element).toMatchObject({ initial_value: 'NOK 400,000' });
    expect(inputBlock(view.blocks, 'own')?.element).toMatchObject({ initial_value: 'NOK 0' });
    const ack = await w.send(
      viewSubmission({
        privateMetadata: view.private_metadata,
        blocks: view.blocks,
        values: editState(TITLE, 'NOK 350,000', 'NOK 0'),
      }),
    );
    expect(ack).toBeUndefined();
    expect((await reload(w.store, APP)).amount?.requested).toBe(350_000);
  });
});
