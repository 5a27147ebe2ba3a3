import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { eachFlag } from '../adapters/console/args.ts';
import { loadCatalog } from '../src/calls/load.ts';
import { formatLocal } from '../src/domain/timeline.ts';
import { tryItStart } from '../src/domain/try-it-date.ts';
import { type PlaygroundConfig, personaConfig, personaIds, uiPortOf } from './playground-personas.ts';

/**
 * `npm run playground [-- --as leader]`: the bot in development (memory store, the clock on a day
 * when the calls are open) and Microsoft 365 Agents Playground as one of the walk-through's people,
 * against the same /api/messages. A second run with `--as` while the first is up opens another
 * person's session against the running bot. docs/playground.md explains the walk-through.
 */

const ROOT = resolve(import.meta.dirname, '..');
const CONFIG = join(ROOT, '.m365agentsplayground.yml');

interface Options {
  as: string;
  botPort: number;
  uiPort?: number;
}

function usage(ids: readonly string[]): string {
  return `npm run playground -- [--as ${ids.join('|')}] [--bot-port 3978] [--port N]`;
}

function parseOptions(argv: readonly string[], ids: readonly string[]): Options {
  const options: Options = { as: ids[0] ?? 'applicant', botPort: Number(process.env.PORT ?? 3978) };
  eachFlag(argv, (flag, value) => {
    if (flag === '--as') options.as = value();
    else if (flag === '--bot-port') options.botPort = Number(value());
    else if (flag === '--port') options.uiPort = Number(value());
    else if (flag === '--help' || flag === '-h') {
      console.log(usage(ids));
      process.exit(0);
    } else throw new Error(`unknown option ${flag}\n${usage(ids)}`);
  });
  if (!ids.includes(options.as))
    throw new Error(`--as: no such person "${options.as}" (one of: ${ids.join(', ')})`);
  for (const [name, port] of [
    ['--bot-port', options.botPort],
    ['--port', options.uiPort],
  ] as const) {
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
      throw new Error(`${name}: not a port`);
  }
  return options;
}

async function botIsUp(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

async function waitForBot(port: number, bot: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (bot.exitCode !== null) throw new Error('the bot stopped during start-up (its log is above)');
    if (await botIsUp(port)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the bot did not answer on port ${port} within a minute`);
}

function startBot(config: PlaygroundConfig, port: number): { child: ChildProcess; clock: string } {
  const start =
    process.env.MIDLERBOT_NOW || tryItStart(loadCatalog(join(ROOT, 'calls')).calls)?.toISOString();
  const chief = config.users.find((u) => u.id === 'quality-chief');
  const trusts = loadCatalog(join(ROOT, 'calls')).calls.flatMap((c) => c.trusts.map((t) => t.id));
  const chiefs = chief
    ? Object.fromEntries([...new Set(trusts)].map((t) => [t, { chief: `teams:${chief.aadObjectId}` }]))
    : {};
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    METRICS_PORT: '0',
    REDIS_URL: '',
    ...(start ? { MIDLERBOT_NOW: start } : {}),
    TRUST_QUALITY_CHIEFS: process.env.TRUST_QUALITY_CHIEFS || JSON.stringify(chiefs),
    // The playground has no people picker: person inputs list the walk-through's people instead.
    TEAMS_PEOPLE_FILE: process.env.TEAMS_PEOPLE_FILE || CONFIG,
  };
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [join(ROOT, 'src', 'server', 'main.ts')], { cwd: ROOT, env, stdio: 'inherit' });
  return { child, clock: start ? formatLocal(new Date(start)) : 'the system clock' };
}

function startPlayground(options: Options, config: PlaygroundConfig, uiPort: number): ChildProcess {
  const dir = join(tmpdir(), 'midlerbot-playground');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${options.as}.yml`);
  writeFileSync(file, stringify(personaConfig(config, options.as)));
  const bin = join(ROOT, 'node_modules', '.bin', 'agentsplayground');
  return spawn(
    bin,
    ['-e', `http://localhost:${options.botPort}/api/messages`, '-c', 'msteams', '--dt', '-p', String(uiPort)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: file,
        M365_AGENTS_PLAYGROUND_LOGFILE: join(dir, `${options.as}.log`),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
}

const WHAT_TO_TRY = `What to try (docs/playground.md has the whole walk-through):
  1. Personal Chat: "norsk" (the playground says en-US), then "kan jeg søke?" and answer the questions.
  2. "hvor mye kan jeg søke om?"; then "ny søknad" and "be om godkjenning" (pick Nils Leder).
  3. In another terminal: npm run playground -- --as leader   → approve on the card.
  4. npm run playground -- --as quality-chief → "hva venter på meg?" → prioritise.
  5. Channel "Midler og frister": "@Midlerbot abonner" then "/at 2022-10-13 09:00" → a reminder arrives.`;

async function main(): Promise<void> {
  const config = parse(readFileSync(CONFIG, 'utf8')) as PlaygroundConfig;
  const ids = personaIds(config);
  const options = parseOptions(process.argv.slice(2), ids);
  const children: ChildProcess[] = [];
  const stop = () => {
    for (const c of children) c.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let clock = '';
  if (!(await botIsUp(options.botPort))) {
    const bot = startBot(config, options.botPort);
    children.push(bot.child);
    clock = bot.clock;
    await waitForBot(options.botPort, bot.child);
  }
  const uiPort = options.uiPort ?? uiPortOf(config, options.as);
  const playground = startPlayground(options, config, uiPort);
  children.push(playground);
  const person = personaConfig(config, options.as).currentUser;
  playground.stdout?.on('data', (chunk: Buffer) => {
    if (!/Listening on/.test(chunk.toString())) return;
    console.log(
      [
        '',
        `Agents Playground as ${person.name} (${options.as}): http://localhost:${uiPort}/`,
        `Bot: http://localhost:${options.botPort}/ ${clock ? `(clock: ${clock} Oslo time)` : '(already running)'}`,
        options.as === ids[0] ? WHAT_TO_TRY : '',
      ].join('\n'),
    );
  });
  for (const c of children)
    c.on('exit', (code) => {
      stop();
      process.exitCode = code ?? 0;
    });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
