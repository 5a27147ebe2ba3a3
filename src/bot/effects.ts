import type { Locale } from '../domain/call.ts';
import { channelIdPrefix } from '../domain/reminder-plan.ts';
import type { QueuedReminder, Store, Subscription, UserProfile } from '../store/store.ts';
import type { Effects } from './dialog.ts';
import type { Inbound } from './messages.ts';

/** Channel subscriptions, kept in step with the channel's queued reminders (issue 8). */
function channelReminderEffects(store: Store, event: Inbound) {
  const key = `${event.platform}:${event.conversation.id}`;
  const prefix = channelIdPrefix(key);
  const queuedIds = async () => (await store.listReminderIds()).filter((id) => id.startsWith(prefix));
  return {
    channelSubscription: () => store.getSubscription(key),
    saveSubscription: async (sub: Subscription, reminders: QueuedReminder[]) => {
      await store.putSubscription(sub);
      const wanted = new Set(reminders.map((r) => r.id));
      const queued = await queuedIds();
      await store.removeReminders(queued.filter((id) => !wanted.has(id)));
      await store.enqueueReminders(
        reminders.filter((r) => !queued.includes(r.id) || Date.parse(r.dueAt) > event.at.getTime()),
      );
    },
    removeSubscription: async () => {
      await store.deleteSubscription(key);
      await store.removeReminders(await queuedIds());
    },
  };
}

export interface BoundEffects extends Effects {
  /** True once the user's data was deleted this turn: the engine must not write anything back. */
  readonly forgotten: boolean;
}

/** The Effects port over the Store, bound to the user of one turn. */
export function createEffects(
  store: Store,
  event: Inbound,
  profile: UserProfile | null,
  newId: () => string,
): BoundEffects {
  const { platform } = event;
  const userId = event.user.id;
  let current = profile;
  let forgotten = false;
  const saveProfile = async (change: Partial<UserProfile>) => {
    current = {
      platform,
      userId,
      name: event.user.name,
      nudges: true,
      ...(event.user.trust === undefined ? {} : { trust: event.user.trust }),
      ...current,
      ...change,
    };
    await store.putUser(current);
  };
  return {
    get forgotten() {
      return forgotten;
    },
    myApplications: () => store.listApplicationsByUser(platform, userId),
    createApplication: (app, audit) => store.createApplication(app, audit),
    setLocale: (locale: Locale) => saveProfile({ locale }),
    setTrust: (trust: string) => saveProfile({ trust }),
    deleteMyData: async () => {
      forgotten = true;
      return store.deleteUserData(platform, userId);
    },
    newId,
    getApplication: (id) => store.getApplication(id),
    updateApplication: (id, expectedVersion, next, audit) =>
      store.updateApplication(id, expectedVersion, next, audit),
    waitingOnMe: () => store.listApplicationsWaitingOn({ platform, userId }),
    applicationsOfCall: (callId) => store.listApplicationsByCall(callId),
    claimOnce: (key, ttlSeconds) => store.claimOnce(key, ttlSeconds),
    profileOf: (person) => store.getUser(person.platform, person.userId),
    ...channelReminderEffects(store, event),
    setNudges: (on: boolean) => saveProfile({ nudges: on }),
  };
}
