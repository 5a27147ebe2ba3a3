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

function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** `--help` or `-h` among a command's arguments: print its usage instead of running it. */
export function asksForHelp(args: readonly string[]): boolean {
  return args.some((a) => a === '--help' || a === '-h');
}
