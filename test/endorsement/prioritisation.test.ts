import { expect, it } from 'vitest';
import type { DialogSettings } from '../../src/bot/dialog.ts';
import type { Application, Person } from '../../src/domain/application.ts';
import type { Transition } from '../../src/domain/tracker.ts';
import { decideEndorsement, markStepDone, requestEndorsement } from '../../src/domain/tracker.ts';
import { callOf, PATIENT_SAFETY } from '../kit/applications.ts';
import { transcriptSuite } from '../transcripts/suite.ts';
import { shown, World } from './world.ts';

const AT = '2022-10-20T08:00:00Z';
const CHIEF = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const DEPUTY = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const LEADER: Person = {
  platform: 'teams',
  userId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
  name: 'Nils Leder',
};
const CLINIC: Person = {
  platform: 'teams',
  userId: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
  name: 'Klara Klinikk',
};
const APPLICANTS = ['e1', 'e2', 'e3', 'e4'].map((n) => `${n}eeeeee-eeee-4eee-8eee-eeeeeeeeeeee`);

const call = () => callOf(PATIENT_SAFETY);

transcriptSuite('prioritisation', 'trust prioritisation', AT, ({ store }) => {
  async function write(app: Application, change: (a: Application) => Transition): Promise<Application> {
    const t = change(app);
    const res = await store().updateApplication(app.id, app.version, t.app, t.audit);
    if (!res.ok) throw new Error(`write failed: ${res.reason}`);
    return res.value;
  }

  /** An application from St. Olavs with both approvals (or only the first). */
  async function endorsed(world: World, applicant: Person, title: string, both = true): Promise<Application> {
    const now = world.now();
    let app = await world.draft(call(), applicant, 'st-olavs-hospital', title);
    app = await write(app, (a) => markStepDone(a, call(), { step: 'draft', by: applicant }, now));
    for (const [step, leader] of [
      ['endorse-nearest-leader', LEADER],
      ['endorse-clinic-leader', CLINIC],
    ] as const) {
      app = await write(app, (a) => requestEndorsement(a, call(), { step, leader, by: applicant }, now));
      if (both || step === 'endorse-nearest-leader') {
        app = await write(app, (a) =>
          decideEndorsement(a, call(), { step, decision: 'approve', by: leader }, now),
        );
      }
    }
    return app;
  }

  async function setUp(showPriorityRank: boolean) {
    const settings: DialogSettings = {
      trustQualityChiefs: {
        'st-olavs-hospital': {
          chief: { platform: 'teams', userId: CHIEF },
          deputy: { platform: 'teams', userId: DEPUTY },
        },
      },
      showPriorityRank,
    };
    const world = new World(store(), AT, settings);
    const [a, b, c, d] = APPLICANTS.map((id, i) => world.person(id, `Søker ${i + 1}`));
    if (!a || !b || !c || !d) throw new Error('applicants');
    const apps = [
      await endorsed(world, a.person, 'Fallforebygging'),
      await endorsed(world, b.person, 'Trygg utskrivning'),
      await endorsed(world, c.person, 'Legemiddelsamstemming'),
      await endorsed(world, d.person, 'Ikke ferdig godkjent', false),
    ];
    return {
      world,
      chief: world.person(CHIEF, 'Kvalitetssjef Kari'),
      deputy: world.person(DEPUTY, 'Stedfortreder Sven'),
      applicants: [a, b, c],
      apps,
    };
  }

  it('the quality chief orders three endorsed applications and confirms; applicants are told their place', async () => {
    const { chief, applicants, apps } = await setUp(true);
    let replies = await chief.say('prioriter søknadene');
    let text = shown(replies);
    expect(text).toContain('# Prioriter søknadene fra St. Olavs hospital HF');
    expect(text).toContain(
      '1. Fallforebygging – Søker 1\n2. Trygg utskrivning – Søker 2\n3. Legemiddelsamstemming – Søker 3',
    );
    expect(text).toContain('Søknader som fortsatt venter på godkjenning fra leder, er ikke med her: 1.');
    expect(text).not.toContain('Ikke ferdig godkjent');

    replies = await chief.click('Flytt opp: Legemiddelsamstemming');
    replies = await chief.click('Flytt opp: Legemiddelsamstemming');
    text = shown(replies);
    expect(text).toContain(
      '1. Legemiddelsamstemming – Søker 3\n2. Fallforebygging – Søker 1\n3. Trygg utskrivning – Søker 2',
    );
    replies = await chief.click('Bekreft rekkefølgen');
    expect(shown(replies)).toContain(
      'Rekkefølgen er bekreftet, og søkerne får beskjed. Søknader i rekkefølgen: 3.',
    );

    const ranks = await Promise.all(
      apps.slice(0, 3).map(async (a) => (await store().getApplication(a.id))?.priorityRank),
    );
    expect(ranks).toEqual([2, 3, 1]);
    expect(shown(applicants[2]?.lastInbox().message ?? [])).toContain('som nummer 1 av 3');
    const prioritised = await store().getApplication(apps[0]?.id ?? '');
    expect(prioritised?.steps.find((s) => s.id === 'trust-prioritisation')).toMatchObject({
      state: 'done',
      decidedBy: { userId: CHIEF },
    });
    expect((await store().readAudit(apps[2]?.id ?? '')).at(-1)).toMatchObject({
      action: 'prioritisation.confirm',
      actor: { userId: CHIEF },
    });
  });

  it('changing the order after confirming is audited; only changed places are written; the deputy may do it', async () => {
    const { chief, deputy, applicants, apps } = await setUp(false);
    await chief.say('prioriter søknadene');
    await chief.click('Bekreft rekkefølgen');
    expect(shown(applicants[0]?.lastInbox().message ?? [])).toContain(
      'har prioritert søknaden «Fallforebygging»',
    );
    expect(shown(applicants[0]?.lastInbox().message ?? [])).not.toContain('nummer');

    await deputy.say('prioriter søknadene');
    const again = await deputy.click('Bekreft rekkefølgen');
    expect(shown(again)).toContain('Rekkefølgen er den samme som før');
    await deputy.click('Flytt opp: Trygg utskrivning');
    await deputy.click('Bekreft rekkefølgen');

    const audits = await Promise.all(
      apps.slice(0, 3).map(async (a) => (await store().readAudit(a.id)).map((e) => e.action)),
    );
    expect(audits[0]?.filter((x) => x.startsWith('prioritisation'))).toEqual([
      'prioritisation.confirm',
      'prioritisation.change',
    ]);
    expect(audits[1]?.filter((x) => x.startsWith('prioritisation'))).toEqual([
      'prioritisation.confirm',
      'prioritisation.change',
    ]);
    expect(audits[2]?.filter((x) => x.startsWith('prioritisation'))).toEqual(['prioritisation.confirm']);
    const change = (await store().readAudit(apps[1]?.id ?? '')).at(-1);
    expect(change).toMatchObject({
      actor: { userId: DEPUTY },
      changes: { priorityRank: { before: 2, after: 1 } },
    });
  });

  it('someone who is not the trust’s quality chief cannot see or confirm the order', async () => {
    const { world, apps } = await setUp(false);
    const ola = world.person('ffffffff-ffff-4fff-8fff-ffffffffffff', 'Ola Annen');
    expect(shown(await ola.say('prioriter søknadene'))).toContain('Du er ikke satt opp som kvalitetssjef');
    const crafted = {
      kind: 'card' as const,
      blocks: [],
      buttons: [
        {
          action: 'prioritisation.confirm',
          label: 'x',
          data: {
            trust: 'st-olavs-hospital',
            call: 'pasientsikkerhet-2023-2024',
            order: apps.map((a) => a.id),
          },
        },
      ],
    };
    expect(shown(await ola.press(crafted, 'x'))).toContain('Du er ikke satt opp som kvalitetssjef');
    expect((await store().getApplication(apps[0]?.id ?? ''))?.priorityRank).toBeUndefined();
  });
});
