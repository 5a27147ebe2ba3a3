import { startTarget, type TargetKind } from './targets.ts';

/** `tsx bench/compare/child.ts KIND SLACK_API_URL`: one target in its own process, until stdin closes. */
const [kind, slackApiUrl] = process.argv.slice(2);
if (kind !== 'project' && kind !== 'bolt' && kind !== 'echo') {
  console.error(`child: unknown target ${kind ?? ''}`);
  process.exit(2);
}
const target = await startTarget(kind as TargetKind, slackApiUrl ?? '');
process.stdout.write(`${JSON.stringify({ port: target.port })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  target.close().finally(() => process.exit(0));
});
