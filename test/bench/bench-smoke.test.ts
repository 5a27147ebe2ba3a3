import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { describe, expect, inject, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Smoke test only: `bench/run.ts --quick` runs every section to the end and prints its tables.
 * It asserts no timings (speed is read from the printed figures, never tested).
 */
describe('npm run bench -- --quick', () => {
  it('runs every section, prints the tables and round trips, and leaves no keys behind', async () => {
    const redisUrl = inject('redisUrl');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick'], {
      cwd: ROOT,
      env: { ...process.env, REDIS_URL: redisUrl },
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(
      /^\| section\s+\| operation\s+\|\s+n \|\s+ops\/s \|\s+p50 ms \|\s+p95 ms \|\s+p99 ms \|/m,
    );
    for (const section of ['domain', 'engine/memory', 'engine/redis', 'http/teams', 'http/slack']) {
      expect(out, section).toMatch(new RegExp(`^\\| ${section.replace('/', '\\/')}\\s+\\|`, 'm'));
    }
    expect(out).toMatch(/^\| domain\s+\| planReminders /m);
    expect(out).toMatch(/^Redis round trips per engine turn: max \d+, mean \d+\.\d\d/m);
    expect(out).toMatch(/^Redis round trips per HTTP request \(adapter \+ engine\): max \d+/m);
    expect(out).toMatch(/^ {2}16 say "help"\s+max \d+/m);
    // The embedded store let go of the conversations once their TTL passed.
    expect(out).toMatch(/^ {2}after the 30-day dialog TTL\s+rss\s+[\d.]+ MB .* store entries 0$/m);
    // The baselines ran beside the project and the ratios are printed.
    for (const figure of ['Slack ack p99 ms', 'Teams turns/s', 'Teams p99 ms'])
      expect(out, figure).toMatch(new RegExp(`^\\| ${figure}.*\\| [\\d.]+× \\(`, 'm'));

    const redis = new Redis(redisUrl);
    try {
      const [, left] = await redis.scan('0', 'MATCH', 'bench-*', 'COUNT', 10_000);
      expect(left).toEqual([]);
    } finally {
      redis.disconnect();
    }
  }, 180_000);

  it('refuses an unknown section instead of running something else', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--only', 'nope'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('--only takes domain|engine|redis|http');
  }, 100_000);
});
