import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { run } from '../../src/cli/reminders-queue-command.ts';
import { argv } from '../support/cli-args.ts';

/** `midlerbot reminders queue` where there is no Redis to read, and its usage. */
const at = (iso: string) => () => new Date(iso);

describe('midlerbot reminders queue without Redis', () => {
  it('says the memory store is per process and has nothing to show, exit 0', async () => {
    const out = await run([], { env: { NODE_ENV: 'development' }, dotEnv: false });
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(
      /REDIS_URL is not set: .*in-memory store.*inside each bot process.*no queue to show/s,
    );
  });

  it('--json gives the same shape with an empty list', async () => {
    const out = await run(['--json'], { env: {}, dotEnv: false, clock: at('2022-10-05T00:00:00.000Z') });
    expect(out.exitCode).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      store: 'memory',
      now: '2022-10-05T00:00:00.000Z',
      total: 0,
      matching: 0,
      shown: 0,
      reminders: [],
      note: expect.stringContaining('REDIS_URL is not set'),
    });
  });

  it('in production a missing REDIS_URL is a configuration error, exit 1', async () => {
    const out = await run([], { env: { NODE_ENV: 'production' }, dotEnv: false });
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain('REDIS_URL: is required when NODE_ENV=production');
  });
});

describe('midlerbot reminders queue: usage', () => {
  it('answers --help with both reminders sub-commands, exit 0', async () => {
    for (const args of [
      ['reminders', 'queue', '--help'],
      ['reminders', 'queue', '-h'],
      ['help', 'reminders'],
    ]) {
      const out = await runCli(args);
      expect(out.exitCode).toBe(0);
      expect(out.stdout).toContain('Usage: midlerbot reminders queue [--json] [--limit N] [--target PREFIX]');
      expect(out.stdout).toContain('Usage: midlerbot reminders plan');
    }
    const top = await runCli(['--help']);
    expect(top.stdout).toContain('midlerbot reminders queue [--json] [--limit N] [--target PREFIX]');
    expect(top.stdout).toContain('midlerbot reminders plan --call ID');
  });

  it('rejects bad options and sub-commands with exit 2 and the usage', async () => {
    for (const [args, message] of [
      [['--limit', '0'], '--limit takes a whole number'],
      [['--limit', 'many'], '--limit takes a whole number'],
      [['--limit'], '--limit needs a value.'],
      [['--target'], '--target needs a value.'],
      [['--target', '--json'], '--target needs a value.'],
      [['--verbose'], 'Unknown option: --verbose'],
      [['--json=yes'], 'Unknown option: --json=yes'],
    ] as const) {
      const out = await run([...args], { env: {}, dotEnv: false });
      expect(out.exitCode, args.join(' ')).toBe(2);
      expect(out.stderr).toContain(message);
      expect(out.stderr).toContain('Usage: midlerbot reminders queue');
    }
    expect((await runCli(['reminders'])).exitCode).toBe(2);
    expect((await runCli(['reminders', 'list'])).stderr).toContain('Unknown: reminders list');
    // `plan` still goes where it went.
    const plan = await runCli(
      argv('reminders plan', { call: 'innovasjon-2023', from: '2022-09-01', json: true }),
    );
    expect(plan.exitCode).toBe(0);
  });
});
