import { createInterface } from 'node:readline';
import { startTarget, type TargetKind } from './targets.ts';

/**
 * `tsx bench/compare/child.ts KIND SLACK_API_URL`: one target in its own process, until stdin closes.
 * A line `cpu` on stdin is answered with the CPU time this process has used so far (`{"cpuMs": N}`),
 * so the bench can read what a run cost the target itself, whatever else shares the machine.
 */
const [kind, slackApiUrl] = process.argv.slice(2);
if (kind !== 'project' && kind !== 'bolt' && kind !== 'echo') {
  console.error(`child: unknown target ${kind ?? ''}`);
  process.exit(2);
}
const target = await startTarget(kind as TargetKind, slackApiUrl ?? '');
process.stdout.write(`${JSON.stringify({ port: target.port })}\n`);
const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  if (line.trim() !== 'cpu') return;
  const used = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpuMs: (used.user + used.system) / 1000 })}\n`);
});
commands.on('close', () => {
  target.close().finally(() => process.exit(0));
});
