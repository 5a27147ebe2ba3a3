import { describe, expect, it } from 'vitest';
import { CASES, measure, type PersistenceCase } from '../../bench/redis-persistence.ts';
import { loadCatalog } from '../../src/calls/load.ts';

/**
 * Why compose.yaml runs Redis append-only: on a real redis-server, a restart without persistence
 * loses every application, and a crash loses what the last RDB snapshot did not hold; with the
 * append-only file they survive a crash. The figures are in docs/operations.md.
 */

const catalog = loadCatalog('calls');
const named = (id: PersistenceCase['id']) => CASES.find((c) => c.id === id) as PersistenceCase;

describe('Redis persistence, measured on a real redis-server', { timeout: 120_000 }, () => {
  it('without persistence a restart loses the applications, subscriptions and reminders', async () => {
    const row = await measure(named('none'), catalog);
    expect(row.written.applications).toBe(25);
    expect(row.written.reminders).toBeGreaterThan(0);
    expect(row.afterRestart).toEqual({ applications: 0, subscriptions: 0, reminders: 0 });
  });

  it('with RDB snapshots only, a crash between snapshots loses them too', async () => {
    const row = await measure(named('rdb-crash'), catalog);
    expect(row.afterRestart.applications).toBe(0);
  });

  it('append-only keeps every application, subscription and reminder through a crash', async () => {
    const row = await measure(named('aof-crash'), catalog);
    expect(row.afterRestart).toEqual(row.written);
    expect(row.afterRestart.applications).toBe(25);
  });
});
