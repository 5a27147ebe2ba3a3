import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMidlerError } from '../domain/errors.ts';
import { USAGE as AMOUNT_USAGE, run as amountCommand } from './amount-command.ts';
import { USAGE as CALLS_USAGE, callsCommand } from './calls-command.ts';
import { DIFF_USAGE } from './calls-diff-command.ts';
import { DRAFT_USAGE } from './calls-draft-command.ts';
import { asksForHelp, type CliOutput, type Command, success, usageError } from './output.ts';
import { USAGE as REMINDERS_USAGE, run as remindersCommand } from './reminders-command.ts';
import { USAGE as QUEUE_USAGE, run as queueCommand } from './reminders-queue-command.ts';
import { USAGE as TIMELINE_USAGE, run as timelineCommand } from './timeline-command.ts';

/**
 * The command registry. Adding a command is one import and one entry here:
 *   amount: { run: amountCommand, usage: 'amount --call ID ... [--json]', help: AMOUNT_USAGE },
 * `usage` is its line (or lines, one per sub-command) in `midlerbot --help`; `help` is what
 * `midlerbot amount --help` prints.
 * A command with sub-commands (`calls check`, `reminders plan`) gets the words after its own.
 */
export const commands: Record<string, { run: Command; usage: string | readonly string[]; help: string }> = {
  calls: {
    run: callsCommand,
    usage: [
      'calls check [FILE...] [--json]   validate call files and summarise them',
      'calls draft --from ID --text FILE [--id NEW-ID]   next year’s call as a draft to review',
      'calls diff OLD NEW [--locale nb|en] [--json]   what changed between two calls',
    ],
    help: `${CALLS_USAGE}\n\n${DRAFT_USAGE}\n\n${DIFF_USAGE}`,
  },
  amount: {
    run: amountCommand,
    usage:
      'amount --call ID --category CATEGORY --total NOK [--own NOK] [--other NOK] [--prior-awards N] [--json]',
    help: AMOUNT_USAGE,
  },
  timeline: {
    run: timelineCommand,
    usage: 'timeline --call ID [--at TIME] [--trust ID] [--json] [--locale nb|en]',
    help: TIMELINE_USAGE,
  },
  reminders: {
    run: reminders,
    usage: [
      'reminders plan --call ID [--from ISO] [--to ISO] [--days 14,7,2,0] [--time 09:00] [--json]',
      'reminders queue [--json] [--limit N] [--target PREFIX]   what is queued in the Store now',
    ],
    help: `${REMINDERS_USAGE}\n\n${QUEUE_USAGE}`,
  },
};

/** `reminders plan` (what a subscription would get) and `reminders queue` (what is queued now). */
async function reminders(args: string[]): Promise<CliOutput> {
  const [sub, ...rest] = args;
  if (sub === 'queue') return queueCommand(rest);
  if (sub === 'plan') return remindersCommand(args);
  const help = `${REMINDERS_USAGE}\n\n${QUEUE_USAGE}`;
  return usageError(
    sub === undefined ? 'Missing sub-command: plan or queue.' : `Unknown: reminders ${sub}`,
    help,
  );
}

export function usage(): string {
  const lines = Object.values(commands).flatMap((c) =>
    (typeof c.usage === 'string' ? [c.usage] : c.usage).map((u) => `  midlerbot ${u}`),
  );
  return [
    'Usage:',
    ...lines,
    '  midlerbot --help',
    '  midlerbot COMMAND --help   (or -h, or `midlerbot help COMMAND`): the options of one command',
    '',
    'Without FILE, `calls check` reads calls/*.yaml.',
  ].join('\n');
}

/** Own entries only: `midlerbot constructor` is an unknown command, not Object's. */
function commandNamed(word: string | undefined) {
  return word !== undefined && Object.hasOwn(commands, word) ? commands[word] : undefined;
}

/** Runs one command line; never throws (a failing command becomes exit code 1 with a message). */
export async function runCli(argv: readonly string[]): Promise<CliOutput> {
  const [word, ...args] = argv;
  const helpFor = word === 'help' ? commandNamed(args[0]) : undefined;
  if (helpFor) return success(helpFor.help);
  if (word === '--help' || word === '-h' || word === 'help') return success(usage());
  if (word === undefined) return usageError('No command given.', usage());
  const command = commandNamed(word);
  if (!command) return usageError(`Unknown command: ${word}`, usage());
  // Every command (and sub-command: `calls check --help`) answers --help/-h with its usage, exit 0.
  if (asksForHelp(args)) return success(command.help);
  try {
    return await command.run(args);
  } catch (e) {
    const code = isMidlerError(e) ? ` [${e.code}]` : '';
    return {
      stdout: '',
      stderr: `midlerbot ${word}: ${(e as Error).message ?? String(e)}${code}\n`,
      exitCode: 1,
    };
  }
}

/** Runs the process's command line and writes the result; the exit code is set, not forced, so output flushes. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const out = await runCli(argv);
  if (out.stdout) process.stdout.write(out.stdout);
  if (out.stderr) process.stderr.write(out.stderr);
  process.exitCode = out.exitCode;
}

// `tsx src/cli/main.ts ...` (npm run calls:check) runs it directly; bin/midlerbot.js imports and calls main().
if (isEntryPoint(process.argv[1])) await main();

function isEntryPoint(script: string | undefined): boolean {
  try {
    return script !== undefined && realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}
