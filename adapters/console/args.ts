import { normalize } from '../../src/bot/matcher.ts';
import type { Locale } from '../../src/domain/call.ts';
import { parseAt } from '../../src/domain/timeline.ts';

export interface ConsoleArgs {
  as: string;
  locale?: Locale;
  at?: string;
  help: boolean;
}

/** `--as NAME`, `--locale en|nb`, `--at ISO-DATE`, `--help`. Throws a readable message on bad input. */
export function parseArgs(argv: readonly string[]): ConsoleArgs {
  const args: ConsoleArgs = { as: 'Kari Nordmann', help: false };
  eachFlag(argv, (flag, value) => {
    if (flag === '--as') args.as = value();
    else if (flag === '--locale') {
      const v = value();
      if (v !== 'en' && v !== 'nb') throw new Error('--locale must be nb or en');
      args.locale = v;
    } else if (flag === '--at') {
      const v = value();
      try {
        parseAt(v);
      } catch {
        throw new Error(`--at: not a time: ${v} (Oslo time: 2022-10-20 or 2022-10-20T14:30)`);
      }
      args.at = v;
    } else if (flag === '--help' || flag === '-h') args.help = true;
    else throw new Error(`unknown option ${flag}`);
  });
  return args;
}

/**
 * Walks a command line flag by flag; `value()` takes the next word as the flag's value (a flag
 * without one throws "--x needs a value"). The console and the playground script read theirs so.
 */
export function eachFlag(argv: readonly string[], on: (flag: string, value: () => string) => void): void {
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    on(flag, () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    });
  }
}

/**
 * A console user's id from a name: lower case, æ/ø/å folded as the matcher folds them, dashes
 * between words ("Ola Leder" -> "ola-leder", "Kari Søker" and "kari-søker" -> "kari-soker");
 * '' when the name has no letter or digit.
 */
export function consoleId(name: string): string {
  return normalize(name).replace(/ /g, '-');
}

/** A stable user id for a display name (`--as`): "Ola Leder" -> "ola-leder". */
export function userIdOf(name: string): string {
  return consoleId(name) || 'user';
}

export const USAGE = `npm run chat -- [--as NAME] [--locale nb|en] [--at ISO-DATE]

Type to the bot, or a number to press a button; a button on a card with fields asks for them
first (enter skips an optional one). Pick a person as @NAME (another user's --as name). While chatting:
  /as NAME     continue as another user
  /at ISO-DATE move the clock (e.g. /at 2022-10-19T12:00)
  /cancel      drop the form being filled in
  /quit        leave`;
