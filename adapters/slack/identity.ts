import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Locale } from '../../src/domain/call.ts';
import type { Clock } from '../../src/domain/clock.ts';

export interface SlackIdentity {
  name: string;
  locale?: Locale;
  /** Just asked of users.info (a cache miss): the turn should keep it in the stored profile. */
  fresh?: boolean;
}

/** Slack locales are like `en-US` or `nb-NO`; anything not English gets bokmål. */
export function localeFromSlack(locale: string | undefined): Locale {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'nb';
}

export interface IdentityCacheOptions {
  clock: Clock;
  /** How long a name is trusted before users.info is asked again (default 6 h: renames show up). */
  ttlMs?: number;
  /** Most people remembered; the least recently used are forgotten first (default 5 000). */
  maxEntries?: number;
}

/**
 * Names and locales of Slack users, per replica, in memory. It replaces reading the profile from the
 * Store before every turn (a round trip of its own, issue 3): a miss asks users.info, and the turn
 * writes the profile with its last writes. Bounded in size and age, so a rename or a replica that
 * restarts only costs one users.info call.
 */
export class IdentityCache {
  private readonly entries = new Map<
    string,
    {
      identity: SlackIdentity;
      until: number /** Learned as someone's pick: not in their profile yet. */;
      picked?: true;
    }
  >();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(private readonly options: IdentityCacheOptions) {
    this.ttlMs = options.ttlMs ?? 6 * 3600_000;
    this.maxEntries = Math.max(1, options.maxEntries ?? 5000);
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The identity of a user taking a turn. One first learned as someone's pick (`setPicked`) comes back
   * `fresh` once, so their first own turn still keeps it in their stored profile.
   */
  get(userId: string): SlackIdentity | undefined {
    const entry = this.touch(userId);
    if (!entry?.picked) return entry?.identity;
    delete entry.picked;
    return { ...entry.identity, fresh: true };
  }

  /** The identity of someone else (a person picked in a card), without changing what `get` reports. */
  peek(userId: string): SlackIdentity | undefined {
    return this.touch(userId)?.identity;
  }

  set(userId: string, identity: SlackIdentity): void {
    this.store(userId, identity, false);
  }

  /** Remembers a person looked up because someone picked them (their own turn keeps the profile). */
  setPicked(userId: string, identity: SlackIdentity): void {
    this.store(userId, identity, true);
  }

  private touch(userId: string) {
    const entry = this.entries.get(userId);
    if (!entry) return undefined;
    this.entries.delete(userId);
    if (entry.until <= this.options.clock().getTime()) return undefined;
    // Re-inserted: Map order is the recency order the eviction reads.
    this.entries.set(userId, entry);
    return entry;
  }

  private store(userId: string, identity: SlackIdentity, picked: boolean): void {
    this.entries.delete(userId);
    const { fresh: _, ...kept } = identity;
    const until = this.options.clock().getTime() + this.ttlMs;
    this.entries.set(userId, { identity: kept, until, ...(picked ? { picked: true as const } : {}) });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** The language the engine answered in (the user's choice wins over Slack's), for later chrome. */
  noteLocale(userId: string, locale: Locale): void {
    const entry = this.entries.get(userId);
    if (entry && entry.identity.locale !== locale) entry.identity = { ...entry.identity, locale };
  }
}

/**
 * Who the user is: the Slack user id is the identity; the display name and locale come from the
 * cache, or from users.info on a miss (then `fresh`, so the turn keeps them in the profile). A locale
 * the user chose (stored in the profile) wins in the engine, which reads the profile anyway.
 */
export async function identify(
  cache: IdentityCache,
  client: webApi.WebClient,
  userId: string,
  log: Logger,
): Promise<SlackIdentity> {
  const known = cache.get(userId);
  if (known) return known;
  try {
    const identity = await lookUp(client, userId);
    cache.set(userId, identity);
    return { ...identity, fresh: true };
  } catch (e) {
    // Not cached: the next turn asks again rather than keeping the id as a name.
    log.warn({ err: e, userId }, 'users.info failed; continuing with the user id as name');
    return { name: userId };
  }
}

/** users.info: the name Slack shows (display name, else real name, else handle) and the locale. */
export async function lookUp(client: webApi.WebClient, userId: string): Promise<SlackIdentity> {
  const info = await client.users.info({ user: userId, include_locale: true });
  const user = info.user;
  const name = user?.profile?.display_name || user?.real_name || user?.name || userId;
  return { name, locale: localeFromSlack(user?.locale) };
}
