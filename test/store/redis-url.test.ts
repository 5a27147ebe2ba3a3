import { describe, expect, it } from 'vitest';
import { isMidlerError } from '../../src/domain/errors.ts';
import { createKeys, hashTagOf } from '../../src/store/keys.ts';
import { parseRedisUrl } from '../../src/store/redis-connection.ts';
import { errorOf } from '../support/errors.ts';

describe('parseRedisUrl', () => {
  it('reads a single server, with credentials, TLS and database', () => {
    expect(parseRedisUrl('redis://localhost')).toEqual({
      mode: 'single',
      tls: false,
      endpoints: [{ host: 'localhost', port: 6379 }],
    });
    expect(parseRedisUrl('rediss://bot:p%40ss@cache.example.no:6380/3')).toEqual({
      mode: 'single',
      tls: true,
      endpoints: [{ host: 'cache.example.no', port: 6380 }],
      username: 'bot',
      password: 'p@ss',
      db: 3,
    });
    expect(parseRedisUrl('redis://:pw@[::1]:7000').endpoints).toEqual([{ host: '::1', port: 7000 }]);
  });

  it('reads Sentinel and Cluster lists', () => {
    expect(
      parseRedisUrl('redis+sentinel://:pw@s1:26379,s2,s3:26380/mymaster?db=1&sentinelPassword=sp'),
    ).toEqual({
      mode: 'sentinel',
      tls: false,
      endpoints: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26379 },
        { host: 's3', port: 26380 },
      ],
      password: 'pw',
      masterName: 'mymaster',
      sentinelPassword: 'sp',
      db: 1,
    });
    expect(parseRedisUrl('rediss+cluster://n1:7000,n2:7001')).toMatchObject({
      mode: 'cluster',
      tls: true,
      endpoints: [
        { host: 'n1', port: 7000 },
        { host: 'n2', port: 7001 },
      ],
    });
    expect(parseRedisUrl('redis://seed:7000', 'cluster').mode).toBe('cluster');
  });

  it('rejects what it cannot use, without echoing the URL', () => {
    for (const bad of [
      'http://x',
      'redis://a:1,b:2',
      'redis+sentinel://s1:26379',
      'redis://:secret@host:99999',
      'redis+cluster://n1:7000/2',
    ]) {
      const error = errorOf(() => parseRedisUrl(bad));
      expect(isMidlerError(error, 'config.invalid'), bad).toBe(true);
      expect(String((error as Error).message)).not.toContain('secret');
    }
    expect(() => parseRedisUrl('redis+sentinel://s:1/m', 'cluster')).toThrow(/REDIS_MODE/);
  });
});

describe('key schema', () => {
  const k = createKeys('mb:');

  it('puts every key under the prefix and each entity’s keys in one hash slot', () => {
    expect(k.app('a1')).toBe('mb:{app:a1}');
    expect(hashTagOf(k.app('a1'))).toBe(hashTagOf(k.audit('a1')));
    const user = [
      'userApps',
      'userWaiting',
      'userActed',
      'userDialogs',
      'userProfile',
      'userPersonalRef',
    ] as const;
    expect(new Set(user.map((f) => hashTagOf(k[f]('slack', 'U1'))))).toEqual(new Set(['user:slack:U1']));
    const queue = [k.reminderDue(), k.reminderItems(), k.reminderLeases(), k.reminderDelivered()];
    expect(new Set(queue.map(hashTagOf))).toEqual(new Set(['reminders']));
  });

  it('keeps a brace in an id from breaking the hash tag', () => {
    expect(hashTagOf(k.dialog('teams:a}b{c'))).toBe('dialog:teams:a%7Db%7Bc');
    expect(hashTagOf(k.audit('x}y'))).toBe(hashTagOf(k.app('x}y')));
  });
});
