import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, ROOT, SOURCE_MAIN } from '../support/process.ts';
import { type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';

/**
 * The bot as a real child process: start-up log, SIGTERM, refusing a bad configuration, and the
 * built `dist/` that `npm start` and the container run.
 */

// An empty working directory: no developer .env is picked up.
const cwd = mkdtempSync(join(tmpdir(), 'midlerbot-main-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs the TypeScript sources through tsx, or with `built` the compiled dist/ as `npm start` does. */
function run(env: Record<string, string>, built = false): Running {
  const entry = built ? [join(ROOT, 'dist', 'src', 'server', 'main.js')] : SOURCE_MAIN;
  const child = spawn(process.execPath, entry, {
    cwd,
    env: { PATH: process.env.PATH ?? '', CALLS_DIR: join(ROOT, 'calls'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    const parts = out.split('\n');
    out = parts.pop() ?? '';
    for (const line of parts) if (line.trim()) lines.push(parseLine(line));
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return { child, lines, stderr: () => err, exited };
}

/**
 * A JSON log line, or in development a pino-pretty one: its first line `[time] LEVEL: msg`
 * becomes { level, msg }; the indented field lines under it are kept as { detail }.
 */
function parseLine(line: string): Record<string, unknown> {
  if (line.startsWith('{')) return JSON.parse(line) as Record<string, unknown>;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips pino-pretty's colour codes.
  const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
  const head = /^\[[\d:.]+\] (\w+)(?: \([^)]*\))?: (.*)$/.exec(plain);
  return head ? { level: head[1], msg: head[2] } : { detail: plain };
}

/** The messages of the log lines so far (not the pretty field lines). */
const messages = (r: Running) => r.lines.filter((l) => l.msg !== undefined).map((l) => String(l.msg));

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

async function waitForLine(r: Running, match: RegExp, ms = 90_000): Promise<Record<string, unknown>> {
  const started = Date.now();
  for (;;) {
    const line = r.lines.find((l) => match.test(String(l.msg)));
    if (line) return line;
    if (r.child.exitCode !== null) throw new Error(`exited ${r.child.exitCode}: ${r.stderr()}`);
    if (Date.now() - started > ms) throw new Error(`no log line ${match} within ${ms} ms`);
    await new Promise((t) => setTimeout(t, 50));
  }
}

/** Slack's Web API for the child: the bot's ids are looked up there once at start-up. */
let slackApi: SlackCapture;
beforeAll(async () => {
  slackApi = await startSlackCapture();
});
afterAll(async () => {
  await slackApi.close();
});

/** Slack-only production against the test Redis, on free ports. */
async function production(): Promise<Record<string, string>> {
  return {
    SLACK_API_URL: slackApi.apiUrl,
    NODE_ENV: 'production',
    PORT: String(await freePort()),
    METRICS_PORT: String(await freePort()),
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: `main-test-${randomUUID().slice(0, 8)}:`,
    SLACK_BOT_TOKEN: 'xoxb-1-2-main-test',
    SLACK_SIGNING_SECRET: 'main-test-signing-secret',
    SHUTDOWN_GRACE_MS: '2000',
  };
}

/** SIGTERM: the process drains and exits 0, saying so. */
async function stops(r: Running): Promise<void> {
  r.child.kill('SIGTERM');
  expect(await within(r.exited, 10_000, 'exit after SIGTERM')).toEqual({ code: 0, signal: null });
  expect(messages(r)).toEqual(
    expect.arrayContaining([
      'shutting down: no new requests, finishing turns in flight',
      'shut down cleanly',
    ]),
  );
}

// Child processes compile the sources with tsx at start: slow on a busy machine, so generous bounds.
describe('src/server/main.ts as a process', { timeout: 120_000 }, () => {
  it('starts Slack-only in production, logs what it runs with in order, and exits 0 on SIGTERM', async () => {
    const env = await production();
    const port = Number(env.PORT);
    const r = run(env);
    try {
      await waitForLine(r, /^configuration$/);
      // Where it listens, platforms, store, calls, clock; then warnings; the configuration last.
      const first = r.lines.slice(0, 5);
      expect(first.map((l) => l.msg)).toEqual([
        `Midlerbot listening on http://0.0.0.0:${port}`,
        'platforms on: slack',
        'store: Redis',
        'calls loaded: 2',
        expect.stringMatching(/^clock: \d{4}-\d\d-\d\d \d\d:\d\d Europe\/Oslo \(system clock\)$/),
      ]);
      const [listening, platforms, store, calls] = first;
      expect(listening?.port).toBe(port);
      expect(listening?.metrics).toBe(`http://127.0.0.1:${env.METRICS_PORT}/metrics`);
      expect(listening?.routes).toEqual(expect.arrayContaining(['POST /slack/events', 'GET /privacy']));
      expect(listening?.routes).not.toContain('POST /api/messages');
      expect(listening?.routes).not.toContain('GET /metrics');
      expect(platforms?.teams).toBe('disabled (MicrosoftAppId not set)');
      expect(String(platforms?.slack)).toMatch(/^enabled/);
      expect(store?.store).toBe('redis');
      expect(calls?.calls).toEqual(['innovasjon-2023', 'pasientsikkerhet-2023-2024']);
      // Then the warnings (no quality chief for any trust here), and the configuration last.
      expect(r.lines.slice(5).map((l) => [l.level, l.msg])).toEqual([
        [40, expect.stringMatching(/^no quality chief configured /)],
        [30, 'configuration'],
      ]);
      expect(JSON.stringify(r.lines)).not.toContain('main-test-signing-secret');

      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const teams = await fetch(`${base}/api/messages`, { method: 'POST', body: '{}' });
      expect(teams.status).toBe(404);
      expect(await teams.json()).toMatchObject({ error: 'teams-disabled' });
      // Metrics on their own loopback listener, not on the public port (no METRICS_TOKEN).
      expect((await fetch(`${base}/metrics`)).status).toBe(404);
      const metrics = await fetch(`http://127.0.0.1:${env.METRICS_PORT}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(/^# TYPE nodejs_eventloop_lag_seconds gauge$/m);

      await stops(r);
    } finally {
      r.child.kill('SIGKILL');
    }
  });

  it('in development says where to open it, then warns about the in-memory store and missing quality chiefs', async () => {
    const port = await freePort();
    const r = run({
      NODE_ENV: 'development',
      PORT: String(port),
      METRICS_PORT: '0',
      MIDLERBOT_NOW: '2022-10-04T10:00',
    });
    try {
      await waitForLine(r, /^configuration$/);
      expect(messages(r).slice(0, 5)).toEqual([
        `Midlerbot listening on http://127.0.0.1:${port}; open http://localhost:${port}/`,
        'platforms on: teams',
        'store: in-memory',
        'calls loaded: 2',
        expect.stringMatching(
          /^clock: 2022-10-04 10:0\d Europe\/Oslo \(MIDLERBOT_NOW, running on from there; type \/at .* to move it\)$/,
        ),
      ]);
      // The page at / shows both calls open against the host's clock, not the machine's.
      const page = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      expect(page).toMatch(/Innovasjonsmidler 2023.*open: deadline 2022-10-20 15:00, 16 days left/);
      expect(page).toMatch(/Pasientsikkerhetsmidler 2023–2024.*open: deadline 2022-11-04/);
      const after = r.lines.filter((l) => l.msg !== undefined).slice(5);
      expect(after.map((l) => l.level)).toEqual(['WARN', 'WARN', 'INFO']);
      expect(String(after[0]?.msg)).toMatch(/^REDIS_URL is not set: using the in-memory store/);
      expect(String(after[1]?.msg)).toMatch(/^no quality chief configured/);
      expect(after[2]?.msg).toBe('configuration');
      await stops(r);
    } finally {
      r.child.kill('SIGKILL');
    }
  });

  it('refuses a bad configuration with a message naming the variable, exit 1', async () => {
    const bad = run({ NODE_ENV: 'test', PORT: 'eighty' });
    const none = run({ NODE_ENV: 'production', REDIS_URL: 'redis://:pw-not-printed@127.0.0.1:1' });
    expect(await within(bad.exited, 90_000, 'exit on bad PORT')).toEqual({ code: 1, signal: null });
    expect(bad.stderr()).toMatch(/PORT: must be a whole number/);
    expect(await within(none.exited, 90_000, 'exit without a platform')).toEqual({ code: 1, signal: null });
    expect(none.stderr()).toMatch(/MicrosoftAppId: .*SLACK_BOT_TOKEN/);
    expect(none.stderr()).not.toContain('pw-not-printed');
  });
});

describe('the build (npm start, the container)', () => {
  it('compiles to dist/ when stale (prestart), and the compiled bot starts, serves and stops', async () => {
    // What `npm start`'s prestart runs: a no-op when dist/ is current, a tsc build otherwise (about
    // 25 s of CPU; minutes on a busy machine, hence the bound).
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(build.status, build.stderr + build.stdout).toBe(0);
    const env = await production();
    const r = run(env, true);
    try {
      // The Lua scripts are read from beside the compiled store: a start with Redis proves they were copied.
      expect((await waitForLine(r, /^Midlerbot listening on /)).port).toBe(Number(env.PORT));
      expect((await waitForLine(r, /^calls loaded: 2$/)).dir).toBe(join(ROOT, 'calls'));
      expect((await fetch(`http://127.0.0.1:${env.PORT}/readyz`)).status).toBe(200);
      await stops(r);
    } finally {
      r.child.kill('SIGKILL');
    }
  }, 600_000);
});
