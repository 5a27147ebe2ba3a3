import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/bot/engine.ts';
import type { Inbound } from '../../src/bot/messages.ts';
import type { Person } from '../../src/domain/application.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { PLATFORMS, realCatalog, seedApplication, stepOf, useKit } from '../kit/index.ts';

/**
 * How dialogs/endorsement.ts names a leader picked by platform id: the stored profile, else the name
 * the adapter looked up this turn (`Inbound.action.people`), else the typed name, else the role. Over
 * the real endpoints, a leader picked who never talked to the bot is named by the platform's lookup
 * (Teams: TeamsInfo.getMember among the chat's members; Slack: users.info), not by the role; a failing
 * lookup falls back to the role and the request still goes out.
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
  await seedApplication(store, AT, { id: 'a1', applicant: kari, title: 'T', stage: 'ready' });
  if (profileName)
    await store.putUser({ platform: 'teams', userId: LEADER, name: profileName, nudges: true });
  const engine = createEngine({ store, catalog: realCatalog(), clock: () => AT });
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

describe.each(PLATFORMS)('the name of a leader picked on %s', (surface) => {
  const kit = useKit(surface, { at: AT.toISOString() });
  const applicant = kit.user('Kari Nordmann');
  // Nils has the app (reachable) but never wrote to the bot: no stored profile, no name.
  const nils = kit.user('Nils Leder');
  const TITLE = 'Tryggere overganger';

  /** The lookups the adapter made for `who` (Teams: conversation members; Slack: users.info). */
  const lookups = (id: string) =>
    kit.teams
      ? kit.teams.capture.memberLookups().filter((r) => r.path.endsWith(`/members/${id}`))
      : (kit.slack?.capture.of('users.info').filter((c) => c.args.user === id) ?? []);
  const waitingOn = async (id: string) => stepOf(await kit.reload(id), 'endorse-nearest-leader')?.waitingOn;

  it('names a leader who never talked to the bot by the platform’s lookup, and keeps their profile on their first turn', async () => {
    const app = await applicant.applies({ title: TITLE, stage: 'ready' });
    await applicant
      .says('be om godkjenning')
      .presses('Send forespørselen', { [PERSON]: nils })
      .sees('sendt til Nils Leder', 'venter på Nils Leder')
      .notSees('venter på Nærmeste leder');
    expect(lookups(nils.id)).toHaveLength(1);
    if (kit.teams)
      expect(kit.teams.capture.memberLookups().map((r) => r.path)).toEqual([
        `/v3/conversations/${encodeURIComponent(applicant.identity.conversation)}/members/${nils.id}`,
      ]);
    expect(await waitingOn(app.id)).toMatchObject({ userId: nils.id, name: 'Nils Leder' });
    expect(nils.received(`Godkjenning: ${TITLE}`)).toHaveLength(1);

    // The name learned from the pick does not stand in for Nils's own first turn: his profile is kept.
    expect(await kit.store.getUser(surface, nils.id)).toBeNull();
    await nils.says('hva venter på meg');
    expect((await kit.store.getUser(surface, nils.id))?.name).toBe('Nils Leder');
  });

  it('falls back to the role when the lookup fails, and still sends the request', async () => {
    const app = await applicant.applies({ title: TITLE, stage: 'ready' });
    await applicant.says('be om godkjenning');
    // Slack's users.info fails; on Teams a bare id (no persona) is not among the chat's members.
    kit.slack?.capture.failNext('users.info', { error: 'user_not_found' });
    await applicant.presses('Send forespørselen', { [PERSON]: nils.id }).sees('venter på Nærmeste leder');
    expect(lookups(nils.id)).toHaveLength(1);
    expect(await waitingOn(app.id)).toMatchObject({ userId: nils.id, name: 'Nærmeste leder' });
    expect(nils.received(`Godkjenning: ${TITLE}`)).toHaveLength(1);
  });
});
