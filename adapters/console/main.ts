import { createInterface } from 'node:readline';
import { createEngine } from '../../src/bot/engine.ts';
import { loadCatalog } from '../../src/calls/load.ts';
import { parseAt } from '../../src/domain/timeline.ts';
import { loadConfig } from '../../src/server/config.ts';
import { checkQualityChiefs, engineConfigOf } from '../../src/server/engine-settings.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import type { Store } from '../../src/store/store.ts';
import { parseArgs, USAGE } from './args.ts';
import { ConsoleChat } from './session.ts';

/** `npm run chat`: the bot in a terminal, on the memory store (or Redis when REDIS_URL is set). */
async function main(): Promise<void> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // The same settings as the HTTP host (quality chiefs, lifetimes) from the environment or .env.
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
  // A fixed clock when --at is given (walk the 2022–2024 timeline, Oslo time); else where the host's
  // MIDLERBOT_NOW starts it, as `npm start` would; otherwise real time.
  let fixed: Date | undefined = args.at ? parseAt(args.at) : config.clockStart;
  const now = () => (fixed ? new Date(fixed.getTime()) : new Date());
  const redisUrl = process.env.REDIS_URL;
  const store: Store = redisUrl
    ? createRedisStore({
        url: redisUrl,
        ...(process.env.REDIS_PREFIX ? { prefix: process.env.REDIS_PREFIX } : {}),
      })
    : createMemoryStore({ clock: now });
  const interactive = process.stdin.isTTY === true;
  if (interactive) {
    process.stderr.write(
      redisUrl ? `(store: Redis ${redisUrl})\n` : '(store: in memory; nothing is kept after you quit)\n',
    );
  }
  const catalog = loadCatalog(config.callsDir ?? 'calls');
  checkQualityChiefs(config.trustQualityChiefs, catalog);
  const engine = createEngine({ store, catalog, clock: now, config: engineConfigOf(config) });
  const chat = new ConsoleChat({
    engine,
    write: (text) => process.stdout.write(`${text}\n`),
    name: args.as,
    ...(args.locale ? { locale: args.locale } : {}),
    now,
    setNow: (at) => {
      fixed = at;
    },
    color: interactive && process.stdout.isTTY === true,
    onError: (e) =>
      process.stderr.write(`(error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)})\n`),
  });

  await chat.send({ text: args.locale === 'en' ? 'help' : 'hjelp' });
  // In a terminal readline needs the output to show the prompt and echo what is typed; piped, the
  // prompt and line are written below, so output stays off and nothing is echoed twice.
  const rl = createInterface({
    input: process.stdin,
    ...(interactive ? { output: process.stdout } : {}),
    terminal: interactive,
  });
  const ask = () => {
    if (interactive) {
      rl.setPrompt(chat.prompt());
      rl.prompt();
    }
  };
  ask();
  // Lines are handled one at a time, in order, even when piped in faster than the bot answers.
  for await (const line of rl) {
    if (!interactive) process.stdout.write(`${chat.prompt()}${line}\n`);
    if (!(await chat.line(line))) break;
    ask();
  }
  rl.close();
  await store.close();
}

await main();
