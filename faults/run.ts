import { randomUUID } from 'node:crypto';
import { startBotConnectorCapture } from '../test/support/bot-connector-capture.ts';
import { startRedis } from '../test/support/redis-server.ts';
import { badInput } from './cases/bad-input.ts';
import { connectorFaults } from './cases/connector-faults.ts';
import { redelivery } from './cases/redelivery.ts';
import { redisRestart } from './cases/redis-restart.ts';
import { replicaKill, replicaTerm } from './cases/replica-kill.ts';
import type { FaultCase, FaultEnv, FaultRow } from './cases/types.ts';

/**
 * `npm run faults [-- name…]`: the fault suite (docs/reliability.md). Loopback only: a redis-server
 * of its own on a free port, a local Bot Connector, bot replicas as child processes. Bounded: each
 * case has a time limit, and counts are fixed. Prints one table; exits 1 when a case failed.
 */
const CASES: [string, FaultCase][] = [
  ['replicas', replicaKill],
  ['sigterm', replicaTerm],
  ['redelivery', redelivery],
  ['redis', redisRestart],
  ['connector', connectorFaults],
  ['input', badInput],
];
const CASE_LIMIT_MS = 90_000;

const wanted = process.argv.slice(2);
const run = CASES.filter(([name]) => wanted.length === 0 || wanted.includes(name));
const redis = await startRedis();
const connector = await startBotConnectorCapture();
const runId = randomUUID().slice(0, 8);
const env: FaultEnv = { redis, connector, prefix: (name) => `faults:${runId}:${name}:` };

const rows: FaultRow[] = [];
const started = performance.now();
for (const [name, fn] of run) {
  const t0 = performance.now();
  process.stderr.write(`running ${name}…\n`);
  let limit: NodeJS.Timeout | undefined;
  try {
    const out = await Promise.race([
      fn(env),
      new Promise<never>((_, reject) => {
        limit = setTimeout(
          () => reject(new Error(`over its ${CASE_LIMIT_MS / 1000} s limit`)),
          CASE_LIMIT_MS,
        );
      }),
    ]);
    const seconds = (performance.now() - t0) / 1000;
    for (const row of out) rows.push({ ...row, seconds: out.length === 1 ? seconds : Number.NaN });
    if (out.length > 1 && rows.at(-1)) (rows.at(-1) as FaultRow).seconds = seconds;
  } catch (e) {
    rows.push({
      case: name,
      pass: false,
      figures: `failed: ${e instanceof Error ? e.message : String(e)}`.slice(0, 300),
      seconds: (performance.now() - t0) / 1000,
    });
  } finally {
    clearTimeout(limit);
  }
}
await connector.close();
await redis.stop();

const width = Math.max(...rows.map((r) => r.case.length), 4);
const line = (c: string, r: string, s: string, f: string) =>
  `${c.padEnd(width)} | ${r.padEnd(4)} | ${s.padStart(5)} | ${f}`;
console.log(line('case', 'ok', 's', 'figures'));
console.log(`${'-'.repeat(width)}-|------|-------|${'-'.repeat(60)}`);
for (const r of rows) {
  console.log(
    line(r.case, r.pass ? 'pass' : 'FAIL', Number.isNaN(r.seconds) ? '' : r.seconds.toFixed(1), r.figures),
  );
}
const failed = rows.filter((r) => !r.pass).length;
console.log(
  `\n${rows.length - failed}/${rows.length} passed in ${((performance.now() - started) / 1000).toFixed(0)} s (node ${process.version})`,
);
process.exit(failed === 0 ? 0 : 1);
