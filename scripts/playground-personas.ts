/**
 * The walk-through's people, from the repository's `.m365agentsplayground.yml`: its `currentUser`
 * (the applicant) and its five `users`, each named by role in `id`. One playground session is one
 * person, so another person's session uses the same file with that person as `currentUser`.
 */

export interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipleName?: string;
  givenName?: string;
  surname?: string;
  email?: string;
}

export interface PlaygroundConfig {
  version: string;
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

export const FIRST_UI_PORT = 56150;

/** Every person of the file, the default one (its currentUser) first. */
export function personaIds(config: PlaygroundConfig): string[] {
  return [config.currentUser.id, ...config.users.map((u) => u.id)];
}

/** The file as `id` sees it: they are the current user, everyone else is among the users. */
export function personaConfig(config: PlaygroundConfig, id: string): PlaygroundConfig {
  if (id === config.currentUser.id) return config;
  const me = config.users.find((u) => u.id === id);
  if (!me) throw new Error(`no person "${id}" in the playground file`);
  return {
    ...config,
    currentUser: me,
    users: [config.currentUser, ...config.users.filter((u) => u.id !== id)],
    // Each person's chat with the bot is a conversation of its own, as in Teams.
    personalChat: { id: `${config.personalChat.id}-${id}` },
  };
}

/** A fixed UI port per person, so each one's URL stays the same between runs. */
export function uiPortOf(config: PlaygroundConfig, id: string): number {
  return FIRST_UI_PORT + Math.max(0, personaIds(config).indexOf(id));
}
