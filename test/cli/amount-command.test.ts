import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/amount-command.ts';
import { runCli } from '../../src/cli/main.ts';
import { argv } from '../support/cli-args.ts';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/midlerbot.js');

function midlerbot(args: string[]) {
  const out = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { exitCode: out.status, stdout: out.stdout, stderr: out.stderr };
}

const innovation = ['--call', 'innovasjon-2023'];

describe('midlerbot amount (a real subprocess)', () => {
  it('prints the result as JSON with the rules and their quotes', () => {
    const out = midlerbot(
      argv('amount', { call: 'innovasjon-2023', category: 'product', total: '1 000 000', json: true }),
    );
    expect(out.stderr).toBe('');
    expect(out.exitCode).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json).toMatchObject({
      callId: 'innovasjon-2023',
      category: 'product',
      maxRequest: 750_000,
      requiredOwnFinancing: 250_000,
      binding: 'cap',
      eligibleTotal: 1_000_000,
      cap: 750_000,
      ownFinancingPercent: 25,
      ownFinancingShortfall: 0,
    });
    expect(json.reasons[0]).toEqual({
      ruleId: 'cap-product-service',
      text: expect.objectContaining({ nb: expect.any(String), en: expect.any(String) }),
      cite: {
        callId: 'innovasjon-2023',
        quote: 'Nye prosjekter innenfor tjeneste- og produktinnovasjon kan søke om inntil 750 000 kr',
      },
    });
  });

  it('reads Norwegian amounts and explains in Norwegian without --json', () => {
    const out = midlerbot(
      argv('amount', { call: 'innovasjon-2023', category: 'service', total: '999.999', own: '100k' }),
    );
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain('Du kan søke om inntil 749 999 kr');
    expect(out.stdout).toMatch(/Mangler i egenfinansiering: +150 000 kr/);
    expect(out.stdout).toContain(
      '«det stilles krav om 25 % egenfinansiering» (innovasjon-2023, own-financing)',
    );
  });

  it('bad input: a clear message on stderr, exit 2', () => {
    const out = midlerbot(['amount', ...innovation, '--category', 'product', '--total', 'sju hundre']);
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('--total "sju hundre" is not an amount.');
  });

  it('--help prints the usage and nothing else (exit 0); a negative amount after a space is negative', () => {
    const help = midlerbot(['amount', '--help']);
    expect(help).toMatchObject({ exitCode: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: midlerbot amount --call ID/);
    const negative = midlerbot(['amount', ...innovation, '--category', 'product', '--total', '-5']);
    expect(negative.exitCode).toBe(2);
    expect(negative.stderr).toMatch(/^--total "-5" is negative\./);
  });

  it('an unknown category: exit 1, with the known ones', () => {
    const out = midlerbot(['amount', ...innovation, '--category', 'products', '--total', '1']);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain('Known categories: product, service, transfer');
  });
});

describe('amount command (in process)', () => {
  it.each([
    [['--category', 'transfer', '--total', '1,2 mill', '--prior-awards', '0'], 350_000, 'cap'],
    [['--category', 'transfer', '--total', '1,2 mill', '--prior-awards', '1'], 0, 'award-limit'],
    [['--category', 'product', '--total', '4'], 3, 'own-financing'],
    [['--category', 'product', '--total', '0,75 MNOK', '--other', '100 000 kr'], 462_500, 'own-financing'],
    [['--category', 'product', '--total', '2 mill', '--prior-awards', '2'], 750_000, 'cap'],
    [['--category', 'product', '--total', '2 mill', '--prior-awards', '3'], 0, 'award-limit'],
    // Norwegian forms: space or '.' between thousands, the comma for decimals.
    [['--category', 'product', '--total', '1 234 567'], 750_000, 'cap'],
    [['--category', 'product', '--total', '1.234.567'], 750_000, 'cap'],
    [['--category', 'product', '--total', 'kr 1 200 000,-'], 750_000, 'cap'],
    [['--category', 'product', '--total', '1 200 000,00'], 750_000, 'cap'],
    [['--category', 'transfer', '--total', '1,5 millioner'], 350_000, 'cap'],
    [['--category', 'product', '--total', '1.234'], 925, 'own-financing'],
  ])('%j: at most %d (%s)', async (args, maxRequest, binding) => {
    const out = await run([...innovation, ...args, '--json']);
    expect(out.exitCode).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ maxRequest, binding });
  });

  it('patient safety: the one category needs no --category; cost lines with an ineligible one', async () => {
    const out = await run([
      '--call',
      'pasientsikkerhet-2023-2024',
      '--line',
      'project-personnel=400 000',
      '--line',
      'ordinary-operations=50k',
      '--json',
    ]);
    expect(out.exitCode).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json).toMatchObject({ category: 'project', maxRequest: 400_000, cap: null, binding: 'budget' });
    expect(json.ineligibleLines).toEqual([
      expect.objectContaining({
        costType: 'ordinary-operations',
        amount: 50_000,
        reason: expect.objectContaining({ ruleId: 'no-ordinary-operations' }),
      }),
    ]);
  });

  it('explains in English with --locale en', async () => {
    const out = await run([...innovation, '--category', 'transfer', '--total', '300000', '--locale', 'en']);
    expect(out.stdout).toContain('You can ask for up to NOK 300,000');
    expect(out.stdout).toContain('The budget: you cannot ask for more than the eligible costs.');
  });

  it('says when nothing may be requested', async () => {
    const out = await run([...innovation, '--category', 'product', '--total', '1', '--locale', 'en']);
    expect(out.stdout).toContain('You cannot ask for funding as things stand');
  });

  it.each([
    [['--category', 'product', '--total', '1'], 'Missing --call'],
    [[...innovation, '--total', '1'], 'Missing --category (one of: product, service, transfer)'],
    [[...innovation, '--category', 'product'], 'Missing --total'],
    [[...innovation, '--category', 'product', '--total=-5'], '--total "-5" is negative.'],
    [[...innovation, '--category', 'product', '--total', '-5'], '--total "-5" is negative.'],
    [[...innovation, '--category', 'product', '--total', '-1,2 mill'], '--total "-1,2 mill" is negative.'],
    [[...innovation, '--category', 'product', '--total', '1', '--own', '-5'], '--own "-5" is negative.'],
    [
      [...innovation, '--category', 'product', '--total', '1', '--other', '-5k'],
      '--other "-5k" is negative.',
    ],
    [
      [...innovation, '--category', 'product', '--total', '1', '--prior-awards', '-1'],
      '--prior-awards "-1" is not a whole number',
    ],
    [[...innovation, '--category', 'product', '--total', '1,5'], '--total "1,5" is not whole kroner.'],
    [[...innovation, '--category', 'product', '--total', '1,25'], '--total "1,25" is not whole kroner.'],
    [
      [...innovation, '--category', 'product', '--total', '1,234'],
      '--total "1,234" is not whole kroner. In Norwegian the comma is the decimal sign; for thousands type "1 234"',
    ],
    [
      [...innovation, '--category', 'product', '--total', '750,000'],
      '--total "750,000" has a comma between thousands, but in Norwegian the comma is the decimal sign. Type "750 000"',
    ],
    [[...innovation, '--category', 'product', '--total', '1,234,567'], 'Type "1 234 567"'],
    [[...innovation, '--category', 'product', '--total', '5 mrd'], 'larger than 1 000 000 000 kr'],
    [[...innovation, '--category', 'product', '--total', ''], '--total "" is empty.'],
    [[...innovation, '--category', 'product', '--total', '1', '--own', 'x'], '--own "x" is not an amount.'],
    [
      [...innovation, '--category', 'product', '--total', '1', '--prior-awards', 'two'],
      '--prior-awards "two" is not a whole number',
    ],
    [[...innovation, '--category', 'product', '--total', '1', '--locale', 'de'], '--locale must be nb or en'],
    [[...innovation, '--category', 'product', '--total', '1', '--bogus'], "Unknown option '--bogus'"],
    [[...innovation, '--category', 'product', '--total', '1', 'extra'], 'Unexpected argument: extra'],
    [[...innovation, '--category', 'product', '--line', 'rocket=5'], 'unknown cost type "rocket"'],
    [[...innovation, '--category', 'product', '--line', '5000'], '--line "5000" should be COST-TYPE=NOK.'],
  ])('%j is bad input (exit 2): %s', async (args, message) => {
    const out = await run(args);
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(message);
    expect(out.stderr).toContain('Usage: midlerbot amount');
  });

  it('every command answers --help and -h with its usage on stdout, exit 0', async () => {
    for (const argv of [
      ['amount', '--help'],
      ['amount', '-h'],
      ['amount', ...innovation, '--total', '5', '--help'],
      ['help', 'amount'],
    ]) {
      const out = await runCli(argv);
      expect(out, argv.join(' ')).toMatchObject({ exitCode: 0, stderr: '' });
      expect(out.stdout).toMatch(/^Usage: midlerbot amount --call ID/);
      expect(out.stdout).not.toContain('Unknown option');
    }
    for (const [argv, usage] of [
      [['timeline', '-h'], 'Usage: midlerbot timeline'],
      [['calls', '--help'], 'Usage: midlerbot calls check'],
      [['calls', 'check', '-h'], 'Usage: midlerbot calls check'],
      [['reminders', 'plan', '--help'], 'Usage: midlerbot reminders plan'],
      [['help', 'reminders'], 'Usage: midlerbot reminders plan'],
    ] as const) {
      const out = await runCli(argv);
      expect(out, argv.join(' ')).toMatchObject({ exitCode: 0, stderr: '' });
      expect(out.stdout.startsWith(usage)).toBe(true);
    }
    expect(await runCli(['constructor'])).toMatchObject({ exitCode: 2 });
    expect((await runCli(['help', 'constructor'])).stdout).toContain('midlerbot amount --call ID');
  });

  it('an unknown call: exit 1, with the known ones', async () => {
    const out = await run(['--call', 'nope', '--category', 'x', '--total', '1']);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain('Known calls: innovasjon-2023, pasientsikkerhet-2023-2024');
  });

  it('a broken catalogue: exit 1 with the problem, nothing computed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'midlerbot-amount-'));
    writeFileSync(join(dir, 'broken.yaml'), 'schemaVersion: 1\ntitle: [\n');
    const out = await run(['--call', 'broken', '--category', 'x', '--total', '1', '--calls', dir]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('broken.yaml');
  });

  it('is registered in the CLI', async () => {
    const out = await runCli(
      argv('amount', { call: 'innovasjon-2023', category: 'service', total: '1000000', json: true }),
    );
    expect(JSON.parse(out.stdout).maxRequest).toBe(750_000);
    expect((await runCli(['--help'])).stdout).toContain('midlerbot amount --call ID');
  });
});
