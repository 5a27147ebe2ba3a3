import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { anchorQuote } from '../../src/calls/fuzzy-anchor.ts';
import { runCli } from '../../src/cli/main.ts';
import { callsDir, removeTempDirs, tempCallsDir } from './support.ts';

afterAll(removeTempDirs);

/** The 2023 innovation text with next year's dates, a raised cap and one rule changed (three awards → two). */
const NEW_TEXT = join(import.meta.dirname, 'fixtures', 'innovasjonsmidler-2024.txt');

/** A temp calls/ with last year's innovation call in it. */
function withLastYear(): string {
  const dir = tempCallsDir();
  writeFileSync(join(dir, 'innovasjon-2023.yaml'), readFileSync(join(callsDir, 'innovasjon-2023.yaml')));
  return dir;
}

async function draft(dir: string, ...extra: string[]) {
  return runCli([
    'calls',
    'draft',
    '--from',
    'innovasjon-2023',
    '--text',
    NEW_TEXT,
    '--calls',
    dir,
    ...extra,
  ]);
}

/** Marks every review flag resolved, as a reviewer does after checking each one. */
function resolveAll(file: string): void {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const flags = (doc.toJS() as { review: { flags: unknown[] } }).review.flags;
  for (let i = 0; i < flags.length; i++) doc.setIn(['review', 'flags', i, 'resolved'], true);
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
}

describe('midlerbot calls draft', () => {
  it('drafts next year’s call whose flags name exactly the changes of the new text', async () => {
    const dir = withLastYear();
    const out = await draft(dir, '--json');
    expect(out.stderr).toBe('');
    expect(out.exitCode).toBe(0);
    const result = JSON.parse(out.stdout) as { flags: { path: string; change: string; now?: unknown }[] };
    const fields = Object.fromEntries(
      result.flags.filter((f) => f.change === 'field').map((f) => [f.path, f.now]),
    );
    expect(fields).toEqual({
      'milestones[0].at': '2023-08-28',
      'milestones[1].at': '2023-10-19T12:00',
      'milestones[3].at': '2024-01-01',
      'milestones[4].at': '2024-12-31',
      'categories[0].maxAmount': 800000,
      'categories[1].maxAmount': 800000,
      'categories[0].maxAwards': 2,
      'categories[1].maxAwards': 2,
    });
    const quotes = Object.fromEntries(
      result.flags.filter((f) => f.change !== 'field').map((f) => [f.path, f.now]),
    );
    expect(quotes).toEqual({
      'rules[3].cite.quote':
        'Nye prosjekter innenfor tjeneste- og produktinnovasjon kan søke om inntil 800 000 kr',
      'rules[5].cite.quote': 'Et prosjekt kan få kun to tildelinger av HMN Innovasjonsmidler',
      'rules[16].cite.quote': 'Søknadsfrist er torsdag 19. oktober klokken 12.00',
      'milestones[0].cite.quote': 'Publisert 28.08.2023',
      'milestones[1].cite.quote': 'Søknadsfrist er torsdag 19. oktober klokken 12.00',
      'milestones[3].cite.quote': 'prosjekter som skal gjennomføres i 2024',
      'milestones[4].cite.quote': 'prosjekter som skal gjennomføres i 2024',
    });
    const yaml = readFileSync(join(dir, 'drafts', 'innovasjon-2024.yaml'), 'utf8');
    expect(yaml).toMatch(/^status: draft$/m);
    expect(yaml).toMatch(/^source: innovasjon-2024\.txt$/m);
    expect(yaml).toContain('nb: Innovasjonsmidler 2024');
    expect(readFileSync(join(dir, 'sources', 'innovasjon-2024.txt'), 'utf8')).toBe(
      readFileSync(NEW_TEXT, 'utf8'),
    );
  });

  it('lists every date, time, amount and percentage of the new text beside its probable field', async () => {
    const dir = withLastYear();
    const out = await draft(dir);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(
      /date +19\. oktober +→ milestones\[1\]\.at\n +“Søknadsfrist er torsdag 19\. oktober/,
    );
    expect(out.stdout).toMatch(/time +klokken 12\.00 +→ milestones\[1\]\.at/);
    expect(out.stdout).toMatch(
      /amount +800 000 kr +→ categories\[0\]\.maxAmount, categories\[1\]\.maxAmount/,
    );
    expect(out.stdout).toMatch(
      /percent +25 % +→ categories\[0\]\.ownFinancingPercent, categories\[1\]\.ownFinancingPercent/,
    );
    expect(out.stdout).toMatch(/percent +20 % +→ questions\[1\]\.min/);
    expect(out.stdout).toMatch(/amount +19 mill\. kr +→ \(no field\)/);
  });

  it('`calls check` refuses the draft until every flag is resolved, then passes', async () => {
    const dir = withLastYear();
    await draft(dir);
    const file = join(dir, 'drafts', 'innovasjon-2024.yaml');
    const before = await runCli(['calls', 'check', file]);
    expect(before.exitCode).toBe(1);
    expect(before.stderr).toMatch(/^15 problems; the catalogue would be refused:/);
    expect(before.stderr).toContain(
      'review flag not resolved: milestones[1].at: Application deadline: 2022-10-20T15:00 → 2023-10-19T12:00',
    );
    resolveAll(file);
    const after = await runCli(['calls', 'check', file]);
    expect(after.stderr).toBe('');
    expect(after.exitCode).toBe(0);
    expect(after.stdout).toContain('deadline:   2023-10-19 12:00 Europe/Oslo');
    expect(after.stdout).toMatch(
      /product +Produktinnovasjon — cap 800 000 kr · own financing 25 % · at most 2 awards/,
    );
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const dir = withLastYear();
    const listing = () => [readdirSync(dir).sort(), readdirSync(join(dir, 'sources')).sort()];
    const start = listing();
    expect((await runCli(['calls', 'draft', '--text', NEW_TEXT, '--calls', dir])).stderr).toContain(
      'Missing --from',
    );
    expect(
      (await runCli(['calls', 'draft', '--from', 'innovasjon-2019', '--text', NEW_TEXT, '--calls', dir]))
        .stderr,
    ).toContain('No call "innovasjon-2019"');
    expect((await draft(dir, '--id', 'Innovasjon 2024')).stderr).toContain(
      'use lowercase letters, digits and dashes',
    );
    expect(
      (
        await runCli([
          'calls',
          'draft',
          '--from',
          'innovasjon-2023',
          '--text',
          join(dir, 'nope.txt'),
          '--calls',
          dir,
        ])
      ).stderr,
    ).toContain('No such file');
    expect(listing()).toEqual(start);
    expect(existsSync(join(dir, 'drafts'))).toBe(false);
    expect((await draft(dir)).exitCode).toBe(0);
    const again = await draft(dir);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('exists already');
  });
});

describe('anchorQuote', () => {
  it('keeps a verbatim quote, proposes the closest passage of a reworded one, and gives up on none', () => {
    const text =
      'Søknadsfrist er torsdag 19. oktober klokken 12.00 - men vær obs. Alle søknader skal forankres.';
    expect(anchorQuote('Alle søknader skal forankres', text)).toMatchObject({
      status: 'verbatim',
      similarity: 1,
    });
    expect(anchorQuote('Søknadsfrist er torsdag 20. oktober klokken 15.00', text)).toMatchObject({
      status: 'proposed',
      passage: 'Søknadsfrist er torsdag 19. oktober klokken 12.00',
    });
    expect(
      anchorQuote('Midlene kan ikke brukes til større generelle utstyrsinvesteringer', text).status,
    ).toBe('none');
  });
});
