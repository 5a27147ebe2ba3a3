import type { Platform } from '../domain/application.ts';

/**
 * Every Redis key the store uses, built here and nowhere else (STYLE 6). The `{...}` part is the
 * Redis Cluster hash tag: keys of one entity hash to one slot, so a Lua script or MULTI over them is
 * legal on Cluster. Writes that span entities (an application and its user/call indexes) cannot share a
 * slot; see docs/redis.md for how the store orders those writes and why reads tolerate dangling entries.
 */
export const DEFAULT_PREFIX = 'midlerbot:';

export interface KeySchema {
  readonly prefix: string;
  /** Hash: `v` (version) and `doc` (JSON) of one application. */
  app(id: string): string;
  /** Stream: the application's audit trail, same slot as `app`. */
  audit(id: string): string;
  /** Sorted set: the user's own application ids, score = createdAt (ms). */
  userApps(platform: Platform, userId: string): string;
  /** Set: ids of applications with a step waiting on this person. */
  userWaiting(platform: Platform, userId: string): string;
  /** Set: ids of applications whose audit names this person as actor (for anonymisation). */
  userActed(platform: Platform, userId: string): string;
  /** Set: dialog keys saved for this person (for "delete my data"). */
  userDialogs(platform: Platform, userId: string): string;
  /** String: the user's profile (JSON). */
  userProfile(platform: Platform, userId: string): string;
  /** String: a copy of the user's personal conversation reference (JSON). */
  userPersonalRef(platform: Platform, userId: string): string;
  /** Set: ids of the call's applications. */
  callApps(callId: string): string;
  /** String with TTL: dialog state of one conversation+user. */
  dialog(key: string): string;
  /** String: a conversation reference (JSON). */
  conversationRef(key: string): string;
  /** Hash: conversation key -> subscription JSON (few channels, read all at once). */
  subscriptions(): string;
  /** Sorted set: reminder id -> due time, retry time after a release, or lease expiry while claimed (ms). */
  reminderDue(): string;
  /** Hash: reminder id -> item JSON. */
  reminderItems(): string;
  /** Hash: reminder id -> lease JSON {owner, until, attempts}, from the first claim; owner '' once released. */
  reminderLeases(): string;
  /** Sorted set: delivered reminder id -> delivery time (ms), trimmed after the retention period. */
  reminderDelivered(): string;
  /** String with TTL: a once-only marker (SET NX EX), or a turn's lease / done-mark (`p:TOKEN`, `d`). */
  once(key: string): string;
  /** String with TTL: the replies kept for a turn's redelivery (JSON), same slot as `once`. */
  turnReplay(key: string): string;
  /** Counter with TTL: one fixed rate window. */
  rate(key: string, windowIndex: number): string;
}

/** Hash tags must not contain `}`: ids are user/platform data, so a stray brace is replaced. */
function tag(s: string): string {
  return s.replaceAll('}', '%7D').replaceAll('{', '%7B');
}

export function createKeys(prefix: string = DEFAULT_PREFIX): KeySchema {
  const user = (platform: Platform, userId: string) => `${prefix}{user:${platform}:${tag(userId)}}`;
  const reminders = `${prefix}{reminders}`;
  return {
    prefix,
    app: (id) => `${prefix}{app:${tag(id)}}`,
    audit: (id) => `${prefix}{app:${tag(id)}}:audit`,
    userApps: (p, u) => `${user(p, u)}:apps`,
    userWaiting: (p, u) => `${user(p, u)}:waiting`,
    userActed: (p, u) => `${user(p, u)}:acted`,
    userDialogs: (p, u) => `${user(p, u)}:dialogs`,
    userProfile: (p, u) => `${user(p, u)}:profile`,
    userPersonalRef: (p, u) => `${user(p, u)}:personal-ref`,
    callApps: (callId) => `${prefix}{call:${tag(callId)}}:apps`,
    dialog: (key) => `${prefix}{dialog:${tag(key)}}`,
    conversationRef: (key) => `${prefix}{ref:${tag(key)}}`,
    subscriptions: () => `${prefix}{subscriptions}`,
    reminderDue: () => `${reminders}:due`,
    reminderItems: () => `${reminders}:items`,
    reminderLeases: () => `${reminders}:leases`,
    reminderDelivered: () => `${reminders}:delivered`,
    once: (key) => `${prefix}{once:${tag(key)}}`,
    turnReplay: (key) => `${prefix}{once:${tag(key)}}:replay`,
    rate: (key, windowIndex) => `${prefix}{rate:${tag(key)}}:${windowIndex}`,
  };
}

/** The hash tag of a key (what Redis Cluster hashes), or the whole key when it has none. */
export function hashTagOf(key: string): string {
  const open = key.indexOf('{');
  if (open < 0) return key;
  const close = key.indexOf('}', open + 1);
  if (close <= open + 1) return key;
  return key.slice(open + 1, close);
}
