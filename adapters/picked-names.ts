import type { Logger } from 'pino';
import { within } from '../src/server/time-box.ts';

/**
 * Names of the people picked in a submitted form or card, looked up during the turn, as both platforms
 * do it (adapters/slack/people.ts, adapters/teams/people.ts say which values are people and where their
 * names come from). The answer to the user must not wait on a directory: the lookups run in parallel
 * and are cut off after `ms`; a failing lookup or the time limit leave that person unnamed, silently.
 */

export type PickedNames = Record<string, { name: string }>;

/** Names of `ids` by `nameOf` (undefined: nothing to name them by); never throws, done within `ms`. */
export async function namesWithin(
  platform: 'slack' | 'teams',
  ids: readonly string[],
  nameOf: (id: string) => Promise<string | undefined>,
  ms: number,
  log: Logger,
): Promise<PickedNames> {
  const names: PickedNames = {};
  const one = async (id: string) => {
    try {
      const name = await nameOf(id);
      if (name) names[id] = { name };
    } catch (e) {
      // Not found, no permission, the service down: no name, no harm.
      log.info(
        { err: e, userId: id },
        `${platform}: could not look up a picked person; the dialog names them`,
      );
    }
  };
  const done = await within(
    Promise.all(ids.map(one)).then(() => true),
    ms,
  );
  if (!done) log.info({ count: ids.length, ms }, `${platform}: looking up picked people took too long`);
  // A copy: lookups still running after the cut-off must not change what the turn already read.
  return { ...names };
}
