import type { Application, Person } from '../../src/domain/application.ts';
import type { Call } from '../../src/domain/call.ts';
import {
  createdAudit,
  decideEndorsement,
  markStepDone,
  type NewApplication,
  newApplication,
  prioritise,
  requestEndorsement,
  submit,
  type Transition,
} from '../../src/domain/tracker.ts';
import type { Store } from '../../src/store/store.ts';
import { realCatalog } from './host.ts';

/**
 * One builder for application records, in the states the tracker's own transitions leave them: a
 * draft as the application dialog creates it, then ready, endorsed, submitted and prioritised.
 * Domain tests take the record; end-to-end tests seed the store with it (`seedApplication`).
 */

export const PATIENT_SAFETY = 'pasientsikkerhet-2023-2024';
export const INNOVATION = 'innovasjon-2023';

export function callOf(id: string): Call {
  const call = realCatalog().get(id);
  if (!call) throw new Error(`call ${id} missing`);
  return call;
}

/** What the applicant asks for: the leader's card shows it, and no request goes out without it. */
export const ASKED: NonNullable<Application['amount']> = {
  maxRequest: 500_000,
  requiredOwnFinancing: 0,
  eligibleTotal: 500_000,
  binding: 'budget',
  requested: 400_000,
  own: 0,
};

export interface DraftInput extends Partial<Omit<NewApplication, 'applicant'>> {
  applicant: Person & { trust?: string };
  call?: Call;
}

/** A new draft (version 1): a passed check, the call's first category, 400 000 kr asked for. */
export function draftOf(input: DraftInput, at: Date): Application {
  const { call = callOf(PATIENT_SAFETY), applicant, ...rest } = input;
  return newApplication(
    call,
    {
      id: 'app-1',
      category: call.categories[0]?.id ?? '',
      title: 'Tryggere overganger',
      answers: {},
      verdict: 'eligible',
      amount: ASKED,
      ...rest,
      applicant: { ...applicant, trust: applicant.trust ?? 'st-olavs-hospital' },
    },
    at,
  );
}

export type Stage = 'draft' | 'ready' | 'endorsed' | 'submitted' | 'prioritised';
const ORDER: Stage[] = ['draft', 'ready', 'endorsed', 'submitted', 'prioritised'];

export interface SeedInput extends DraftInput {
  /** How far the application has come (default `draft`). */
  stage?: Stage;
  /** The leaders who endorsed it (nearest, clinic), from `endorsed` on. */
  leaders?: [Person, Person];
  /** Who prioritised it, for `prioritised`. */
  chief?: Person;
}

async function write(store: Store, app: Application, change: (a: Application) => Transition | undefined) {
  const t = change(app);
  if (!t) throw new Error('no transition');
  const res = await store.updateApplication(app.id, app.version, t.app, t.audit);
  if (!res.ok) throw new Error(`seed write failed: ${res.reason}`);
  return res.value;
}

/** The application in the store at `stage`, written through the tracker's transitions (audited). */
export async function seedApplication(store: Store, at: Date, input: SeedInput): Promise<Application> {
  const reached = (stage: Stage) => ORDER.indexOf(input.stage ?? 'draft') >= ORDER.indexOf(stage);
  const call = input.call ?? callOf(PATIENT_SAFETY);
  const draft = draftOf(input, at);
  const by = input.applicant;
  let app = await store.createApplication(draft, createdAudit(draft, by));
  if (reached('ready'))
    app = await write(store, app, (a) => markStepDone(a, call, { step: 'draft', by }, at));
  if (reached('endorsed')) {
    const [nearest, clinic] = input.leaders ?? [];
    if (!nearest || !clinic) throw new Error('an endorsed application needs its two leaders');
    for (const [step, leader] of [
      ['endorse-nearest-leader', nearest],
      ['endorse-clinic-leader', clinic],
    ] as const) {
      app = await write(store, app, (a) => requestEndorsement(a, call, { step, leader, by }, at));
      app = await write(store, app, (a) =>
        decideEndorsement(a, call, { step, decision: 'approve', by: leader }, at),
      );
    }
  }
  if (reached('submitted')) app = await write(store, app, (a) => submit(a, call, { by }, at));
  if (reached('prioritised')) {
    const chief = input.chief;
    if (!chief) throw new Error('a prioritised application needs the chief who ranked it');
    app = await write(store, app, (a) => prioritise([a], call, { by: chief }, at)[0]);
  }
  return app;
}

/** The record as stored now (it must exist). */
export async function reload(store: Store, id: string): Promise<Application> {
  const app = await store.getApplication(id);
  if (!app) throw new Error(`application ${id} gone`);
  return app;
}

export const stepOf = (app: Application, id: string) => app.steps.find((s) => s.id === id);

export async function auditActions(store: Store, id: string): Promise<string[]> {
  return (await store.readAudit(id)).map((e) => e.action);
}
