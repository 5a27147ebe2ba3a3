import type { Application } from '../domain/application.ts';
import { unlessStoreDown } from '../store/degrade.ts';
import type { DialogState, Store, Subscription, TurnClaim, TurnReplay, UserProfile } from '../store/store.ts';
import { readSentRefs } from './deliver.ts';
import type { Engine } from './engine-port.ts';
import type { Inbound, SentRef } from './messages.ts';

/** What a turn's first round trip brought back. */
export interface TurnStart {
  /** The event's `bookkeeping.once` key was claimed before: do nothing. */
  duplicate: boolean;
  /** With `duplicate`: another delivery holds a live in-progress lease. */
  pending: boolean;
  /** Replies kept for an earlier delivery of this event whose state change was written. */
  replay: TurnReplay | undefined;
  profile: UserProfile | null;
  stored: DialogState | null;
  /** The user's application index (newest first; may hold stale ids), so listing needs one more read only. */
  applicationIds: string[];
  /** The application the pressed button names (`data.app`), read with the rest; null if none or gone. */
  named: Application | null;
  /** The messages sent under the refId the pressed button names (`data.ref`), read with the rest. */
  sentRefs?: Record<string, SentRef[]>;
  /** In a channel or group chat: its reminder subscription, read with the rest (null when none). */
  subscription?: Subscription | null;
  /** The applications of the call a pressed button names (`data.callApps`: the chief's order card). */
  callApps?: { callId: string; apps: Application[] };
}

/** The application id a button carries in its data (endorsement, leader and progress buttons do). */
export function namedApplicationId(event: Inbound): string | undefined {
  const app = event.action?.data?.app;
  return typeof app === 'string' && app.length > 0 && app.length <= 200 ? app : undefined;
}

/** The refId a button carries in its data (a leader's decision card names the messages it went out as). */
export function namedRefId(event: Inbound): string | undefined {
  const ref = event.action?.data?.ref;
  return typeof ref === 'string' && ref.length > 0 && ref.length <= 200 ? ref : undefined;
}

/** The call whose applications a button's turn needs (`data.callApps`). */
export function namedCallApps(event: Inbound): string | undefined {
  const id = event.action?.data?.callApps;
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined;
}

/**
 * The turn's first round trip: the adapter's bookkeeping (dedup claim, conversation reference) and the
 * engine's reads (profile, dialog state, the user's application index, and the application a pressed
 * button names, so a change to it costs only the write), all issued before any answer
 * arrives. ioredis writes commands issued together on one connection back to back (one round trip);
 * on Cluster each node gets its share at the same time. A failure of any part fails the turn, which
 * then answers "try again in a moment" (store down) like any other.
 */
export async function openTurn(
  store: Store,
  event: Inbound,
  dialogKey: string,
  newToken: () => string,
): Promise<TurnStart> {
  const { once, remember } = event.bookkeeping ?? {};
  const appId = namedApplicationId(event);
  const refId = namedRefId(event);
  const shared = event.conversation.kind !== 'personal';
  const callId = namedCallApps(event);
  const [claim, , profile, stored, applicationIds, named, refs, subscription, callApps] = await Promise.all([
    claimTurnOf(store, once, newToken),
    remember ? store.putConversationRef(remember) : undefined,
    store.getUser(event.platform, event.user.id),
    store.getDialog(dialogKey),
    store.applicationIdsOfUser(event.platform, event.user.id),
    appId ? store.getApplication(appId) : null,
    refId ? readSentRefs(store, refId) : undefined,
    shared ? store.getSubscription(`${event.platform}:${event.conversation.id}`) : undefined,
    callId ? store.listApplicationsByCall(callId) : undefined,
  ]);
  return {
    duplicate: claim.state !== 'claimed',
    pending: claim.state === 'in-progress',
    replay: claim.state === 'claimed' ? claim.replay : undefined,
    profile,
    stored,
    applicationIds,
    named,
    ...(refId && refs ? { sentRefs: { [refId]: refs } } : {}),
    ...(shared ? { subscription: subscription ?? null } : {}),
    ...(callId && callApps ? { callApps: { callId, apps: callApps } } : {}),
  };
}

/** How long a delivery's in-progress lease lasts when the caller does not say (it renews it). */
export const DEFAULT_TURN_LEASE_MS = 5_000;

function claimTurnOf(
  store: Store,
  once: NonNullable<Inbound['bookkeeping']>['once'],
  newToken: () => string,
): Promise<TurnClaim> {
  if (!once) return Promise.resolve({ state: 'claimed' });
  return store.claimTurn(once.key, once.token ?? newToken(), once.leaseMs ?? DEFAULT_TURN_LEASE_MS);
}

/**
 * The profile change `bookkeeping.keepProfile` asks for, or null when the stored profile already has
 * the name. The locale the profile holds (the user's choice, or the platform's from first contact) wins.
 */
export function profileToKeep(event: Inbound, profile: UserProfile | null): Partial<UserProfile> | null {
  if (!event.bookkeeping?.keepProfile || !event.user.name) return null;
  if (profile?.name === event.user.name) return null;
  const locale = profile?.locale ?? event.user.locale;
  return { name: event.user.name, ...(locale ? { locale } : {}) };
}

/**
 * For engines that do not do the bookkeeping themselves (test doubles that read nothing from the
 * Store): it is done here, before the turn, as the adapters used to. While the store is down the
 * turn still runs (no dedup) so the engine can answer.
 */
export function withBookkeeping(store: Store, engine: Engine): Engine {
  if (engine.doesBookkeeping) return engine;
  return {
    doesBookkeeping: true,
    async handle(event) {
      const { once, remember } = event.bookkeeping ?? {};
      const claimed: TurnClaim = { state: 'claimed' };
      const [claim] = await Promise.all([
        unlessStoreDown(
          claimTurnOf(store, once, () => globalThis.crypto.randomUUID()),
          claimed,
        ),
        remember ? unlessStoreDown(store.putConversationRef(remember), undefined) : undefined,
      ]);
      if (claim.state !== 'claimed')
        return { replies: [], notify: [], duplicate: true, pending: claim.state === 'in-progress' };
      if (event.bookkeeping?.keepProfile) {
        const profile = await unlessStoreDown(store.getUser(event.platform, event.user.id), null);
        const keep = profileToKeep(event, profile);
        const base = { platform: event.platform, userId: event.user.id, nudges: true };
        if (keep) await unlessStoreDown(store.putUser({ ...base, ...profile, ...keep }), undefined);
      }
      return engine.handle(event);
    },
  };
}
