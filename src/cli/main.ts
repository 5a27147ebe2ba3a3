import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMidlerError } from '../domain/errors.ts';
import { run as amountCommand } from './amount-command.ts';
import { callsCommand } from './calls-command.ts';
import { type CliOutput, type Command, success, usageError } from './output.ts';
import { run as remindersCommand } from './reminders-command.ts';
import { run as timelineCommand } from './timeline-command.ts';

/**
 * The command registry. Adding a command is one import and one entry here:
 *   amount: { run: amountCommand, usage: 'amount --call ID --category CATEGORY --total NOK [...] [--json]' },
 * A command with sub-commands (`calls check`, `reminders plan`) gets the words after its own.
 */
export const commands: Record<string, { run: Command; usage: string }> = {
  calls: {
    run: callsCommand,
    usage: 'calls check [FILE...] [--json]   validate call files and summarise them',
  },
  amount: {
    run: amountCommand,
    usage:
      'amount --call ID --category CATEGORY --total NOK [--own NOK] [--other NOK] [--prior-awards N] [--json]',
  },
  timeline: {
    run: timelineCommand,
    usage: 'timeline --call ID [--at TIME] [--trust ID] [--json] [--locale nb|en]',
  },
  reminders: {
    run: remindersCommand,
    usage: 'reminders plan --call ID [--from ISO] [--to ISO] [--days 14,7,2,0] [--time 09:00] [--json]',
  },
};

export function usage(): string {
  const lines = Object.values(commands).map((c) => `  midlerbot ${c.usage}`);
  return [
    'Usage:',
    ...lines,
    '  midlerbot --help',
    '',
    'Without FILE, `calls check` reads calls/*.yaml.',
  ].join('\n');
}

/** Runs one command line; never throws (a failing command becomes exit code 1 with a message). */
export async function runCli(argv: readonly string[]): Promise<CliOutput> {
  const [word, ...args] = argv;
  if (word === '--help' || word === '-h' || word === 'help') return success(usage());
  if (word === undefined) return usageError('No command given.', usage());
  const command = commands[word];
  if (!command) return usageError(`Unknown command: ${word}`, usage());
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
