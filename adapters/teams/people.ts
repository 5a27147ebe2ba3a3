import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Inbound } from '../../src/bot/messages.ts';
import { namesWithin, type PickedNames } from '../picked-names.ts';

/**
 * Display names of the people picked in a submitted card, looked up during the turn (docs/teams.md,
 * "Names of picked people"). The people picker (Input.ChoiceSet with Data.Query
 * graph.microsoft.com/users) submits only the AAD object id; the dialog would otherwise name a person
 * who never talked to the bot by the role they were asked in.
 *
 * The rule: every submitted input value shaped like an AAD object id (a GUID) is a picked person — no
 * other input of ours submits a GUID — except the sender's own id. At most `MAX_LOOKUPS` distinct ids,
 * looked up in parallel with TeamsInfo.getMember, the whole lookup cut off after `timeoutMs`; a person
 * who is not found (getMember only knows members of this conversation, or of its team in a channel),
 * a failing call or the time limit leave that person unnamed, silently.
 */

const AAD_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_LOOKUPS = 5;
export const PEOPLE_LOOKUP_MS = 2000;

export type { PickedNames };

/** AAD object ids among the submitted values (distinct, not the sender's own), at most MAX_LOOKUPS. */
export function pickedAadIds(inputs: Record<string, unknown>, self: string): string[] {
  const ids = new Set<string>();
  for (const value of Object.values(inputs)) {
    if (typeof value !== 'string') continue;
    // Kept as submitted (trimmed): the dialog looks the name up by the value it reads.
    const id = value.trim();
    if (AAD_OBJECT_ID.test(id) && id.toLowerCase() !== self.toLowerCase()) ids.add(id);
  }
  return [...ids].slice(0, MAX_LOOKUPS);
}

export type LookupMember = (id: string) => Promise<{ name?: string | undefined } | undefined>;

/** Names of `ids` by `lookup`, each found one with a non-empty name; never throws, done within `ms`. */
export async function lookUpNames(
  ids: readonly string[],
  lookup: LookupMember,
  ms: number,
  log: Logger,
): Promise<PickedNames> {
  return namesWithin('teams', ids, async (id) => (await lookup(id))?.name?.trim(), ms, log);
}

/**
 * The inbound with the names of the people picked in its card in `action.people` (when any was
 * found).
 */
export async function withPickedNames(
  context: TurnContext,
  inbound: Inbound,
  log: Logger,
  options: { timeoutMs?: number; lookup?: LookupMember } = {},
): Promise<Inbound> {
  const action = inbound.action;
  if (!action?.inputs) return inbound;
  // People already named (by the deployment's directory) need no lookup.
  const ids = pickedAadIds(action.inputs, inbound.user.id).filter((id) => !action.people?.[id]);
  if (ids.length === 0) return inbound;
  const lookup = options.lookup ?? ((id: string) => TeamsInfo.getMember(context, id));
  const names = await lookUpNames(ids, lookup, options.timeoutMs ?? PEOPLE_LOOKUP_MS, log);
  return Object.keys(names).length > 0
    ? { ...inbound, action: { ...action, people: { ...action.people, ...names } } }
    : inbound;
}
