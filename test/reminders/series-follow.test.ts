import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.ts';
import { Chat, play, transcriptStores } from '../support/transcript.ts';

/** A channel follows the series of its calls unless it says not to (docs/calls-lifecycle.md). */
describe.each(transcriptStores('series-follow'))('following a series on $name', ({ make }) => {
  let store: Store;
  afterEach(async () => {
    await store?.close();
  });

  it('nb: a channel turns the announcements of new calls off and on again', async () => {
    store = make();
    const c = new Chat({
      store,
      at: '2022-09-15T10:00:00Z',
      platform: 'slack',
      conversationId: 'C0TEAM',
      conversationKind: 'channel',
      userId: 'U1',
    });
    await play(c, [
      { say: 'påminnelser', not: ['[Ikke meld nye utlysninger]'] },
      { click: 'Velg utlysninger' },
      { click: 'Lagre', inputs: { calls: ['innovasjon-2023'] }, expect: ['[Ikke meld nye utlysninger]'] },
      { click: 'Ikke meld nye utlysninger', expect: ['[Meld nye utlysninger]'] },
    ]);
    expect((await store.getSubscription('slack:C0TEAM'))?.seriesOptOut).toEqual(['innovasjonsmidler']);
    await play(c, [{ click: 'Meld nye utlysninger', expect: ['[Ikke meld nye utlysninger]'] }]);
    const sub = await store.getSubscription('slack:C0TEAM');
    expect(sub?.seriesOptOut).toBeUndefined();
    expect(sub?.callIds).toEqual(['innovasjon-2023']);
  });
});
