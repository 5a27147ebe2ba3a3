import { describe, expect, it } from 'vitest';
import { type StoreFactory, useHarness } from './harness.ts';

/** Turn de-duplication (docs/reliability.md, "Turns"): lease, done-mark and replay. */
export function turnContract(make: StoreFactory): void {
  const h = useHarness(make);
  const replay = { replies: [{ kind: 'text', text: 'Søknaden er opprettet.' }], locale: 'nb' as const };

  describe('turn claims', () => {
    it('a claim holds a lease; another delivery finds it in progress; done answers later ones as done', async () => {
      const { store } = h();
      expect(await store.claimTurn('teams:a:1', 'first', 5_000)).toEqual({ state: 'claimed' });
      expect(await store.claimTurn('teams:a:1', 'second', 5_000)).toEqual({ state: 'in-progress' });
      expect(await store.renewTurn('teams:a:1', 'first', 5_000)).toBe(true);
      expect(await store.renewTurn('teams:a:1', 'second', 5_000)).toBe(false);
      // Not the holder: nothing changes.
      await store.finishTurn('teams:a:1', 'second', 'done', 3600);
      expect(await store.claimTurn('teams:a:1', 'third', 5_000)).toEqual({ state: 'in-progress' });
      await store.finishTurn('teams:a:1', 'first', 'done', 3600);
      expect(await store.claimTurn('teams:a:1', 'fourth', 5_000)).toEqual({ state: 'done' });
      expect(await store.renewTurn('teams:a:1', 'first', 5_000)).toBe(false);
    });

    it('a lease that runs out (the replica died) frees the delivery for a redelivery', async () => {
      const { store, advance } = h();
      expect((await store.claimTurn('teams:a:2', 'dead', 1_000)).state).toBe('claimed');
      await advance(1_300);
      expect(await store.claimTurn('teams:a:2', 'next', 5_000)).toEqual({ state: 'claimed' });
    });

    it('retry gives the delivery back with the replay kept; done drops the replay', async () => {
      const { store } = h();
      expect((await store.claimTurn('slack:e:3', 'one', 5_000)).state).toBe('claimed');
      await store.keepTurnReplay('slack:e:3', replay, 3600);
      await store.finishTurn('slack:e:3', 'one', 'retry', 3600);
      expect(await store.claimTurn('slack:e:3', 'two', 5_000)).toEqual({ state: 'claimed', replay });
      await store.finishTurn('slack:e:3', 'two', 'done', 3600);
      expect(await store.claimTurn('slack:e:3', 'three', 5_000)).toEqual({ state: 'done' });
    });

    it('the replay outlives a dead delivery’s lease, so its redelivery answers from it', async () => {
      const { store, advance } = h();
      expect((await store.claimTurn('teams:a:4', 'dead', 1_000)).state).toBe('claimed');
      await store.keepTurnReplay('teams:a:4', replay, 3600);
      await advance(1_300);
      expect(await store.claimTurn('teams:a:4', 'next', 5_000)).toEqual({ state: 'claimed', replay });
    });

    it('a claimOnce marker on the key reads as done', async () => {
      const { store } = h();
      expect(await store.claimOnce('teams:a:5', 60)).toBe(true);
      expect(await store.claimTurn('teams:a:5', 'x', 5_000)).toEqual({ state: 'done' });
    });
  });
}
