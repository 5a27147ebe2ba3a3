import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';

/** `npm start` as a real child process: start-up log, SIGTERM, and refusing a bad configuration. */

const root = resolve(import.meta.dirname, '..', '..');
const loader = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
// An empty working directory: no developer .env is picked up.
const cwd = mkdtempSync(join(tmpdir(), 'midlerbot-main-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['--import', loader, join(root, 'src', 'server', 'main.ts')], {
    cwd,
    env: { PATH: process.env.PATH ?? '', CALLS_DIR: join(root, 'calls'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    const parts = out.split('\n');
    out = parts.pop() ?? '';
    for (const line of parts) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return { child, lines, stderr: () => err, exited };
}

async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitForLine(r: Running, match: RegExp, ms = 30_000): Promise<Record<string, unknown>> {
  const started = Date.now();
  for (;;) {
    const line = r.lines.find((l) => match.test(String(l.msg)));
    if (line) return line;
    if (r.child.exitCode !== null) throw new Error(`exited ${r.child.exitCode}: ${r.stderr()}`);
    if (Date.now() - started > ms) throw new Error(`no log line ${match} within ${ms} ms`);
    await new Promise((t) => setTimeout(t, 50));
  }
}

function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

describe('src/server/main.ts as a process', () => {
  it('starts Slack-only in production, logs what it runs with, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const r = run({
      NODE_ENV: 'production',
      PORT: String(port),
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: `main-test-${randomUUID().slice(0, 8)}:`,
      SLACK_BOT_TOKEN: 'xoxb-1-2-main-test',
      SLACK_SIGNING_SECRET: 'main-test-signing-secret',
      SHUTDOWN_GRACE_MS: '2000',
    });
    try {
      const listening = await waitForLine(r, /^Midlerbot listening on :\d+$/);
      expect(listening.port).toBe(port);
      expect(listening.routes).toEqual(expect.arrayContaining(['POST /slack/events', 'GET /privacy']));
      expect(listening.routes).not.toContain('POST /api/messages');
      const platforms = await waitForLine(r, /^platforms on:/);
      expect(platforms.msg).toBe('platforms on: slack');
      expect(platforms.teams).toBe('disabled (MicrosoftAppId not set)');
      expect(String(platforms.slack)).toMatch(/^enabled/);
      expect((await waitForLine(r, /^store: Redis$/)).store).toBe('redis');
      expect((await waitForLine(r, /^calls loaded: 2$/)).calls).toEqual([
        'innovasjon-2023',
        'pasientsikkerhet-2023-2024',
      ]);
      expect(JSON.stringify(r.lines)).not.toContain('main-test-signing-secret');

      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const teams = await fetch(`${base}/api/messages`, { method: 'POST', body: '{}' });
      expect(teams.status).toBe(404);
      expect(await teams.json()).toMatchObject({ error: 'teams-disabled' });

      r.child.kill('SIGTERM');
      expect(await within(r.exited, 10_000, 'exit after SIGTERM')).toEqual({ code: 0, signal: null });
      expect(r.lines.map((l) => l.msg)).toEqual(
        expect.arrayContaining([
          'shutting down: no new requests, finishing turns in flight',
          'shut down cleanly',
        ]),
      );
    } finally {
      r.child.kill('SIGKILL');
    }
  });

  it('refuses a bad configuration with a message naming the variable, exit 1', async () => {
    const bad = run({ NODE_ENV: 'test', PORT: 'eighty' });
    const none = run({ NODE_ENV: 'production', REDIS_URL: 'redis://:pw-not-printed@127.0.0.1:1' });
    expect(await within(bad.exited, 20_000, 'exit on bad PORT')).toEqual({ code: 1, signal: null });
    expect(bad.stderr()).toMatch(/PORT: must be a whole number/);
    expect(await within(none.exited, 20_000, 'exit without a platform')).toEqual({ code: 1, signal: null });
    expect(none.stderr()).toMatch(/MicrosoftAppId: .*SLACK_BOT_TOKEN/);
    expect(none.stderr()).not.toContain('pw-not-printed');
  });
});
