import { describe, expect, it } from 'vitest';
import type { ConversationRef, DialogState, Subscription } from '../../src/store/store.ts';
import { alice } from './fixtures.ts';
import { type StoreFactory, useHarness } from './harness.ts';

const dialog = (step: string, version = 1): DialogState => ({
  dialog: 'eligibility',
  step,
  answers: { trust: 'st-olavs', employedPercent: 40 },
  version,
  locale: 'nb',
});

const personalRef = (conversationId: string): ConversationRef => ({
  platform: 'teams',
  key: `teams:${conversationId}`,
  conversationId,
  kind: 'personal',
  userId: alice.userId,
  data: { serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: conversationId } },
  updatedAt: '2022-09-01T08:00:00.000Z',
});

const subscription = (conversationKey: string): Subscription => ({
  conversationKey,
  platform: 'slack',
  callIds: ['innovasjon-2022'],
  daysBefore: [14, 7, 2, 0],
  timeOfDay: '09:00',
  paused: false,
  updatedAt: '2022-09-01T08:00:00.000Z',
  updatedBy: 'U0BOB',
});

export function stateContract(make: StoreFactory): void {
  const h = useHarness(make);

  describe('dialog state', () => {
    it('saves, reads back an equal copy, and deletes', async () => {
      const { store } = h();
      expect(await store.getDialog('teams:c1:u1')).toBeNull();
      await store.putDialog('teams:c1:u1', dialog('trust'), 600);
      const got = await store.getDialog('teams:c1:u1');
      expect(got).toEqual(dialog('trust'));
      if (got) got.step = 'mutated';
      expect((await store.getDialog('teams:c1:u1'))?.step).toBe('trust');
      await store.putDialog('teams:c1:u1', dialog('percent', 2), 600, alice);
      expect(await store.getDialog('teams:c1:u1')).toEqual(dialog('percent', 2));
      await store.deleteDialog('teams:c1:u1');
      expect(await store.getDialog('teams:c1:u1')).toBeNull();
    });

    it('lets dialog state and once-markers expire after their TTL', async () => {
      const { store, advance } = h();
      await store.putDialog('short', dialog('a'), 1);
      await store.putDialog('long', dialog('b'), 600);
      expect(await store.claimOnce('evt-1', 1)).toBe(true);
      expect(await store.claimOnce('evt-1', 1)).toBe(false);
      await advance(1300);
      expect(await store.getDialog('short')).toBeNull();
      expect(await store.getDialog('long')).toEqual(dialog('b'));
      expect(await store.claimOnce('evt-1', 1)).toBe(true);
    });
  });

  it('keeps user profiles', async () => {
    const { store } = h();
    expect(await store.getUser('teams', alice.userId)).toBeNull();
    await store.putUser({
      platform: 'teams',
      userId: alice.userId,
      name: alice.name,
      locale: 'en',
      nudges: true,
    });
    await store.putUser({
      platform: 'teams',
      userId: alice.userId,
      name: alice.name,
      locale: 'nb',
      nudges: false,
    });
    expect(await store.getUser('teams', alice.userId)).toEqual({
      platform: 'teams',
      userId: alice.userId,
      name: alice.name,
      locale: 'nb',
      nudges: false,
    });
    expect(await store.getUser('slack', alice.userId)).toBeNull();
  });

  describe('conversation references', () => {
    it('finds a personal chat by user and forgets it with the conversation', async () => {
      const { store } = h();
      await store.putConversationRef(personalRef('a:1'));
      expect(await store.getConversationRef('teams:a:1')).toEqual(personalRef('a:1'));
      expect(await store.getPersonalRef('teams', alice.userId)).toEqual(personalRef('a:1'));
      await store.deleteConversationRef('teams:a:1');
      expect(await store.getConversationRef('teams:a:1')).toBeNull();
      expect(await store.getPersonalRef('teams', alice.userId)).toBeNull();
    });

    it('keeps the newer personal chat when an older one is forgotten', async () => {
      const { store } = h();
      await store.putConversationRef(personalRef('a:1'));
      await store.putConversationRef(personalRef('a:2'));
      await store.deleteConversationRef('teams:a:1');
      expect((await store.getPersonalRef('teams', alice.userId))?.key).toBe('teams:a:2');
    });

    it('does not treat a channel as anyone’s personal chat', async () => {
      const { store } = h();
      const { userId: _, ...rest } = personalRef('ch');
      await store.putConversationRef({ ...rest, kind: 'channel' });
      expect((await store.getConversationRef('teams:ch'))?.kind).toBe('channel');
      expect(await store.getPersonalRef('teams', alice.userId)).toBeNull();
    });
  });

  it('keeps, lists, replaces and removes channel subscriptions', async () => {
    const { store } = h();
    expect(await store.listSubscriptions()).toEqual([]);
    await store.putSubscription(subscription('slack:C2'));
    await store.putSubscription(subscription('slack:C1'));
    await store.putSubscription({ ...subscription('slack:C2'), paused: true });
    expect(await store.getSubscription('slack:C2')).toEqual({ ...subscription('slack:C2'), paused: true });
    expect((await store.listSubscriptions()).map((s) => s.conversationKey)).toEqual(['slack:C1', 'slack:C2']);
    await store.deleteSubscription('slack:C1');
    expect(await store.getSubscription('slack:C1')).toBeNull();
    expect(await store.listSubscriptions()).toHaveLength(1);
  });

  it('counts hits per fixed window', async () => {
    const { store } = h();
    const t0 = new Date('2022-09-01T08:00:00.000Z');
    const later = new Date(t0.getTime() + 30_000);
    const nextWindow = new Date(t0.getTime() + 60_000);
    expect(await store.tryRate('u1', 2, 60_000, t0)).toBe(true);
    expect(await store.tryRate('u1', 2, 60_000, later)).toBe(true);
    expect(await store.tryRate('u1', 2, 60_000, later)).toBe(false);
    expect(await store.tryRate('u2', 2, 60_000, later)).toBe(true);
    expect(await store.tryRate('u1', 2, 60_000, nextWindow)).toBe(true);
  });

  it('claims a once-key for exactly one of many concurrent callers', async () => {
    const { store } = h();
    const wins = await Promise.all(
      Array.from({ length: 20 }, () => store.claimOnce('decision:app-1:leader', 60)),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('releases a once-marker so the next claim wins again', async () => {
    const { store } = h();
    expect(await store.claimOnce('send:r-1', 600)).toBe(true);
    expect(await store.claimOnce('send:r-1', 600)).toBe(false);
    await store.releaseOnce('send:r-1');
    expect(await store.claimOnce('send:r-1', 600)).toBe(true);
    await store.releaseOnce('never-claimed');
  });

  it('answers a ping', async () => {
    await expect(h().store.ping()).resolves.toBeUndefined();
  });
}
