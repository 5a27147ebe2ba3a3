import type { Application } from '../domain/application.ts';
import type { Locale } from '../domain/call.ts';
import { channelIdPrefix } from '../domain/reminder-plan.ts';
import type { QueuedReminder, Store, Subscription, UserProfile } from '../store/store.ts';
import type { Effects } from './dialog.ts';
import type { Inbound } from './messages.ts';

/** Channel subscriptions, kept in step with the channel's queued reminders (issue 8). */
/**
 * A channel's reminder subscription. Read with the turn's first round trip in a channel; saving and
 * removing are queued and sent with the engine's last write (the plan replaces the channel's queued
 * reminders in one store call), so a subscription turn keeps the two-round-trip budget.
 */
function channelReminderEffects(
  store: Store,
  event: Inbound,
  prefetched: Subscription | null | undefined,
  queue: (write: () => Promise<unknown>) => void,
) {
  const key = `${event.platform}:${event.conversation.id}`;
  const prefix = channelIdPrefix(key);
  let known = prefetched;
  return {
    channelSubscription: async () => {
      if (known === undefined) known = await store.getSubscription(key);
      return known;
    },
    saveSubscription: async (sub: Subscription, reminders: QueuedReminder[]) => {
      known = sub;
      queue(async () => {
        await Promise.all([store.putSubscription(sub), store.replaceReminders(prefix, reminders, event.at)]);
      });
    },
    removeSubscription: async () => {
      known = null;
      queue(async () => {
        await Promise.all([store.deleteSubscription(key), store.replaceReminders(prefix, [], event.at)]);
      });
    },
  };
}

export interface BoundEffects extends Effects {
  /** True once the user's data was deleted this turn: the engine must not write anything back. */
  readonly forgotten: boolean;
  /**
   * Starts the writes queued this turn (profile changes, created applications). The engine sends them
   * together with its dialog-state save, in the turn's last round trip.
   */
  startQueuedWrites(): Promise<unknown>[];
}

/** What the turn's first round trip already read, so effects need not read it again. */
export interface TurnReads {
  profile: UserProfile | null;
  /** The user's application index, newest first (may hold stale ids). */
  applicationIds: readonly string[];
  /** A profile change to save this turn anyway (bookkeeping: the user's name from the platform). */
  profileChange?: Partial<UserProfile> | null;
  /** The application the pressed button names, as round trip 1 read it. */
  named?: Application | null;
  /** In a channel: its reminder subscription, as round trip 1 read it. */
  subscription?: Subscription | null;
  /** A call's applications, as round trip 1 read them (a button named the call). */
  callApps?: { callId: string; apps: Application[] };
}

/**
 * The Effects port over the Store, bound to the user of one turn. Writes whose answer the dialog does
 * not need are queued and sent with the engine's last write (issue 3: two round trips per turn):
 * profile changes, and new applications. A new application's id is fresh from `newId`, so the store
 * refusing it (an existing id) cannot happen short of a collision; if it does, the queued write fails
 * the turn and the user gets the generic error (the dialog state sent in the same round trip may stand).
 */
export function createEffects(
  store: Store,
  event: Inbound,
  reads: TurnReads,
  newId: () => string,
): BoundEffects {
  const { platform } = event;
  const userId = event.user.id;
  let current = reads.profile;
  let profileDirty = false;
  let forgotten = false;
  const created: Application[] = [];
  const written = new Set<string>();
  const queued: (() => Promise<unknown>)[] = [];
  const changeProfile = (change: Partial<UserProfile>) => {
    current = {
      platform,
      userId,
      name: event.user.name,
      nudges: true,
      ...(event.user.trust === undefined ? {} : { trust: event.user.trust }),
      ...current,
      ...change,
    };
    profileDirty = true;
  };
  const saveProfile = async (change: Partial<UserProfile>) => changeProfile(change);
  if (reads.profileChange) changeProfile(reads.profileChange);
  const mine = (a: Application) => a.applicant.platform === platform && a.applicant.userId === userId;
  return {
    get forgotten() {
      return forgotten;
    },
    startQueuedWrites() {
      if (forgotten) return [];
      const writes = queued.map((w) => w());
      const profile = current;
      if (profileDirty && profile) writes.push(store.putUser(profile));
      return writes;
    },
    myApplications: async () => {
      const known = reads.applicationIds.filter((id) => !created.some((a) => a.id === id));
      const stored = (await store.getApplications(known)).filter(mine);
      return [...created, ...stored];
    },
    createApplication: async (app, audit) => {
      // As the store answers on success (version 1); the write itself goes with the turn's last one.
      const value: Application = { ...app, version: 1 };
      queued.push(() => store.createApplication(app, audit));
      created.unshift(value);
      return value;
    },
    setLocale: (locale: Locale) => saveProfile({ locale, localeFrom: 'choice' }),
    setTrust: (trust: string) => saveProfile({ trust }),
    deleteMyData: async () => {
      forgotten = true;
      return store.deleteUserData(platform, userId);
    },
    newId,
    getApplication: async (id) =>
      created.find((a) => a.id === id) ??
      (reads.named?.id === id && !written.has(id) ? reads.named : store.getApplication(id)),
    updateApplication: (id, expectedVersion, next, audit) => {
      // After a write (or a lost compare-and-set) the prefetched copy is old: read the store again.
      written.add(id);
      return store.updateApplication(id, expectedVersion, next, audit);
    },
    waitingOnMe: () => store.listApplicationsWaitingOn({ platform, userId }),
    applicationsOfCall: (callId) =>
      // Fresh only until this turn writes an application: then read again.
      reads.callApps?.callId === callId && written.size === 0
        ? Promise.resolve(reads.callApps.apps)
        : store.listApplicationsByCall(callId),
    claimOnce: (key, ttlSeconds) => store.claimOnce(key, ttlSeconds),
    releaseClaim: (key) => store.releaseOnce(key),
    profileOf: (person) => store.getUser(person.platform, person.userId),
    ...channelReminderEffects(store, event, reads.subscription, (write) => queued.push(write)),
    setNudges: (on: boolean) => saveProfile({ nudges: on }),
  };
}
