import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mutatedCall, removeTempDirs, writeCall } from '../calls/support.ts';
import { callsDirWithThisYear } from '../support/calls-dirs.ts';
import { freePort, SOURCE_MAIN } from '../support/process.ts';

/** SIGHUP to the real process reloads the call files (docs/calls-lifecycle.md). */

const cwd = mkdtempSync(join(tmpdir(), 'midlerbot-hup-'));
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
  removeTempDirs();
});

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read().catch(() => undefined as T);
    if ((v !== undefined && ok(v)) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('SIGHUP', { timeout: 120_000 }, () => {
  it('reloads the call files of the running process; a broken set is refused and the old set stays', async () => {
    const dir = callsDirWithThisYear();
    const port = await freePort();
    const child = spawn(process.execPath, SOURCE_MAIN, {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        PORT: String(port),
        METRICS_PORT: '0',
        CALLS_DIR: dir,
        CALLS_WATCH: 'false',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout?.on('data', (c: Buffer) => {
      log += c.toString('utf8');
    });
    const ready = async () =>
      (await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()) as { calls: string[] };
    try {
      expect((await until(ready, (r) => r.calls.length === 2, 90_000)).calls).toHaveLength(2);

      writeCall(
        dir,
        'innovasjon-2024',
        mutatedCall('innovasjon-2023', (d) => d.setIn(['questions', 3, 'rule'], 'nope')),
      );
      child.kill('SIGHUP');
      await until(
        async () => log,
        (l) => l.includes('call files refused'),
        20_000,
      );
      expect(log).toContain('call files refused; the loaded calls stay');
      expect((await ready()).calls).toEqual(['innovasjon-2023', 'pasientsikkerhet-2023-2024']);

      writeFileSync(
        join(dir, 'innovasjon-2024.yaml'),
        mutatedCall('innovasjon-2023', (d) => d.setIn(['title', 'nb'], 'Innovasjonsmidler 2024')),
      );
      child.kill('SIGHUP');
      const after = await until(ready, (r) => r.calls.length === 3, 20_000);
      expect(after.calls).toEqual(['innovasjon-2023', 'innovasjon-2024', 'pasientsikkerhet-2023-2024']);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
