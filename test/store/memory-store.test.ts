import { describe, expect, it } from 'vitest';
import { isMidlerError } from '../../src/domain/errors.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { storeContract } from '../contract/store.contract.ts';

storeContract('MemoryStore', async () => {
  let now = Date.parse('2022-09-01T08:00:00.000Z');
  const store = createMemoryStore({ clock: () => new Date(now) });
  return {
    store,
    advance: async (ms) => {
      now += ms;
    },
    dispose: () => store.close(),
  };
});

describe('MemoryStore outage switch', () => {
  it('fails every call with store.unavailable while switched off, and works again after', async () => {
    const store = createMemoryStore();
    await store.putDialog('d', { dialog: 'help', step: 'a', answers: {}, version: 1 }, 60);
    store.simulateOutage(true);
    await expect(store.getDialog('d')).rejects.toSatisfy((e) => isMidlerError(e, 'store.unavailable'));
    await expect(store.claimOnce('k', 60)).rejects.toSatisfy((e) => isMidlerError(e, 'store.unavailable'));
    store.simulateOutage(false);
    expect((await store.getDialog('d'))?.step).toBe('a');
  });
});

describe('MemoryStore memory', () => {
  it('lets go of conversations past their TTL even when nobody reads them again', async () => {
    let now = Date.parse('2022-09-01T08:00:00.000Z');
    const store = createMemoryStore({ clock: () => new Date(now) });
    const owner = (i: number) => ({ platform: 'teams' as const, userId: `u${i}` });
    for (let i = 0; i < 500; i++) {
      await store.putDialog(`d${i}`, { dialog: 'help', step: 'a', answers: {}, version: 1 }, 300, owner(i));
      await store.claimOnce(`turn-${i}`, 300);
      // A delivery's in-progress lease and its kept replay (the turn runner's marks) expire too.
      await store.claimTurn(`delivery-${i}`, `t${i}`, 5_000);
      await store.keepTurnReplay(`delivery-${i}`, { replies: [] }, 300);
    }
    await store.putDialog('kept', { dialog: 'help', step: 'a', answers: {}, version: 1 }, 3600, owner(0));
    expect(store.entryCount()).toBeGreaterThanOrEqual(2001);
    now += 10 * 60_000;
    await store.getDialog('kept');
    // What is left: the live dialog and its owner.
    expect(store.entryCount()).toBe(2);
    expect((await store.getDialog('kept'))?.step).toBe('a');
  });
});
