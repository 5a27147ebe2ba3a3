import { describe, expect, it } from 'vitest';
import type { Application } from '../../src/domain/application.ts';
import { isMidlerError } from '../../src/domain/errors.ts';
import type { Store } from '../../src/store/store.ts';
import { alice, bob, carol, entry, makeApp, waitingOnPerson } from './fixtures.ts';
import { type StoreFactory, useHarness } from './harness.ts';

/** Read-modify-write with retry, as the domain does it: converges however many writers race. */
async function bump(store: Store, id: string, writer: number): Promise<number[]> {
  const lost: number[] = [];
  for (;;) {
    const cur = await store.getApplication(id);
    if (!cur) throw new Error('vanished');
    const count = Number(cur.answers.count ?? 0);
    const next: Application = { ...cur, answers: { ...cur.answers, count: count + 1, [`w${writer}`]: 1 } };
    const res = await store.updateApplication(id, cur.version, next, entry(bob, 'bump'));
    if (res.ok) return [...lost, res.value.version];
    if (res.reason !== 'conflict') throw new Error(res.reason);
    lost.push(-cur.version);
  }
}

export function applicationContract(make: StoreFactory): void {
  const h = useHarness(make);

  describe('applications', () => {
    it('creates version 1 with its first audit entry and refuses an existing id', async () => {
      const { store } = h();
      const created = await store.createApplication(makeApp('a1', { version: 7 }), entry(alice, 'created'));
      expect(created.version).toBe(1);
      expect(await store.getApplication('a1')).toEqual(created);
      expect(await store.getApplication('nope')).toBeNull();
      await expect(store.createApplication(makeApp('a1'), entry(alice, 'created'))).rejects.toSatisfy((e) =>
        isMidlerError(e, 'store.conflict'),
      );
      expect(await store.readAudit('a1')).toHaveLength(1);
    });

    it('writes only on the expected version and appends the audit entry with the change', async () => {
      const { store } = h();
      const v1 = await store.createApplication(makeApp('a1'), entry(alice, 'created'));
      const changes = { title: { before: v1.title, after: 'Safer discharge' } };
      const ok = await store.updateApplication(
        'a1',
        1,
        { ...v1, title: 'Safer discharge' },
        entry(alice, 'edit', { changes }),
      );
      expect(ok).toEqual({ ok: true, value: { ...v1, title: 'Safer discharge', version: 2 } });
      const stale = await store.updateApplication('a1', 1, { ...v1, title: 'Lost' }, entry(alice, 'edit'));
      expect(stale).toEqual({
        ok: false,
        reason: 'conflict',
        current: { ...v1, title: 'Safer discharge', version: 2 },
      });
      expect(await store.updateApplication('zz', 1, makeApp('zz'), entry(alice, 'edit'))).toEqual({
        ok: false,
        reason: 'not-found',
      });
      await expect(
        store.updateApplication('a1', 2, makeApp('other'), entry(alice, 'edit')),
      ).rejects.toSatisfy((e) => isMidlerError(e, 'input.invalid'));
      const audit = await store.readAudit('a1');
      expect(audit.map((a) => a.action)).toEqual(['created', 'edit']);
      expect(audit[1]).toMatchObject({ actor: alice, platform: 'teams', changes });
      expect(audit.every((a) => typeof a.id === 'string')).toBe(true);
      expect(new Set(audit.map((a) => a.id)).size).toBe(2);
      expect(await store.readAudit('never')).toEqual([]);
    });

    it('lists a user’s applications newest first, and a call’s applications', async () => {
      const { store } = h();
      await store.createApplication(
        makeApp('old', { createdAt: '2022-09-01T08:00:00.000Z' }),
        entry(alice, 'c'),
      );
      await store.createApplication(
        makeApp('new', { createdAt: '2022-09-03T08:00:00.000Z' }),
        entry(alice, 'c'),
      );
      await store.createApplication(
        makeApp('bobs', { applicant: { ...bob, trust: 'hnt' }, callId: 'innovasjon-2022' }),
        entry(bob, 'c'),
      );
      expect((await store.listApplicationsByUser('teams', alice.userId)).map((a) => a.id)).toEqual([
        'new',
        'old',
      ]);
      expect((await store.listApplicationsByUser('slack', bob.userId)).map((a) => a.id)).toEqual(['bobs']);
      expect(await store.listApplicationsByUser('slack', 'U0NOBODY')).toEqual([]);
      expect((await store.listApplicationsByCall('pasientsikkerhet-2023')).map((a) => a.id)).toEqual([
        'old',
        'new',
      ]);
      expect((await store.listApplicationsByCall('innovasjon-2022')).map((a) => a.id)).toEqual(['bobs']);
      // The two halves of the listing the engine splits over a turn's two round trips.
      expect(await store.applicationIdsOfUser('teams', alice.userId)).toEqual(['new', 'old']);
      expect(await store.applicationIdsOfUser('slack', 'U0NOBODY')).toEqual([]);
      const loaded = await store.getApplications(['bobs', 'missing', 'old']);
      expect(loaded.map((a) => [a.id, a.version])).toEqual([
        ['bobs', 1],
        ['old', 1],
      ]);
      expect(await store.getApplications([])).toEqual([]);
    });

    it('follows who a step waits on as the application changes', async () => {
      const { store } = h();
      const v1 = await store.createApplication(makeApp('a1'), entry(alice, 'created'));
      expect(await store.listApplicationsWaitingOn(bob)).toEqual([]);
      const asked = await store.updateApplication('a1', 1, waitingOnPerson(v1, bob), entry(alice, 'asked'));
      if (!asked.ok) throw new Error('write failed');
      expect((await store.listApplicationsWaitingOn(bob)).map((a) => a.id)).toEqual(['a1']);
      const moved = await store.updateApplication(
        'a1',
        2,
        waitingOnPerson(asked.value, carol),
        entry(bob, 'done'),
      );
      expect(moved.ok).toBe(true);
      expect(await store.listApplicationsWaitingOn(bob)).toEqual([]);
      expect((await store.listApplicationsWaitingOn(carol)).map((a) => a.id)).toEqual(['a1']);
    });

    it('loses no update when 50 writers race on one application', async () => {
      const { store } = h();
      await store.createApplication(makeApp('hot'), entry(alice, 'created'));
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => bump(store, 'hot', i)));
      const wonVersions = results.map((r) => r.at(-1));
      // Exactly one winner per version: versions 2..51, each once.
      expect([...wonVersions].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 2),
      );
      const final = await store.getApplication('hot');
      expect(final?.version).toBe(51);
      expect(final?.answers.count).toBe(50);
      expect(Object.keys(final?.answers ?? {}).filter((k) => k.startsWith('w'))).toHaveLength(50);
      expect(await store.readAudit('hot')).toHaveLength(51);
    });
  });
}
