import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Inbound } from '../../src/bot/messages.ts';

/**
 * People the deployment names for clients without the Teams people picker (TEAMS_PEOPLE_FILE):
 * Microsoft 365 Agents Playground lists the picker among its unsupported features and shows a plain
 * text box, where a typed name can only be recorded, not asked in chat. With a directory, a person
 * input lists these people as a plain choice (which every client renders), so a leader picked in the
 * playground gets the request and approves in chat (docs/teams.md, "People").
 */
export interface DirectoryPerson {
  aadObjectId: string;
  name: string;
  email?: string;
}

export type Directory = readonly DirectoryPerson[];

const person = z.object({
  aadObjectId: z.string().min(1),
  name: z.string().min(1),
  email: z.string().optional(),
  userPrincipleName: z.string().optional(),
});
/** The playground's own config file (currentUser + users), or a plain `people:` list. */
const file = z.union([
  z.object({ currentUser: person, users: z.array(person) }).transform((f) => [f.currentUser, ...f.users]),
  z.object({ people: z.array(person) }).transform((f) => f.people),
]);

export function loadDirectory(path: string): Directory {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`TEAMS_PEOPLE_FILE: cannot read ${path}: ${e instanceof Error ? e.message : e}`);
  }
  const parsed = file.safeParse(raw);
  if (!parsed.success)
    throw new Error(`TEAMS_PEOPLE_FILE: ${path} lists no people (currentUser and users, or people)`);
  return parsed.data.map((p) => ({
    aadObjectId: p.aadObjectId,
    name: p.name,
    ...((p.email ?? p.userPrincipleName) ? { email: p.email ?? p.userPrincipleName } : {}),
  }));
}

/** A person input's static choices: the directory's people by name, never the sender themselves. */
export function directoryChoices(directory: Directory, self?: string): { title: string; value: string }[] {
  return directory
    .filter((p) => p.aadObjectId !== self)
    .map((p) => ({ title: p.email ? `${p.name} (${p.email})` : p.name, value: p.aadObjectId }))
    .sort((a, b) => a.title.localeCompare(b.title, 'nb'));
}

/**
 * The inbound with the names of directory people picked in its card in `action.people` (kept where a
 * lookup already named them): the directory is what the picker showed, so its names need no lookup.
 */
export function withDirectoryNames(inbound: Inbound, directory: Directory | undefined): Inbound {
  const action = inbound.action;
  if (!directory || !action?.inputs) return inbound;
  const people = { ...(action.people ?? {}) };
  let named = false;
  for (const value of Object.values(action.inputs)) {
    const person =
      typeof value === 'string' ? directory.find((p) => p.aadObjectId === value.trim()) : undefined;
    if (person && !people[person.aadObjectId]) {
      people[person.aadObjectId] = { name: person.name };
      named = true;
    }
  }
  return named ? { ...inbound, action: { ...action, people } } : inbound;
}
