import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { lazyChild } from '../../src/server/lazy-log.ts';
import { createLogger } from '../../src/server/logger.ts';

function logger(level: string) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _e, cb) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      cb();
    },
  });
  return { log: createLogger({ level, destination }), lines };
}

describe('a lazy child logger', () => {
  it('makes no child for lines below the level, and writes the others with its bindings, redacted', () => {
    const { log, lines } = logger('warn');
    const child = vi.spyOn(log, 'child');
    const lazy = lazyChild(log, { reqId: 'r-1' });
    lazy.info({ a: 1 }, 'not written');
    lazy.debug('not written either');
    expect(child).not.toHaveBeenCalled();
    lazy.warn({ authorization: 'Bearer abcdefghijkl' }, 'written');
    lazy.error('again');
    expect(child).toHaveBeenCalledTimes(1);
    expect(lines.map((l) => [l.msg, l.reqId, l.authorization])).toEqual([
      ['written', 'r-1', '[redacted]'],
      ['again', 'r-1', undefined],
    ]);
  });

  it('is a logger like the child: its own children, level and bindings', () => {
    const { log, lines } = logger('info');
    const lazy = lazyChild(log, { platform: 'teams' });
    expect(lazy.level).toBe('info');
    expect(lazy.bindings()).toMatchObject({ platform: 'teams' });
    lazy.child({ conversation: 'c' }).info('hello');
    expect(lines[0]).toMatchObject({ msg: 'hello', platform: 'teams', conversation: 'c' });
  });
});
