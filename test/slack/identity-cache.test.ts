import { describe, expect, it } from 'vitest';
import { IdentityCache } from '../../adapters/slack/identity.ts';

describe('Slack identity cache (per replica)', () => {
  it('forgets a name after its TTL, on the injected clock', () => {
    let now = Date.parse('2023-09-04T08:00:00Z');
    const cache = new IdentityCache({ clock: () => new Date(now), ttlMs: 60_000 });
    cache.set('U1', { name: 'Kari', locale: 'nb', fresh: true });
    expect(cache.get('U1')).toEqual({ name: 'Kari', locale: 'nb' });
    now += 59_999;
    expect(cache.get('U1')?.name).toBe('Kari');
    now += 1;
    expect(cache.get('U1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('is bounded: the least recently used person goes first', () => {
    const cache = new IdentityCache({ clock: () => new Date(0), maxEntries: 2 });
    cache.set('U1', { name: 'A' });
    cache.set('U2', { name: 'B' });
    expect(cache.get('U1')?.name).toBe('A');
    cache.set('U3', { name: 'C' });
    expect(cache.size).toBe(2);
    expect(cache.get('U2')).toBeUndefined();
    expect(cache.get('U1')?.name).toBe('A');
    expect(cache.get('U3')?.name).toBe('C');
  });

  it('takes the language the engine answered in over Slack’s', () => {
    const cache = new IdentityCache({ clock: () => new Date(0) });
    cache.set('U1', { name: 'Kari', locale: 'nb' });
    cache.noteLocale('U1', 'en');
    cache.noteLocale('U9', 'en');
    expect(cache.get('U1')).toEqual({ name: 'Kari', locale: 'en' });
    expect(cache.get('U9')).toBeUndefined();
  });
});
