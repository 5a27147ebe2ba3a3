import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { mutatedCall, removeTempDirs, root, tempCallsDir, writeCall } from './support.ts';

afterAll(removeTempDirs);

const bin = join(root, 'bin/midlerbot.js');

function midlerbot(args: string[], cwd = root) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { exitCode: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('midlerbot calls check (a real subprocess)', () => {
  it('checks calls/*.yaml and prints a summary per call, exit 0', () => {
    const out = midlerbot(['calls', 'check']);
    expect(out.stderr).toBe('');
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain('OK  innovasjon-2023 — Innovasjonsmidler 2023');
    expect(out.stdout).toContain('OK  pasientsikkerhet-2023-2024 — Pasientsikkerhetsmidler 2023–2024');
    expect(out.stdout).toContain('deadline:   2022-10-20 15:00 Europe/Oslo (2022-10-20T13:00:00.000Z)');
    expect(out.stdout).toContain('deadline:   2022-11-04 23:59:59 Europe/Oslo (2022-11-04T22:59:59.000Z)');
    expect(out.stdout).toMatch(
      /product +Produktinnovasjon — cap 750 000 kr · own financing 25 % · at most 3 awards/,
    );
    expect(out.stdout).toMatch(/transfer +.* — cap 350 000 kr · own financing 0 % · at most 1 award\n/);
    expect(out.stdout).toMatch(
      /project +Pasientsikkerhetsprosjekt — no cap · own financing 0 % · no award limit/,
    );
    expect(out.stdout).toMatch(/\d+ rules · 8 questions · 10 steps/);
    expect(out.stdout).toContain('2 call files OK.');
  });

  it('checks the files given and prints JSON with --json', () => {
    const out = midlerbot(['calls', 'check', 'calls/innovasjon-2023.yaml', '--json']);
    expect(out.exitCode).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.ok).toBe(true);
    expect(json.calls.map((c: { id: string }) => c.id)).toEqual(['innovasjon-2023']);
    expect(json.calls[0].categories[2]).toMatchObject({ id: 'transfer', maxAmount: 350000, maxAwards: 1 });
  });

  it('prints the errors of a broken file and exits 1, and refuses the good files with it', () => {
    const dir = tempCallsDir();
    const broken = writeCall(
      dir,
      'innovasjon-2023',
      mutatedCall('innovasjon-2023', (d) => d.setIn(['questions', 3, 'rule'], 'no-such-rule')),
    );
    const out = midlerbot(['calls', 'check', 'calls/pasientsikkerhet-2023-2024.yaml', broken]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^1 problem; the catalogue would be refused:/);
    expect(out.stderr).toMatch(
      new RegExp(
        `${broken}: questions\\[3\\]\\.rule \\(line \\d+, column \\d+\\): unknown rule "no-such-rule"`,
      ),
    );
  });

  it('reads calls/ of the working directory when no file is given', () => {
    const dir = tempCallsDir();
    writeCall(dir, 'x', 'schemaVersion: 1\n');
    const out = midlerbot(['calls', 'check'], join(dir, '..'));
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain('calls/x.yaml: title');
  });

  it('--help lists the commands (exit 0); an unknown command prints the usage (exit 2)', () => {
    const help = midlerbot(['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('midlerbot calls check [FILE...]');
    const sub = midlerbot(['calls', 'check', '--help']);
    expect(sub).toMatchObject({ exitCode: 0, stderr: '' });
    expect(sub.stdout).toMatch(/^Usage: midlerbot calls check/);
    const unknown = midlerbot(['frobnicate']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('Unknown command: frobnicate');
    expect(unknown.stderr).toContain('Usage:');
  });
});

describe('the command registry (in process)', () => {
  it.each([
    [[], 2, /No command given/],
    [['calls'], 2, /Missing sub-command/],
    [['calls', 'fix'], 2, /Unknown: calls fix/],
    [['calls', 'check', '--verbose'], 2, /Unknown option: --verbose/],
    [['calls', 'check', 'nowhere.yaml'], 1, /No such file: nowhere.yaml/],
  ])('%j exits %i', async (argv, code, message) => {
    const out = await runCli(argv);
    expect(out.exitCode).toBe(code);
    expect(out.stderr).toMatch(message);
  });
});
