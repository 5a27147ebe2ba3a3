import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages, parts } from '../../src/i18n/catalog/index.ts';
import { formatDate, formatDaysLeft } from '../../src/i18n/format.ts';
import { t } from '../../src/i18n/t.ts';

const placeholders = (s: string) => [...s.matchAll(/\{([\w-]+)\}/g)].map((m) => m[1]).sort();

/**
 * Finds user-facing text written inline in source: string literals with Norwegian letters, two
 * words separated by a space, or a capitalised word ("Ja", "Send"). Keys ("help.title"), ids
 * ("yes-no") and separators (" – ") pass.
 */
function inlineTexts(source: string): string[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .filter((line) => !/^\s*(import|export \{|\/\/)/.test(line))
    .map((line) => line.replace(/\s\/\/.*$/, ''))
    .join('\n')
    // Error messages are for logs, never shown (convention 5), so they may be plain English.
    .replace(/new \w*Error\([^)]*\)/g, '');
  const literals = code.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? [];
  return literals.filter((lit) => {
    const body = lit.slice(1, -1).replace(/\$\{[^}]*\}/g, ' ');
    return (
      /[æøåÆØÅ]/.test(body) ||
      /[A-Za-zæøå]+\s+[A-Za-zæøå]{2,}/.test(body) ||
      /^[A-ZÆØÅ][a-zæøå]+$/.test(body.trim())
    );
  });
}

describe('message catalogs', () => {
  const entries = Object.entries(messages);

  it('every key has a non-empty text in bokmål and English with the same placeholders', () => {
    const problems = entries.flatMap(([key, msg]) => {
      const out: string[] = [];
      if (msg.nb.trim() === '' || msg.en.trim() === '') out.push(`${key}: empty text`);
      if (placeholders(msg.nb).join() !== placeholders(msg.en).join())
        out.push(`${key}: placeholders differ`);
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('keys are unique across the per-feature files and carry the feature as prefix', () => {
    const all = Object.entries(parts).flatMap(([part, msgs]) => Object.keys(msgs).map((k) => ({ part, k })));
    expect(all.length).toBe(entries.length);
    expect(all.filter(({ part, k }) => !k.startsWith(`${part}.`))).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('nb', 'common.in-days', { n: 3 })).toBe('om 3 dager');
    expect(t('en', 'common.in-days', { n: 3 })).toBe('in 3 days');
    expect(t('en', 'engine.error.generic')).toMatch(/try again/);
  });

  it('formats Oslo dates, leaving out the time at the end of a day', () => {
    expect(formatDate(new Date('2022-10-20T13:00:00Z'), 'nb')).toBe('20. oktober 2022 kl. 15.00');
    expect(formatDate(new Date('2022-10-20T13:00:00Z'), 'en')).toBe('20 October 2022, 15:00');
    expect(formatDate(new Date('2022-11-04T22:59:59Z'), 'nb')).toBe('4. november 2022');
    expect(formatDaysLeft(0, 'nb')).toBe('i dag');
    expect(formatDaysLeft(5, 'en')).toBe('in 5 days');
    expect(formatDaysLeft(-2, 'nb')).toBe('for 2 dager siden');
  });
});

describe('no inline user-facing text in dialogs', () => {
  it('the check catches inline text', () => {
    const bad = `const a = 'Hei på deg';\nconst b = "Send";\nconst c = \`Du kan søke om \${x}\`;\nconst d = 'can I apply';`;
    expect(inlineTexts(bad)).toHaveLength(4);
    const good = `throw new MidlerError('forbidden', 'not the named leader');\nimport { x } from '../src/a.ts';\n// Kan jeg søke? explained here\nconst k = ctx.t('help.title');\nconst s = \`**\${a}** – \${b}\`;\nconst kind = 'yes-no';`;
    expect(inlineTexts(good)).toEqual([]);
  });

  it('dialogs/ holds only catalog keys', () => {
    const dir = join(import.meta.dirname, '../../dialogs');
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => inlineTexts(readFileSync(join(dir, f), 'utf8')).map((lit) => `${f}: ${lit}`));
    expect(offenders).toEqual([]);
  });
});
