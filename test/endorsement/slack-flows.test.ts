import { afterEach, describe, expect, it } from 'vitest';
import type { Person } from '../../src/domain/application.ts';
import { press } from '../slack/requests.ts';
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
  chiefSettings,
  type Host,
  reload,
  seedDraft,
  seedEndorsed,
  startSlackFlowHost,
  stepOf,
} from './http-world.ts';

/**
 * Whole endorsement flows over the real Slack endpoint (issue 7): signed events, block_actions and
 * view_submission POSTed to /slack/events, every Web API call captured (posts, chat.update in place,
 * views.open for forms), and the Store read back. Leader cards go to the leaders' DMs; a leader
 * presses a button of the message they received (its action_id, value and ts), with the comment
 * field's state values.
 */

const AT = '2022-10-10T08:00:00Z';
const NILS = 'U0NILS001';
const KLARA = 'U0KLARA01';
const OLA = OTHER_USER;
/** The capture opens a user's DM as `D` + the id without its `U`. */
const dmOf = (user: string) => `D${user.replace(/^U/, '')}`;

const APP = 'ps-slack-flow';
const TITLE = 'Trygg utskrivning';
const NEAREST = 'endorse-nearest-leader';
const kari: Person = { platform: 'slack', userId: USER, name: 'Kari Nordmann' };

let host: (Host<SlackCapture> & { idle(): Promise<void> }) | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

type Element = { type?: string; action_id?: string; value?: string; text?: { text?: string } };
const textOf = (c: SlackCall | undefined) => JSON.stringify(c?.args ?? {});
const blocksOf = (c: SlackCall | undefined): { elements?: Element[] }[] =>
  (c?.args.blocks ?? (c?.args.view as { blocks?: unknown[] } | undefined)?.blocks ?? []) as {
    elements?: Element[];
  }[];
function button(c: SlackCall | undefined, label: string): { actionId: string; value: string } {
  const found = blocksOf(c)
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.type === 'button' && e.text?.text === label);
  if (!found?.action_id || !found.value) throw new Error(`no button ${label} in ${textOf(c)}`);
  return { actionId: found.action_id, value: found.value };
}
const hasButtons = (c: SlackCall | undefined) => textOf(c).includes('"type":"button"');
const comment = (value: string) => ({ comment: { comment: { type: 'plain_text_input', value } } });
const picked = (input: string, user: string) => ({
  [input]: { [input]: { type: 'users_select', selected_user: user } },
});

async function world(extra: Parameters<typeof startSlackFlowHost>[1] = {}) {
  const h = await startSlackFlowHost(AT, extra);
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

  /** A press on a button of a message the bot posted (or last updated) in `channel`. */
  const click = (
    user: string,
    message: SlackCall | undefined,
    label: string,
    opts: { ts?: string; values?: Record<string, Record<string, unknown>> } = {},
  ) =>
    send(
      press(capture, {
        ...button(message, label),
        channel: String(message?.args.channel),
        messageTs: opts.ts ?? tsOf(message),
        user,
        // The press is on this rendering of the message (a later update is a newer one).
        shown: blocksOf(message),
        ...(opts.values ? { values: opts.values } : {}),
      }),
    );

  /** A DM to the bot from `user` in their own DM with it. */
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
  const updatesOf = (channel: string, ts: string) =>
    capture.of('chat.update').filter((c) => c.args.channel === channel && c.args.ts === ts);

  return { ...h, send, click, dm, tsOf, postsTo, postsWith, updatesOf };
}
type World = Awaited<ReturnType<typeof world>>;

/** Kari asks Nils (nearest leader) and Klara (clinic leader) from her DM; returns the cards they got. */
async function ask(w: World) {
  await w.send(w.dm(USER, 'be om godkjenning'));
  const form = w.postsWith(DM, 'Send forespørselen').at(-1);
  await w.click(USER, form, 'Send forespørselen', {
    values: {
      ...picked('leader-endorse-nearest-leader', NILS),
      ...picked('leader-endorse-clinic-leader', KLARA),
      note: { note: { type: 'plain_text_input', value: 'Budsjettet ligger i vedlegget.' } },
    },
  });
  const overview = w.postsWith(DM, 'Trekk tilbake').at(-1);
  expect(textOf(overview), textOf(w.postsTo(DM).at(-1))).toContain('venter på');
  const card = w.postsWith(dmOf(NILS), `Godkjenning: ${TITLE}`).at(-1);
  expect(card, JSON.stringify(w.capture.calls.map((c) => [c.method, c.args.channel]))).toBeDefined();
  expect(textOf(card)).toContain('Kari Nordmann ber deg om: Godkjenning fra nærmeste leder');
  expect(textOf(card)).toContain('Budsjettet ligger i vedlegget.');
  return { card, ts: w.tsOf(card), overview };
}

describe('endorsement flows over the Slack endpoint', () => {
  it('more information: the applicant answers, the leader sees the answer on the same card, then approves', async () => {
    const w = await world();
    await seedDraft(w.store, w.time.clock(), { id: APP, applicant: kari, title: TITLE, ready: true });
    const { card, ts } = await ask(w);

    await w.click(NILS, card, 'Be om mer informasjon');
    expect(textOf(w.updatesOf(dmOf(NILS), ts).at(-1))).toContain('Skriv hva du lurer på');
    await w.click(NILS, card, 'Be om mer informasjon', {
      ts,
      values: comment('Hvem er med i prosjektgruppen?'),
    });
    expect(textOf(w.updatesOf(dmOf(NILS), ts).at(-1))).toContain(
      'Du spurte: «Hvem er med i prosjektgruppen?»',
    );
    const question = w.postsWith(DM, 'ber om mer informasjon').at(-1);
    expect(textOf(question)).toContain(`ber om mer informasjon om «${TITLE}»`);

    await w.click(USER, question, 'Send svaret');
    // The question card is shown again in place, with the hint under its field.
    const again = w.updatesOf(DM, w.tsOf(question));
    expect(again.filter((c) => textOf(c).includes('Skriv et svar før du sender'))).toHaveLength(1);
    await w.click(USER, again.at(-1), 'Send svaret', {
      values: { answer: { answer: { type: 'plain_text_input', value: 'To sykepleiere og en farmasøyt.' } } },
    });
    // The leader's card is updated in place with the answer, and a short message tells them.
    const refreshed = w.updatesOf(dmOf(NILS), ts).at(-1);
    expect(textOf(refreshed)).toContain('Svar fra Kari Nordmann: «To sykepleiere og en farmasøyt.»');
    expect(hasButtons(refreshed)).toBe(true);
    expect(w.postsWith(dmOf(NILS), 'Kari Nordmann har svart på spørsmålet ditt')).toHaveLength(1);

    await w.click(NILS, refreshed, 'Godkjenn', { ts });
    expect(textOf(w.updatesOf(dmOf(NILS), ts).at(-1))).toContain('Godkjent av');
    expect(stepOf(await reload(w.store, APP), NEAREST)).toMatchObject({
      state: 'done',
      decidedBy: { userId: NILS },
    });
    // The exchange stays in the audit trail: who asked what, who answered, who decided, on which platform.
    const trail = (await w.store.readAudit(APP)).filter((e) =>
      ['endorsement.more-info', 'endorsement.answer', 'endorsement.approve'].includes(e.action),
    );
    expect(
      trail.map((e) => [e.action, 'userId' in e.actor ? e.actor.userId : '', e.platform, e.comment]),
    ).toEqual([
      ['endorsement.more-info', NILS, 'slack', 'Hvem er med i prosjektgruppen?'],
      ['endorsement.answer', USER, 'slack', 'To sykepleiere og en farmasøyt.'],
      ['endorsement.approve', NILS, 'slack', undefined],
    ]);
    expect(w.postsWith(DM, 'har godkjent')).toHaveLength(1);
  });

  it('withdraw: the leader’s card is updated to “no longer current”; pressing it changes nothing', async () => {
    const w = await world();
    await seedDraft(w.store, w.time.clock(), { id: APP, applicant: kari, title: TITLE, ready: true });
    const { card, ts, overview } = await ask(w);

    await w.click(USER, overview, 'Trekk tilbake: Godkjenning fra nærmeste leder');
    expect(w.postsWith(DM, 'er trukket tilbake')).toHaveLength(1);
    const stale = w.updatesOf(dmOf(NILS), ts);
    expect(stale).toHaveLength(1);
    expect(textOf(stale[0])).toContain('Denne forespørselen gjelder ikke lenger');
    expect(hasButtons(stale[0])).toBe(false);

    // The old buttons pressed again (a device that did not refresh): the stale card, nothing written.
    const version = (await reload(w.store, APP)).version;
    await w.click(NILS, card, 'Godkjenn', { values: comment('ok') });
    expect(textOf(w.updatesOf(dmOf(NILS), ts).at(-1))).toContain('gjelder ikke lenger');
    const stored = await reload(w.store, APP);
    expect(stored.version).toBe(version);
    expect(stepOf(stored, NEAREST)?.state).toBe('not-started');
    expect(stepOf(stored, 'endorse-clinic-leader')?.state).toBe('waiting');
    expect((await auditActions(w.store, APP)).at(-1)).toBe('endorsement.withdraw');
    expect(w.postsWith(DM, 'har godkjent')).toHaveLength(0);
  });

  it('replace the leader (in a modal): the old card goes stale, the old leader is refused, the new one decides', async () => {
    const w = await world();
    await seedDraft(w.store, w.time.clock(), { id: APP, applicant: kari, title: TITLE, ready: true });
    const { card, ts, overview } = await ask(w);

    // The form has two inputs and the press a trigger id: it opens as a modal.
    await w.click(USER, overview, 'Bytt leder: Godkjenning fra nærmeste leder');
    const opened = w.capture.of('views.open').at(-1);
    const view = opened?.args.view as { private_metadata: string; blocks: unknown[] } | undefined;
    if (!view) throw new Error(`no modal: ${JSON.stringify(w.capture.calls.map((c) => c.method))}`);
    expect(JSON.stringify(view)).toContain('Forespørselen venter nå på');
    const ack = await w.send(
      viewSubmission({
        privateMetadata: view.private_metadata,
        blocks: view.blocks,
        values: picked('leader-endorse-nearest-leader', OLA),
      }),
    );
    expect(ack?.response_action).toBeUndefined();
    expect(w.postsWith(DM, 'Forespørselen er flyttet fra')).toHaveLength(1);
    expect(textOf(w.updatesOf(dmOf(NILS), ts).at(-1))).toContain('gjelder ikke lenger');
    const olaCard = w.postsWith(dmOf(OLA), `Godkjenning: ${TITLE}`).at(-1);
    expect(textOf(olaCard)).toContain('Kari Nordmann ber deg om: Godkjenning fra nærmeste leder');

    const before = await reload(w.store, APP);
    await w.click(NILS, card, 'Godkjenn');
    expect(await reload(w.store, APP)).toEqual(before);
    expect(stepOf(before, NEAREST)).toMatchObject({ state: 'waiting', waitingOn: { userId: OLA }, round: 2 });

    await w.click(OLA, olaCard, 'Godkjenn', { values: comment('Støttes') });
    expect(textOf(w.updatesOf(dmOf(OLA), w.tsOf(olaCard)).at(-1))).toContain('Godkjent av');
    expect(stepOf(await reload(w.store, APP), NEAREST)).toMatchObject({
      state: 'done',
      decidedBy: { userId: OLA },
      comment: 'Støttes',
    });
    const audit = await auditActions(w.store, APP);
    expect(audit).toContain('endorsement.replace-leader');
    expect(audit.filter((a) => a === 'endorsement.approve')).toHaveLength(1);
    expect(w.postsWith(dmOf(NILS), `Godkjenning: ${TITLE}`)).toHaveLength(1);
  });

  it('a decision after the call deadline is refused, the card stays, and nothing changes', async () => {
    const w = await world();
    await seedDraft(w.store, w.time.clock(), { id: APP, applicant: kari, title: TITLE, ready: true });
    const { card, ts } = await ask(w);
    w.time.set('2022-11-05T09:00:00Z');
    const before = await reload(w.store, APP);
    const audit = await w.store.readAudit(APP);

    for (const _click of [1, 2]) {
      await w.click(NILS, card, 'Godkjenn', { values: comment('sent') });
      const said = textOf(w.postsTo(dmOf(NILS)).at(-1));
      expect(said).toContain('Fristen for utlysningen har gått ut');
    }
    expect(w.updatesOf(dmOf(NILS), ts)).toHaveLength(0);
    expect(await reload(w.store, APP)).toEqual(before);
    expect(await w.store.readAudit(APP)).toEqual(audit);
    expect(w.postsWith(DM, 'har godkjent')).toHaveLength(0);
  });

  it('the quality chief orders three applications from one trust and confirms; applicants are told their place', async () => {
    const CHIEF = 'U0CHIEF01';
    const w = await world(chiefSettings({ 'st-olavs-hospital': { chief: `slack:${CHIEF}` } }, true));
    const leaders: [Person, Person] = [
      { platform: 'slack', userId: NILS, name: 'Nils Leder' },
      { platform: 'slack', userId: KLARA, name: 'Klara Klinikk' },
    ];
    const applicants = ['U0SOKER01', 'U0SOKER02', 'U0SOKER03'];
    const titles = ['Fallforebygging', 'Trygg utskrivning', 'Legemiddelsamstemming'];
    const ids = titles.map((_t, i) => `ps-prio-${i + 1}`);
    for (const [i, title] of titles.entries()) {
      await seedEndorsed(w.store, w.time.clock(), {
        id: ids[i] ?? '',
        applicant: { platform: 'slack', userId: applicants[i] ?? '', name: `Søker ${i + 1}` },
        title,
        leaders,
      });
    }

    await w.send(w.dm(CHIEF, 'prioriter søknadene'));
    let list = w.postsTo(dmOf(CHIEF)).at(-1);
    expect(textOf(list)).toContain('Prioriter søknadene fra St. Olavs hospital HF');
    expect(textOf(list)).toMatch(/1\. Fallforebygging – Søker 1.*2\. Trygg utskrivning – Søker 2/);

    for (const _up of [1, 2]) {
      await w.click(CHIEF, list, 'Flytt opp: Legemiddelsamstemming');
      // The reordered list replaces the pressed one in place.
      list = w.updatesOf(dmOf(CHIEF), w.tsOf(list)).at(-1);
    }
    expect(textOf(list)).toMatch(
      /1\. Legemiddelsamstemming – Søker 3.*2\. Fallforebygging – Søker 1.*3\. Trygg utskrivning – Søker 2/,
    );
    await w.click(CHIEF, list, 'Bekreft rekkefølgen');
    expect(
      w.postsWith(
        dmOf(CHIEF),
        'Rekkefølgen er bekreftet, og søkerne får beskjed. Søknader i rekkefølgen: 3.',
      ),
    ).toHaveLength(1);

    const ranks = await Promise.all(ids.map(async (id) => (await reload(w.store, id)).priorityRank));
    expect(ranks).toEqual([2, 3, 1]);
    for (const [i, applicant] of applicants.entries()) {
      const told = w.postsWith(dmOf(applicant), 'har prioritert søknaden');
      expect(told).toHaveLength(1);
      expect(textOf(told[0])).toContain(`«${titles[i]}» som nummer ${ranks[i]} av 3`);
    }
    expect(stepOf(await reload(w.store, ids[0] ?? ''), 'trust-prioritisation')).toMatchObject({
      state: 'done',
      decidedBy: { platform: 'slack', userId: CHIEF },
    });
    expect((await w.store.readAudit(ids[2] ?? '')).at(-1)).toMatchObject({
      action: 'prioritisation.confirm',
      actor: { userId: CHIEF },
      platform: 'slack',
    });
  });
});
