import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type BotConnectorCapture, startBotConnectorCapture } from '../test/support/bot-connector-capture.ts';
import { type SlackCapture, startSlackCapture } from '../test/support/slack-capture.ts';
import { type LoadResult, p99, perSecond, slackOpenLoop, teamsConversations } from './compare/load.ts';
import type { TargetKind } from './compare/targets.ts';
import { BENCH_SECONDS } from './http-host.ts';
import type { BenchOptions } from './options.ts';
import { fmt, percentile, type SectionResult } from './stats.ts';

/**
 * The project against the baselines a team would otherwise pick (issue 17): a plain Bolt app for the
 * Slack ack, a bare botbuilder echo bot for Teams turns. Each runs in its own process, the load comes
 * from this one, and project and baseline alternate (A B A B …) so both see the same machine. The
 * ratios are the figures; absolute numbers are indications of this machine only.
 */

interface Running {
  port: number;
  /** CPU time the target's process has used so far (ms). */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

async function startChild(kind: TargetKind, slackApiUrl: string): Promise<Running> {
  const entry = fileURLToPath(new URL('./compare/child.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry, kind, slackApiUrl], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench: ${kind} exited with ${code} before listening`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  return {
    port,
    cpuMs: () =>
      new Promise((resolve) => {
        lines.once('line', (line) => resolve((JSON.parse(line) as { cpuMs: number }).cpuMs));
        child.stdin?.write('cpu\n');
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.stdin?.end();
      }),
  };
}

interface Sizes {
  pairs: number;
  slackRate: number;
  slackSeconds: number;
  conversations: number;
  messages: number;
}

const FULL: Sizes = { pairs: 5, slackRate: 200, slackSeconds: 5, conversations: 50, messages: 30 };
const QUICK: Sizes = { pairs: 1, slackRate: 50, slackSeconds: 1, conversations: 5, messages: 4 };

interface Figure {
  what: string;
  /** Whether a larger value is better (throughput) or worse (latency). */
  higherIsBetter: boolean;
  project: number[];
  baseline: number[];
}

const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const spread = (xs: number[]) => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`;

function table(figures: Figure[]): string[] {
  const head = ['figure', 'project (median, spread)', 'baseline (median, spread)', 'ratio (median, spread)'];
  const rows = figures.map((f) => {
    const ratios = f.project.map((p, i) => p / (f.baseline[i] ?? Number.NaN));
    return [
      f.what,
      `${fmt(median(f.project))} (${spread(f.project)})`,
      `${fmt(median(f.baseline))} (${spread(f.baseline)})`,
      `${fmt(median(ratios))}× (${spread(ratios)})${f.higherIsBetter ? ' ↑' : ' ↓'}`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
}

function checked(result: LoadResult, what: string): LoadResult {
  if (result.errors > 0) throw new Error(`bench: ${what}: ${result.errors} requests failed`);
  return result;
}

export async function compareRows(options: BenchOptions): Promise<SectionResult> {
  const sizes = options.quick ? QUICK : FULL;
  const slack: SlackCapture = await startSlackCapture();
  const teams: BotConnectorCapture = await startBotConnectorCapture();
  const targets: Running[] = [];
  try {
    const started = await Promise.allSettled(
      (['project', 'bolt', 'echo'] as const).map((kind) => startChild(kind, slack.apiUrl)),
    );
    for (const s of started) if (s.status === 'fulfilled') targets.push(s.value);
    const [project, bolt, echo] = started.map((s) => {
      if (s.status === 'rejected') throw s.reason;
      return s.value;
    }) as [Running, Running, Running];
    // The project's clock is fixed at the bench instant; plain Bolt checks signatures against the wall.
    const slackRun = (port: number, signedAt: () => number) =>
      slackOpenLoop(port, slack, signedAt, sizes.slackRate, sizes.slackSeconds);
    /** One Teams run, with the CPU it cost the target's own process per turn. */
    const teamsRun = async (target: Running) => {
      const before = await target.cpuMs();
      const result = await teamsConversations(target.port, teams, sizes.conversations, sizes.messages);
      return { result, cpuPerTurn: ((await target.cpuMs()) - before) / result.latencies.length };
    };
    const wall = () => Math.floor(Date.now() / 1000);
    // Warm-up, not timed: JIT, first-contact writes, the Slack bot look-up.
    await slackOpenLoop(project.port, slack, () => BENCH_SECONDS, 50, 1);
    await slackOpenLoop(bolt.port, slack, wall, 50, 1);
    await teamsConversations(project.port, teams, 5, 5);
    await teamsConversations(echo.port, teams, 5, 5);

    const ack: Figure = {
      what: `Slack ack p99 ms, ${sizes.slackRate} req/s for ${sizes.slackSeconds} s`,
      higherIsBetter: false,
      project: [],
      baseline: [],
    };
    const tps: Figure = {
      what: `Teams turns/s, ${sizes.conversations} conversations × ${sizes.messages}`,
      higherIsBetter: true,
      project: [],
      baseline: [],
    };
    const tp99: Figure = {
      what: 'Teams p99 ms (same run)',
      higherIsBetter: false,
      project: [],
      baseline: [],
    };
    const tcpu: Figure = {
      what: 'Teams CPU ms per turn, target process',
      higherIsBetter: false,
      project: [],
      baseline: [],
    };
    for (let pair = 0; pair < sizes.pairs; pair++) {
      ack.project.push(p99(checked(await slackRun(project.port, () => BENCH_SECONDS), 'project Slack')));
      ack.baseline.push(p99(checked(await slackRun(bolt.port, wall), 'plain Bolt')));
      const a = await teamsRun(project);
      const b = await teamsRun(echo);
      checked(a.result, 'project Teams');
      checked(b.result, 'echo bot');
      tps.project.push(perSecond(a.result));
      tps.baseline.push(perSecond(b.result));
      tp99.project.push(p99(a.result));
      tp99.baseline.push(p99(b.result));
      tcpu.project.push(a.cpuPerTurn);
      tcpu.baseline.push(b.cpuPerTurn);
    }
    return {
      rows: [],
      notes: [
        `Project vs baselines, ${sizes.pairs} alternating pair(s); Slack baseline: plain @slack/bolt app (ack, then respond); Teams baseline: bare botbuilder echo bot; memory store, loopback capture servers.`,
        ...table([ack, tps, tp99, tcpu]),
        '(CPU per turn is what the target process itself used, read from it before and after each run: unlike the rates it does not move with whatever else shares the machine)',
        '(ratio = project / baseline per pair; ↑ higher is better, ↓ lower is better)',
      ],
    };
  } finally {
    for (const t of targets) await t.stop();
    await slack.close();
    await teams.close();
  }
}
