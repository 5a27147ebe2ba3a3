import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Inbound } from '../../src/bot/messages.ts';
import { namesWithin, type PickedNames } from '../picked-names.ts';
import { type IdentityCache, lookUp } from './identity.ts';
import type { StateValues } from './state-values.ts';

/**
 * Display names of the people picked in a submitted form, looked up during the turn (docs/slack.md,
 * "Names of picked people"). A `users_select` submits only the user id; the dialog would otherwise name
 * a person who never talked to the bot by the role they were asked in.
 *
 * The rule: the values of the form's `users_select` elements are the picked people (exact: Slack says
 * which element type each value came from), except the sender. Names come from the identity cache, or
 * users.info on a miss (then cached), at most `MAX_LOOKUPS` people in parallel, cut off after
 * `PEOPLE_LOOKUP_MS`: a modal submit is answered within Slack's 3 s, so this stays well inside it. A
 * failing call or the time limit leave that person unnamed, silently.
 */

export const MAX_LOOKUPS = 5;
export const PEOPLE_LOOKUP_MS = 1000;

export type { PickedNames };

/** User ids picked in `users_select` elements (distinct, not `self`), at most MAX_LOOKUPS. */
export function pickedUsers(values: StateValues | undefined, self: string): string[] {
  const ids = new Set<string>();
  for (const elements of Object.values(values ?? {})) {
    for (const state of Object.values(elements)) {
      const id = state.type === 'users_select' ? state.selected_user?.trim() : undefined;
      if (id && id !== self) ids.add(id);
    }
  }
  return [...ids].slice(0, MAX_LOOKUPS);
}

/** Names of `ids` from the cache or users.info; never throws, done within `ms`. */
export async function namesOf(
  ids: readonly string[],
  cache: IdentityCache,
  client: webApi.WebClient,
  log: Logger,
  ms = PEOPLE_LOOKUP_MS,
): Promise<PickedNames> {
  return namesWithin(
    'slack',
    ids,
    async (id) => {
      const cached = cache.peek(id);
      if (cached) return cached.name;
      const identity = await lookUp(client, id);
      cache.setPicked(id, identity);
      return identity.name !== id ? identity.name : undefined;
    },
    ms,
    log,
  );
}

/** The action with the names of `picked` in `action.people` (when any was found). */
export async function withPickedNames(
  action: Inbound['action'],
  picked: readonly string[],
  lookup: (ids: readonly string[]) => Promise<PickedNames>,
): Promise<Inbound['action']> {
  if (!action || picked.length === 0) return action;
  const names = await lookup(picked);
  return Object.keys(names).length > 0 ? { ...action, people: names } : action;
}
