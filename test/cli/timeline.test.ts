import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createTimelineCommand, parseAt } from '../../src/cli/timeline-command.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { argv } from '../support/cli-args.ts';

const root = join(import.meta.dirname, '../..');
const exec = promisify(execFile);

/** Runs the real `midlerbot` binary; a failing exit code comes back as output, not a throw. */
async function midlerbot(...args: string[]) {
  try {
    const { stdout, stderr } = await exec('node', [join(root, 'bin/midlerbot.js'), ...args], { cwd: root });
    return { stdout, stderr, exitCode: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { stdout: err.stdout, stderr: err.stderr, exitCode: err.code };
  }
}

interface JsonEntry {
  id: string;
  utc: string | null;
  local: string | null;
  passed: boolean;
  daysLeft: number | null;
  after?: string;
}

describe('midlerbot timeline (subprocess)', () => {
  it('prints the innovation milestones as JSON relative to --at', async () => {
    const out = await midlerbot('timeline', '--call', 'innovasjon-2023', '--at', '2022-10-01', '--json');
    expect(out.exitCode).toBe(0);
    const json = JSON.parse(out.stdout) as { at: { utc: string }; milestones: JsonEntry[]; next: JsonEntry };
    expect(json.at.utc).toBe('2022-09-30T22:00:00.000Z');
    expect(json.next).toMatchObject({
      id: 'deadline',
      utc: '2022-10-20T13:00:00.000Z',
      local: '2022-10-20T15:00:00+02:00',
      passed: false,
      daysLeft: 19,
    });
    expect(json.milestones.map((m) => [m.id, m.passed])).toEqual([
      ['published', true],
      ['deadline', false],
      ['award', false],
      ['project-start', false],
      ['project-end', false],
    ]);
    expect(json.milestones[2]).toMatchObject({ utc: null, local: null, daysLeft: null, after: 'deadline' });
  }, 30_000);

  it('on the day of publication, publication is done (today) and the deadline is next', async () => {
    const out = await midlerbot('timeline', '--call', 'innovasjon-2023', '--at', '2022-08-29T10:00');
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain('✓ Utlysningen publisert: 29. august 2022 (i dag)\n');
    expect(out.stdout).toContain('→ Søknadsfrist: 20. oktober 2022 kl. 15.00 (om 52 dager)');
    expect(out.stdout).toContain('  Prosjektåret starter: 1. januar 2023 (om 125 dager)');
    expect(out.stdout).toContain('Neste: Søknadsfrist');
  }, 30_000);

  it('--help and -h print the usage, exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const out = await midlerbot('timeline', flag);
      expect(out).toMatchObject({ exitCode: 0, stderr: '' });
      expect(out.stdout).toMatch(/^Usage: midlerbot timeline --call ID/);
    }
  }, 30_000);

  it('prints a readable list without --json, and refuses an unknown call with exit code 1', async () => {
    const text = await midlerbot(
      ...argv('timeline', { call: 'pasientsikkerhet-2023-2024', at: '2022-11-05T00:00', locale: 'en' }),
    );
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain('✓ Application deadline: 4 November 2022 (yesterday)');
    expect(text.stdout).toContain('Next: Awards announced');
    const bad = await midlerbot('timeline', '--call', 'nope');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('Known: innovasjon-2023, pasientsikkerhet-2023-2024');
  }, 30_000);
});

describe('timeline command (in process, with a clock)', () => {
  const command = createTimelineCommand(fixedClock('2022-11-04T22:59:59Z'));

  it('defaults --at to the injected clock', async () => {
    const out = await command(['--call', 'pasientsikkerhet-2023-2024', '--json']);
    const json = JSON.parse(out.stdout) as { next: JsonEntry };
    // 23:59:59 local is the deadline's own instant: it has just passed.
    expect(json.next.id).toBe('award');
    const before = await createTimelineCommand(fixedClock('2022-11-04T22:59:58Z'))([
      '--call',
      'pasientsikkerhet-2023-2024',
      '--json',
    ]);
    expect((JSON.parse(before.stdout) as { next: JsonEntry }).next).toMatchObject({
      id: 'deadline',
      daysLeft: 0,
    });
  });

  it('marks an all-day event in JSON: its start of day, reached that day', async () => {
    const out = await command(['--call', 'innovasjon-2023', '--at', '2022-08-29T10:00', '--json']);
    const json = JSON.parse(out.stdout) as { milestones: (JsonEntry & { allDay?: true })[]; next: JsonEntry };
    expect(json.milestones[0]).toMatchObject({
      id: 'published',
      utc: '2022-08-28T22:00:00.000Z',
      local: '2022-08-29T00:00:00+02:00',
      passed: true,
      daysLeft: 0,
      allDay: true,
    });
    expect(json.milestones[1]).not.toHaveProperty('allDay');
    expect(json.next.id).toBe('deadline');
  });

  it.each([
    [['--at', '2022-10-01'], 'Missing --call'],
    [['--call', 'innovasjon-2023', '--at', '1.10.2022'], 'not a time'],
    [['--call', 'innovasjon-2023', '--locale', 'de'], 'Unknown locale'],
    [['--call', 'innovasjon-2023', '--frobnicate'], 'Unknown option'],
  ])('refuses %j with a usage error (exit 2)', async (args, message) => {
    const out = await command(args);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain(message);
  });

  it('refuses an unknown trust', async () => {
    const out = await command(['--call', 'innovasjon-2023', '--trust', 'nowhere']);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain('Unknown trust');
  });

  describe('with a trust internal deadline in the call data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'midlerbot-timeline-'));
    cpSync(join(root, 'calls'), dir, { recursive: true });
    const file = join(dir, 'innovasjon-2023.yaml');
    const yaml = readFileSync(file, 'utf8').replace(
      '{ id: hemit, name: Hemit HF }',
      '{ id: hemit, name: Hemit HF, internalDeadline: 2022-10-13T12:00 }',
    );
    writeFileSync(file, yaml);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('adds the internal deadline for --trust, before the regional one', async () => {
      expect(yaml).toContain('internalDeadline: 2022-10-13T12:00');
      const hemitAt = (at: string) =>
        command(['--call', 'innovasjon-2023', '--calls', dir, '--trust', 'hemit', '--at', at, '--json']);
      const out = await hemitAt('2022-10-01');
      const json = JSON.parse(out.stdout) as { trust: string; milestones: JsonEntry[]; next: JsonEntry };
      expect(json.trust).toBe('hemit');
      expect(json.milestones.map((m) => m.id).slice(0, 3)).toEqual([
        'published',
        'internal-deadline',
        'deadline',
      ]);
      expect(json.next).toMatchObject({
        id: 'internal-deadline',
        utc: '2022-10-13T10:00:00.000Z',
        daysLeft: 12,
      });
      const other = await hemitAt('2022-10-14');
      expect((JSON.parse(other.stdout) as { next: JsonEntry }).next.id).toBe('deadline');
    });
  });
});

describe('parseAt', () => {
  it.each([
    ['2022-10-01', '2022-09-30T22:00:00.000Z'],
    ['2022-12-01', '2022-11-30T23:00:00.000Z'],
    ['2022-10-20T14:59', '2022-10-20T12:59:00.000Z'],
    ['2022-10-20T14:59:30', '2022-10-20T12:59:30.000Z'],
    ['2022-10-20T12:59:00Z', '2022-10-20T12:59:00.000Z'],
    ['2022-10-20T14:59:00+02:00', '2022-10-20T12:59:00.000Z'],
  ])('%s -> %s', (text, iso) => {
    expect(parseAt(text).toISOString()).toBe(iso);
  });
});
