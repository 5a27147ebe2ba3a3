import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  const abs = join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const p = join(abs, name);
    if (statSync(p).isDirectory()) return sources(relative(root, p));
    return /\.(ts|mts|js)$/.test(name) ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

describe('architecture boundaries', () => {
  const core = [...sources('src/domain'), ...sources('src/bot'), ...sources('dialogs')];

  it('the core imports no platform SDK, Redis client or HTTP/file I/O', () => {
    const banned =
      /^(botbuilder|botframework-|@slack\/|ioredis|express|node:(http|https|net|fs|child_process)|(http|https|net|fs)$)/;
    const leaks = core.flatMap((f) =>
      importsOf(f)
        .filter((m) => banned.test(m))
        .map((m) => `${relative(root, f)}: ${m}`),
    );
    expect(leaks).toEqual([]);
  });

  it('the core never reads the wall clock directly', () => {
    const offenders = core.filter((f) => /Date\.now\(\)|new Date\(\)/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('botbuilder is imported only inside adapters/teams', () => {
    const everything = [
      ...sources('src'),
      ...sources('dialogs'),
      ...sources('adapters'),
      ...sources('test'),
      ...sources('bench'),
      ...sources('faults'),
    ];
    const outside = everything.filter(
      (f) =>
        !relative(root, f).startsWith('adapters/teams') &&
        importsOf(f).some((m) => /^(botbuilder|botframework-)/.test(m)),
    );
    expect(outside.map((f) => relative(root, f))).toEqual([]);
  });

  it('@slack/bolt is imported only inside adapters/slack', () => {
    const everything = [...sources('src'), ...sources('dialogs'), ...sources('adapters')];
    const outside = everything.filter(
      (f) => !relative(root, f).startsWith('adapters/slack') && importsOf(f).some((m) => /^@slack\//.test(m)),
    );
    expect(outside.map((f) => relative(root, f))).toEqual([]);
  });
});
