import { expect, it } from 'vitest';
import type { ConversationRef } from '../../src/store/store.ts';
import { alice, bob, entry, makeApp, waitingOnPerson } from './fixtures.ts';
import { type StoreFactory, useHarness } from './harness.ts';

const ref = (who: typeof alice, id: string): ConversationRef => ({
  platform: who.platform,
  key: `${who.platform}:${id}`,
  conversationId: id,
  kind: 'personal',
  userId: who.userId,
  data: {},
  updatedAt: '2022-09-01T08:00:00.000Z',
});

export function privacyContract(make: StoreFactory): void {
  const h = useHarness(make);

  it('deletes a person’s data and reduces their audit entries elsewhere to an anonymous marker', async () => {
    const { store } = h();
    await store.createApplication(makeApp('a1'), entry(alice, 'created'));
    await store.createApplication(makeApp('a2', { callId: 'innovasjon-2022' }), entry(alice, 'created'));
    const theirs = await store.createApplication(
      waitingOnPerson(makeApp('b1', { applicant: { ...bob, trust: 'hnt' } }), alice),
      entry(bob, 'created'),
    );
    const endorsed = await store.updateApplication(
      'b1',
      1,
      { ...theirs, title: 'Endorsed' },
      entry(alice, 'endorsed', { comment: 'Go ahead, Bob', changes: { title: { before: 'x', after: 'y' } } }),
    );
    expect(endorsed.ok).toBe(true);
    await store.putDialog(
      'teams:conv-a:aad-alice',
      { dialog: 'amount', step: 'total', answers: {}, version: 1 },
      600,
      alice,
    );
    await store.putDialog(
      'slack:conv-b:U0BOB',
      { dialog: 'amount', step: 'total', answers: {}, version: 1 },
      600,
      bob,
    );
    await store.putConversationRef(ref(alice, 'conv-a'));
    await store.putConversationRef(ref(bob, 'conv-b'));
    await store.putUser({ platform: 'teams', userId: alice.userId, name: alice.name, nudges: true });
    const before = await store.readAudit('b1');

    const summary = await store.deleteUserData('teams', alice.userId);

    expect(summary).toEqual({
      applications: 2,
      dialogs: 1,
      references: 1,
      auditEntriesAnonymised: 1,
      profile: true,
    });
    expect(await store.getApplication('a1')).toBeNull();
    expect(await store.readAudit('a1')).toEqual([]);
    expect(await store.listApplicationsByUser('teams', alice.userId)).toEqual([]);
    expect(await store.listApplicationsByCall('innovasjon-2022')).toEqual([]);
    expect((await store.listApplicationsByCall('pasientsikkerhet-2023')).map((a) => a.id)).toEqual(['b1']);
    expect(await store.getDialog('teams:conv-a:aad-alice')).toBeNull();
    expect(await store.getDialog('slack:conv-b:U0BOB')).not.toBeNull();
    expect(await store.getPersonalRef('teams', alice.userId)).toBeNull();
    expect(await store.getConversationRef('teams:conv-a')).toBeNull();
    expect(await store.getPersonalRef('slack', bob.userId)).not.toBeNull();
    expect(await store.getUser('teams', alice.userId)).toBeNull();

    const after = await store.readAudit('b1');
    expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toEqual({
      id: before[1]?.id,
      at: before[1]?.at,
      platform: 'teams',
      action: 'endorsed',
      actor: { anonymous: true },
    });
    const next = await store.updateApplication('b1', 2, { ...theirs, title: 'Later' }, entry(bob, 'edit'));
    expect(next.ok).toBe(true);
    expect((await store.readAudit('b1')).map((e) => e.action)).toEqual(['created', 'endorsed', 'edit']);

    expect(await store.deleteUserData('teams', alice.userId)).toEqual({
      applications: 0,
      dialogs: 0,
      references: 0,
      auditEntriesAnonymised: 0,
      profile: false,
    });
  });
}
