import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What a command produced. `main` writes it out; tests call commands and inspect it directly. */
export interface CliOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A command of the `midlerbot` CLI: its arguments after the command word, in; its output, out. */
export type Command = (args: string[]) => Promise<CliOutput>;

export function success(stdout: string): CliOutput {
  return { stdout: withNewline(stdout), stderr: '', exitCode: 0 };
}

export function failure(stderr: string, exitCode = 1, stdout = ''): CliOutput {
  return { stdout: withNewline(stdout), stderr: withNewline(stderr), exitCode };
}

/** Wrong use of the CLI (unknown command or option): exit code 2, like most Unix tools. */
export function usageError(message: string, usage: string): CliOutput {
  return failure(`${message}\n\n${usage}`, 2);
}

/**
 * A command's arguments as parseArgs reads them, strictly (positionals only when `positionals`); what
 * it refuses ("Unknown option '--x'") is a usage error showing the command's usage.
 */
export function readArgs<const O extends Options, P extends boolean = false>(
  args: string[],
  options: O,
  usage: string,
  positionals: P = false as P,
):
  | ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: P }>>
  | CliOutput {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: positionals });
  } catch (e) {
    return usageError((e as Error).message, usage);
  }
}

/** parseArgs option kinds: one that takes a value (`--call ID`), and a flag (`--json`). */
export const value = { type: 'string' } as const;
export const flag = { type: 'boolean' } as const;

export const isOutput = (v: object): v is CliOutput => 'exitCode' in v;

function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** `--help` or `-h` among a command's arguments: print its usage instead of running it. */
export function asksForHelp(args: readonly string[]): boolean {
  return args.some((a) => a === '--help' || a === '-h');
}
