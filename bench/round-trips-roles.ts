import { createEngine } from '../src/bot/engine.ts';
import type { Inbound, Outbound, TurnResult } from '../src/bot/messages.ts';
import type { Application, Person } from '../src/domain/application.ts';
import type { Catalog } from '../src/domain/catalog.ts';
import { requestRefId } from '../src/domain/endorsement-request.ts';
import {
  createdAudit,
  decideEndorsement,
  markStepDone,
  newApplication,
  requestEndorsement,
  submit,
  type Transition,
} from '../src/domain/tracker.ts';
import type { Store } from '../src/store/store.ts';
import { BENCH_AT } from './conversation.ts';
import { CostTable, openCountingStore, type RoundTripStat } from './counting-store.ts';
import type { RedisTarget } from './redis-target.ts';

/**
 * Issue 17: the turns of the other roles, counted like the applicant's (redis-bench.ts) — a leader's
 * decision on a request, the quality chief's order and its confirmation, and a channel subscribing to
 * a call's reminders. Records are seeded through the tracker's own transitions; each turn runs alone
 * through the counting relay, so its count is its own.
 */
const CALL = 'pasientsikkerhet-2023-2024';
const TRUST = 'st-olavs-hospital';

const person = (userId: string, name: string): Person => ({ platform: 'slack', userId, name });

async function write(
  store: Store,
  app: Application,
  step: (a: Application) => Transition,
): Promise<Application> {
  const t = step(app);
  const saved = await store.updateApplication(app.id, app.version, t.app, t.audit);
  if (!saved.ok) throw new Error(`bench: seeding ${app.id} was refused`);
  return saved.value;
}

/** A draft made ready, with both approvals requested (and, with `submitted`, given and handed in). */
async function seed(
  store: Store,
  catalog: Catalog,
  id: string,
  people: { applicant: Person; nearest: Person; clinic: Person },
  submitted: boolean,
): Promise<Application> {
  const call = catalog.get(CALL);
  if (!call) throw new Error(`bench: no call ${CALL}`);
  const by = people.applicant;
  const draft = newApplication(
    call,
    {
      id,
      applicant: { ...by, trust: TRUST },
      category: 'project',
      title: `Bench ${id}`,
      answers: {},
      verdict: 'eligible',
    },
    BENCH_AT,
  );
  let app = await store.createApplication(draft, createdAudit(draft, by));
  app = await write(store, app, (a) => markStepDone(a, call, { step: 'draft', by }, BENCH_AT));
  for (const [step, leader] of [
    ['endorse-nearest-leader', people.nearest],
    ['endorse-clinic-leader', people.clinic],
  ] as const) {
    app = await write(store, app, (a) => requestEndorsement(a, call, { step, leader, by }, BENCH_AT));
    if (submitted)
      app = await write(store, app, (a) =>
        decideEndorsement(a, call, { step, decision: 'approve', by: leader }, BENCH_AT),
      );
  }
  if (submitted) app = await write(store, app, (a) => submit(a, call, { by }, BENCH_AT));
  return app;
}

function buttonOf(result: TurnResult | undefined, label: string) {
  const buttons = (result?.replies ?? []).flatMap((r: Outbound) =>
    r.kind === 'card' ? (r.buttons ?? []) : [],
  );
  const button = buttons.filter((b) => b.label === label).at(-1);
  if (!button)
    throw new Error(`bench: no button [${label}] (have: ${buttons.map((b) => b.label).join(' | ')})`);
  return button;
}

export async function countRoleRoundTrips(
  target: RedisTarget,
  catalog: Catalog,
  prefix: string,
  rounds: number,
): Promise<RoundTripStat[]> {
  const counting = await openCountingStore(target, `${prefix}roles-`);
  const table = new CostTable();
  try {
    for (let r = 0; r < rounds; r++) {
      const applicant = person(`UAPP${r}`, 'Kari Nordmann');
      const nearest = person(`ULEAD${r}`, 'Nils Leder');
      const clinic = person(`UCLIN${r}`, 'Klara Klinikk');
      const chief = person(`UCHIEF${r}`, 'Kåre Kvalitet');
      const engine = createEngine({
        store: counting.store,
        catalog,
        clock: () => new Date(BENCH_AT.getTime()),
        config: { settings: { trustQualityChiefs: { [TRUST]: { chief } } } },
      });
      const turn = (who: Person, what: Pick<Inbound, 'text' | 'action'>, channel?: string) =>
        engine.handle({
          platform: 'slack',
          user: { id: who.userId, name: who.name, locale: 'nb' },
          conversation: channel
            ? { id: channel, kind: 'channel' }
            : { id: `D${who.userId}`, kind: 'personal' },
          ...what,
          at: new Date(BENCH_AT.getTime()),
        });
      const checked = async (result: Promise<TurnResult>) => {
        const out = await result;
        if (out.error !== undefined) throw new Error(`bench: turn failed: ${String(out.error)}`);
        return out;
      };

      // A leader approves a request from the card it was sent.
      const requested = await seed(
        counting.store,
        catalog,
        `${prefix}req-${r}`,
        { applicant, nearest, clinic },
        false,
      );
      const step = requested.steps.find((s) => s.id === 'endorse-nearest-leader');
      const data = {
        app: requested.id,
        step: 'endorse-nearest-leader',
        round: step?.round ?? 0,
        ref: requestRefId(requested.id, 'endorse-nearest-leader', step?.round),
        decision: 'approve',
      };
      table.add(
        'leader: approve from the request card',
        await counting.measure(() => checked(turn(nearest, { action: { id: 'leader.decide', data } }))),
      );

      // The quality chief lists the trust's applications and confirms the order.
      await seed(counting.store, catalog, `${prefix}sub-${r}`, { applicant, nearest, clinic }, true);
      let last: TurnResult | undefined;
      table.add(
        'quality chief: "prioriter søknadene"',
        await counting.measure(async () => {
          last = await checked(turn(chief, { text: 'prioriter søknadene' }));
        }),
      );
      const confirm = buttonOf(last, 'Bekreft rekkefølgen');
      table.add(
        'quality chief: confirm the order',
        await counting.measure(() =>
          checked(turn(chief, { action: { id: confirm.action, data: confirm.data ?? {} } })),
        ),
      );

      // A channel subscribes to a call's reminders.
      const channel = `CBENCH${r}`;
      table.add(
        'channel: "påminnelser"',
        await counting.measure(async () => {
          last = await checked(turn(applicant, { text: 'påminnelser' }, channel));
        }),
      );
      const choose = buttonOf(last, 'Velg utlysninger');
      table.add(
        'channel: choose calls',
        await counting.measure(async () => {
          last = await checked(
            turn(applicant, { action: { id: choose.action, data: choose.data ?? {} } }, channel),
          );
        }),
      );
      const save = buttonOf(last, 'Lagre');
      table.add(
        'channel: save the subscription',
        await counting.measure(() =>
          checked(
            turn(
              applicant,
              { action: { id: save.action, data: save.data ?? {}, inputs: { calls: CALL } } },
              channel,
            ),
          ),
        ),
      );
    }
    return table.stats();
  } finally {
    await counting.close();
  }
}
