import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { argv } from '../support/cli-args.ts';

/** `midlerbot reminders plan` for a call between two dates, with more flags. */
const plan = (call: string, from: string, to: string, more: Record<string, string | true>) =>
  runCli(argv('reminders plan', { call, from, to, ...more }));

describe('midlerbot reminders plan', () => {
  it('prints the planned channel reminders as JSON, UTC and local', async () => {
    const out = await plan('pasientsikkerhet-2023-2024', '2022-10-01', '2022-11-30', { json: true });
    expect(out.exitCode).toBe(0);
    const data = JSON.parse(out.stdout) as {
      reminders: { id: string; dueAt: string; dueLocal: string; targetKind: string; milestone: string }[];
    };
    expect(data.reminders.map((r) => [r.dueLocal, r.dueAt, r.milestone, r.targetKind])).toEqual([
      ['2022-10-21 09:00', '2022-10-21T07:00:00.000Z', 'deadline', 'conversation'],
      ['2022-10-28 09:00', '2022-10-28T07:00:00.000Z', 'deadline', 'conversation'],
      ['2022-11-02 09:00', '2022-11-02T08:00:00.000Z', 'deadline', 'conversation'],
      ['2022-11-04 09:00', '2022-11-04T08:00:00.000Z', 'deadline', 'conversation'],
    ]);
    expect(data.reminders[0]?.id).toBe(
      'ch/console:plan/pasientsikkerhet-2023-2024/deadline@2022-11-04T23:59/2022-10-21T09:00',
    );
  });

  it('takes the schedule and a trust, and prints a table', async () => {
    const schedule = { days: '7,0', time: '08:30', trust: 'hemit' };
    const out = await plan('innovasjon-2023', '2022-10-01', '2022-10-31', schedule);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain('2 reminders for innovasjon-2023 (days before: 7, 0; at 08:30 Europe/Oslo)');
    expect(out.stdout).toContain('2022-10-13 08:30  2022-10-13T06:30:00.000Z  deadline');
  });

  it('refuses bad input with a clear message', async () => {
    expect((await runCli(['reminders', 'plan'])).stderr).toContain('Missing --call');
    expect((await runCli(['reminders', 'plan', '--call', 'x', '--days', 'soon'])).exitCode).toBe(2);
    expect((await runCli(['reminders', 'plan', '--call', 'x', '--time', '25:00'])).exitCode).toBe(2);
    expect((await runCli(['reminders', 'plan', '--call', 'x', '--from', 'yesterday'])).exitCode).toBe(2);
    expect((await runCli(['reminders', 'plan', '--call', 'innovasjon-2023', '--bogus'])).exitCode).toBe(2);
    const unknown = await runCli(['reminders', 'plan', '--call', 'nope', '--from', '2022-10-01']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('No call "nope"');
    expect((await runCli(['reminders', 'list'])).exitCode).toBe(2);
  });
});
