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
