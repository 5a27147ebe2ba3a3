import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/bot/engine.ts';
import type { Inbound } from '../../src/bot/messages.ts';
import type { Person } from '../../src/domain/application.ts';
import { createdAudit, markStepDone, newApplication } from '../../src/domain/tracker.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { realCatalog } from '../support/transcript.ts';

/**
 * How dialogs/endorsement.ts names a leader picked by platform id: the stored profile, else the name
 * the adapter looked up this turn (`Inbound.action.people`), else the typed name, else the role.
 */

const AT = new Date('2022-10-10T08:00:00Z');
const LEADER = '22222222-2222-4222-8222-222222222222';
const kari: Person = { platform: 'teams', userId: '11111111-1111-4111-8111-111111111111', name: 'Kari' };

type People = NonNullable<Inbound['action']>['people'];

async function pick(
  inputs: Record<string, unknown>,
  profileName?: string,
  people?: People,
): Promise<string | undefined> {
  const store = createMemoryStore();
  const catalog = realCatalog();
  const call = catalog.get('pasientsikkerhet-2023-2024');
  if (!call) throw new Error('call missing');
  const draft = newApplication(
    call,
    {
      id: 'a1',
      applicant: { ...kari, trust: 'st-olavs-hospital' },
      category: 'project',
      title: 'T',
      answers: {},
      verdict: 'eligible',
      // What the applicant asks for: the leader's card shows it, and no request goes out without it.
      amount: {
        maxRequest: 500_000,
        requiredOwnFinancing: 0,
        eligibleTotal: 500_000,
        binding: 'budget',
        requested: 400_000,
        own: 0,
      },
    },
    AT,
  );
  const created = await store.createApplication(draft, createdAudit(draft, kari));
  const ready = markStepDone(created, call, { step: 'draft', by: kari }, AT);
  await store.updateApplication(created.id, created.version, ready.app, ready.audit);
  if (profileName)
    await store.putUser({ platform: 'teams', userId: LEADER, name: profileName, nudges: true });
  const engine = createEngine({ store, catalog, clock: () => AT });
  const event: Inbound = {
    platform: 'teams',
    user: { id: kari.userId, name: kari.name },
    conversation: { id: 'a:kari', kind: 'personal' },
    action: { id: 'endorsement.send', data: { app: 'a1' }, inputs, ...(people ? { people } : {}) },
    at: AT,
  };
  await engine.handle(event);
  const app = await store.getApplication('a1');
  return app?.steps.find((s) => s.id === 'endorse-nearest-leader')?.waitingOn?.name;
}

const PERSON = 'leader-endorse-nearest-leader';
const TYPED = 'leader-name-endorse-nearest-leader';
const looked = { [LEADER]: { name: 'Nils Leder' } };

describe('the name of a picked leader', () => {
  it('is the stored profile name first', async () => {
    expect(await pick({ [PERSON]: LEADER, [TYPED]: 'Typed' }, 'Nils Profil', looked)).toBe('Nils Profil');
  });
  it('else the name the adapter looked up this turn, over a typed one', async () => {
    expect(await pick({ [PERSON]: LEADER, [TYPED]: 'Typed' }, undefined, looked)).toBe('Nils Leder');
  });
  it('else the typed name, else the role', async () => {
    expect(await pick({ [PERSON]: LEADER, [TYPED]: '  Typed  ' })).toBe('Typed');
    expect(await pick({ [PERSON]: LEADER })).toBe('Nærmeste leder');
  });
  it('ignores a looked-up entry for another id, a blank one, and anything sent among the inputs', async () => {
    expect(await pick({ [PERSON]: LEADER }, undefined, { other: { name: 'X' } })).toBe('Nærmeste leder');
    expect(await pick({ [PERSON]: LEADER }, undefined, { [LEADER]: { name: '  ' } })).toBe('Nærmeste leder');
    expect(await pick({ [PERSON]: LEADER, people: { [LEADER]: { name: 'Forged' } } })).toBe('Nærmeste leder');
  });
});
