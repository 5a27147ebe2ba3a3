import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCallFile } from '../../src/calls/load.ts';
import { isMidlerError } from '../../src/domain/errors.ts';
import { errorOf } from '../support/errors.ts';
import { callsDir, mutatedCall, removeTempDirs, tempCallsDir, writeCall } from './support.ts';

afterAll(removeTempDirs);

// Collected independently of the loader, so a loader bug cannot hide a misquote.
function quotesIn(value: unknown, path = ''): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => quotesIn(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]): [string, string][] =>
    k === 'quote' ? [[`${path}.${k}`, String(v)]] : quotesIn(v, path ? `${path}.${k}` : k),
  );
}
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each(['pasientsikkerhet-2023-2024', 'innovasjon-2023'])('%s: every quote is verbatim', (name) => {
  const data = parse(readFileSync(join(callsDir, `${name}.yaml`), 'utf8')) as { source: string };
  const source = squash(readFileSync(join(callsDir, 'sources', data.source), 'utf8'));
  const quotes = quotesIn(data);

  it('cites the text throughout (every rule, milestone and priority area)', () => {
    expect(quotes.length).toBeGreaterThan(30);
  });

  it.each(quotes)('%s', (_path, quote) => {
    expect(source).toContain(squash(quote));
  });
});

describe('a misquote', () => {
  it.each([
    ['a changed word', 'Søker må være ansatt i et av helseforetakene i Norge'],
    ['a changed digit', 'Tildeling kunngjøres innen 17. desember 2022'],
    ['text not in the call', 'Midlene kan brukes til alt'],
  ])('(%s) refuses the file, naming the path of the quote', (_what, quote) => {
    const dir = tempCallsDir();
    const file = writeCall(
      dir,
      'pasientsikkerhet-2023-2024',
      mutatedCall('pasientsikkerhet-2023-2024', (doc) => doc.setIn(['rules', 0, 'cite', 'quote'], quote)),
    );
    const error = errorOf(() => loadCallFile(file));
    expect(isMidlerError(error, 'call.invalid')).toBe(true);
    expect((error as Error).message).toContain(`${file}: rules[0].cite.quote`);
    expect((error as Error).message).toContain('not found verbatim');
  });

  it('tolerates line breaks and no-break spaces inside a quote', () => {
    const dir = tempCallsDir();
    const file = writeCall(
      dir,
      'p',
      mutatedCall('pasientsikkerhet-2023-2024', (doc) =>
        doc.setIn(
          ['rules', 0, 'cite', 'quote'],
          'Søker må  være\nansatt i\u00a0et av helseforetakene i Midt-Norge',
        ),
      ),
    );
    expect(loadCallFile(file).id).toBe('p');
  });
});
