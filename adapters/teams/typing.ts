import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Sleep } from './rate-limit.ts';

/**
 * The typing indicator (issue 18): a turn that has not answered after about a second shows "…" in
 * the conversation — one `{ type: 'typing' }` activity, again every few seconds while the turn still
 * runs (Teams shows it for a few seconds). Never for invokes: a card action is answered in the HTTP
 * response itself, where a typing activity would only be noise. Best effort: a failed typing
 * activity is logged at debug and changes nothing about the turn.
 */

export interface TypingSettings {
  /** How long a turn runs before the first typing activity (TEAMS_TYPING_AFTER_MS; default 1000). */
  afterMs: number;
  /** Between further typing activities while the turn still runs (default 3000). */
  everyMs: number;
}

export const DEFAULT_TYPING: TypingSettings = { afterMs: 1_000, everyMs: 3_000 };

/** At most this many typing activities per turn (Teams answers within 15 s). */
const MAX_TYPING = 5;

export interface Typing {
  /** The turn has its answer: no typing activity is sent from now on. */
  stop(): void;
}

/**
 * Starts the indicator for one turn. `wait` is the injectable timer (real timers by default; tests
 * pass one they release), so no test depends on wall-clock time.
 */
export function startTyping(
  context: Pick<TurnContext, 'sendActivity'>,
  settings: TypingSettings,
  wait: Sleep,
  log: Logger,
): Typing {
  let done = false;
  void (async () => {
    for (let n = 0; n < MAX_TYPING; n++) {
      await wait(n === 0 ? settings.afterMs : settings.everyMs);
      if (done) return;
      try {
        await context.sendActivity({ type: 'typing' });
      } catch (e) {
        log.debug({ err: e }, 'teams: typing indicator not sent');
        return;
      }
    }
  })();
  return {
    stop() {
      done = true;
    },
  };
}

/** Real timers that do not keep the process alive (a shutdown does not wait for a typing timer). */
export const unrefSleep: Sleep = (ms) =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });
