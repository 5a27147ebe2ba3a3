import type { Application, Person } from '../../src/domain/application.ts';
import { prioritise, submit, type Transition } from '../../src/domain/tracker.ts';
import type { Store } from '../../src/store/store.ts';
import { patientSafety, reload } from './http-world.ts';

/**
 * Seeds for the applicant's steps over real HTTP (teams-progress, slack-progress): what the chat
 * cannot reach on its own in one test without another dialog's whole flow.
 */

async function seedWrite(store: Store, id: string, change: (a: Application) => Transition | undefined) {
  const app = await reload(store, id);
  const t = change(app);
  if (!t) throw new Error('no transition');
  const res = await store.updateApplication(app.id, app.version, t.app, t.audit);
  if (!res.ok) throw new Error(`seed write failed: ${res.reason}`);
  return res.value;
}

/**
 * An endorsed application handed in (recorded by its applicant) and ranked first by the trust's
 * quality chief outside the chat: the award is the applicant's next step.
 */
export async function seedSubmittedAndPrioritised(
  store: Store,
  id: string,
  people: { applicant: Person; chief: Person },
  now: Date,
): Promise<Application> {
  const call = patientSafety();
  await seedWrite(store, id, (a) => submit(a, call, { by: people.applicant }, now));
  return seedWrite(store, id, (a) => prioritise([a], call, { by: people.chief }, now)[0]);
}

/** The edit form's three inputs as the applicant leaves them (input ids of dialogs/progress-cards.ts). */
export const editInputs = (title: string, requested: string, own: string) => ({ title, requested, own });

/** The same three as Slack's view_submission carries them in `view.state.values` (block id = action id). */
export function editState(title: string, requested: string, own: string) {
  const text = (value: string) => ({ type: 'plain_text_input', value });
  return {
    title: { title: text(title) },
    requested: { requested: text(requested) },
    own: { own: text(own) },
  };
}
