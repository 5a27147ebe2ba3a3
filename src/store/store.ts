import type { Application, AuditEntry, Person, Platform } from '../domain/application.ts';

/**
 * The one port for everything the bot keeps. `RedisStore` (production) and `MemoryStore` (the
 * embedded default) implement it; one contract suite (test/contract) holds them to the same behaviour.
 * Every method may throw MidlerError('store.unavailable') when the backend is down.
 */

/** Dialog state is plain JSON so a step can be unit-tested by calling it. */
export interface DialogState {
  dialog: string;
  step: string;
  answers: Record<string, unknown>;
  /** Bumped on every save; stale buttons carry an older one. */
  version: number;
  locale?: 'nb' | 'en';
  [extra: string]: unknown;
}

export interface UserProfile {
  platform: Platform;
  userId: string;
  name?: string;
  locale?: 'nb' | 'en';
  /**
   * Where `locale` came from: the person's own choice ("english"/"norsk"), the language they last
   * wrote in, or (absent) their client's locale at first contact. See src/bot/turn-locale.ts.
   */
  localeFrom?: 'choice' | 'text';
  trust?: string;
  nudges: boolean;
}

/** What a proactive sender needs to reach a conversation later (platform-specific JSON inside). */
export interface ConversationRef {
  platform: Platform;
  /** Neutral key: `${platform}:${conversationId}`. */
  key: string;
  conversationId: string;
  kind: 'personal' | 'group' | 'channel';
  /** For personal chats: whose chat it is. */
  userId?: string;
  /** Opaque platform data (Teams ConversationReference, Slack team/channel ids). */
  data: Record<string, unknown>;
  updatedAt: string;
}

export interface Subscription {
  /** The conversation key of the channel. */
  conversationKey: string;
  platform: Platform;
  callIds: string[];
  /** Days before each date to post, e.g. [14, 7, 2, 0]. */
  daysBefore: number[];
  /** Local time of day, "09:00" (Europe/Oslo). */
  timeOfDay: string;
  paused: boolean;
  /** A channel tied to a trust also gets the trust's internal deadline. */
  trust?: string;
  /** Language the channel's reminders are posted in (default bokmål). */
  locale?: 'nb' | 'en';
  /**
   * Series (`innovasjonsmidler`) whose new calls this channel is not to be subscribed to. A channel
   * subscribed to any call of a series follows it otherwise (docs/calls-lifecycle.md).
   */
  seriesOptOut?: string[];
  updatedAt: string;
  updatedBy: string;
}

export interface QueuedReminder {
  /** Deterministic id from the plan. */
  id: string;
  dueAt: string;
  /** The milestone instant it reminds of: after that it is dropped, not sent. */
  expiresAt: string;
  targetKey: string;
  payload: Record<string, unknown>;
}

export interface ClaimedReminder extends QueuedReminder {
  leaseUntil: string;
  attempts: number;
}

/**
 * A queued reminder as the queue holds it right now, for looking at the queue (`peekReminders`):
 * the item as enqueued, plus its delivery state.
 * - Never claimed: `attempts` 0, no `lease`, `nextAttemptAt` = `dueAt`.
 * - Claimed: `lease` names the owner and its end, `nextAttemptAt` = the lease end. A lease whose end
 *   has passed (the owner died without ack or release) is still shown: the item is claimable again.
 * - Released for a retry: no `lease`, `attempts` > 0, `nextAttemptAt` = the retry time.
 */
export interface PeekedReminder extends QueuedReminder {
  /** The earliest time a claim can take it (ISO): its due time, a retry time or the lease end. */
  nextAttemptAt: string;
  /** Claims so far; kept when an item is released for a retry. */
  attempts: number;
  /** Who holds it and until when (ISO), while claimed; null otherwise. */
  lease: { owner: string; until: string } | null;
}

/** The whole reminder queue at one instant (`peekReminders`). */
export interface ReminderQueuePeek {
  /** Every queued reminder, by `dueAt`, then by id. */
  reminders: PeekedReminder[];
  /**
   * Entries of the queue's due index with no readable item (only possible after a crash, eviction or a
   * hand edit on Redis; always 0 in memory). Not in `reminders`; the next claim that reaches them
   * drops them.
   */
  dangling: number;
}

export type CasResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'conflict' | 'not-found'; current?: T };

/** The replies of a turn whose state change was written, kept until its answer was sent. */
export interface TurnReplay {
  /** The neutral replies (`Outbound[]`), as plain JSON. */
  replies: unknown[];
  locale?: 'nb' | 'en';
}

/**
 * What claiming a turn's delivery found (docs/reliability.md, "Turns"): nothing, so this delivery
 * now holds the short in-progress lease (with the replay of an earlier delivery whose state change was
 * written but whose answer never went out); a live lease of another delivery; or a turn already done.
 */
export type TurnClaim =
  | { state: 'claimed'; replay?: TurnReplay }
  | { state: 'in-progress' }
  | { state: 'done' };

export interface DeleteSummary {
  applications: number;
  dialogs: number;
  references: number;
  auditEntriesAnonymised: number;
  profile: boolean;
}

export interface Store {
  /** Dialog state of one conversation+user, or null (expired or never set). */
  getDialog(key: string): Promise<DialogState | null>;
  /** Saves dialog state with a TTL in seconds; `owner` (optional) lets "delete my data" find it. */
  putDialog(
    key: string,
    state: DialogState,
    ttlSeconds: number,
    owner?: Pick<Person, 'platform' | 'userId'>,
  ): Promise<void>;
  /** Removes dialog state. */
  deleteDialog(key: string): Promise<void>;

  /** Reads a user's profile (locale, trust, nudges), or null. */
  getUser(platform: Platform, userId: string): Promise<UserProfile | null>;
  /** Creates or replaces a user's profile. */
  putUser(profile: UserProfile): Promise<void>;

  /** Stores a new application (version 1) with its first audit entry; fails if the id exists. */
  createApplication(app: Application, audit: AuditEntry): Promise<Application>;
  /** Reads one application. */
  getApplication(id: string): Promise<Application | null>;
  /** Compare-and-set: writes `next` only if the stored version is `expectedVersion`, appends `audit`. */
  updateApplication(
    id: string,
    expectedVersion: number,
    next: Application,
    audit: AuditEntry,
  ): Promise<CasResult<Application>>;
  /** A user's applications, newest first. */
  listApplicationsByUser(platform: Platform, userId: string): Promise<Application[]>;
  /**
   * The ids in a user's application index, newest first: one cheap read the engine makes in every
   * turn's first round trip, so listing the user's applications needs only `getApplications` after it.
   * The index may hold ids of applications that are gone or not the user's: callers filter.
   */
  applicationIdsOfUser(platform: Platform, userId: string): Promise<string[]>;
  /** Applications by id in one round trip, in the order asked; missing ones are left out. */
  getApplications(ids: readonly string[]): Promise<Application[]>;
  /** All applications of a call. */
  listApplicationsByCall(callId: string): Promise<Application[]>;
  /** Applications with a step waiting on this person. */
  listApplicationsWaitingOn(person: Pick<Person, 'platform' | 'userId'>): Promise<Application[]>;
  /** The application's audit trail, oldest first. */
  readAudit(id: string): Promise<AuditEntry[]>;

  /** Stores or refreshes a conversation reference for proactive messages. */
  putConversationRef(ref: ConversationRef): Promise<void>;
  /** Reads a conversation reference by key. */
  getConversationRef(key: string): Promise<ConversationRef | null>;
  /** The personal-chat reference of a user, if the bot has one. */
  getPersonalRef(platform: Platform, userId: string): Promise<ConversationRef | null>;
  /** Forgets a conversation (the bot was removed). */
  deleteConversationRef(key: string): Promise<void>;

  /** Creates or replaces a channel's subscription. */
  putSubscription(sub: Subscription): Promise<void>;
  /** Reads a channel's subscription. */
  getSubscription(conversationKey: string): Promise<Subscription | null>;
  /** All subscriptions. */
  listSubscriptions(): Promise<Subscription[]>;
  /** Removes a channel's subscription. */
  deleteSubscription(conversationKey: string): Promise<void>;

  /** Adds or replaces queued reminders (idempotent by id). */
  enqueueReminders(items: QueuedReminder[]): Promise<void>;
  /** Removes queued reminders by id (reconciliation). */
  removeReminders(ids: string[]): Promise<void>;
  /** Ids of every queued reminder. */
  listReminderIds(): Promise<string[]>;
  /**
   * One owner's reminders (ids starting with `prefix`, e.g. a channel's) replaced by a new plan in one
   * step: queued ids the plan lacks are removed; the plan's items are queued when new or still to come
   * (`dueAt` after `now`). As `enqueueReminders`, an id already delivered is not queued again.
   */
  replaceReminders(prefix: string, items: QueuedReminder[], now: Date): Promise<void>;
  /** Atomically claims up to `limit` due items (dueAt <= now, lease free or expired) for `owner`. */
  claimDueReminders(now: Date, owner: string, leaseMs: number, limit: number): Promise<ClaimedReminder[]>;
  /** Removes a delivered item and remembers its id; false if the lease was lost. */
  ackReminder(id: string, owner: string): Promise<boolean>;
  /** Gives a claimed item back for a later attempt at `retryAt`. */
  releaseReminder(id: string, owner: string, retryAt: Date): Promise<void>;
  /** True once a reminder id has been delivered. */
  wasDelivered(id: string): Promise<boolean>;
  /**
   * Every queued reminder with its delivery state, read in one atomic step: for operators (the
   * `reminders queue` CLI), not for delivery. Read-only: claims, releases and cleans up nothing.
   */
  peekReminders(): Promise<ReminderQueuePeek>;

  /** Sets `key` once (SET NX with TTL). True for the first caller only: dedup of events and decisions. */
  claimOnce(key: string, ttlSeconds: number): Promise<boolean>;
  /** Gives up a `claimOnce` marker, e.g. when the guarded send definitely did not happen. */
  releaseOnce(key: string): Promise<void>;
  /** True while a `claimOnce` marker is set (a keyed send already delivered). */
  isClaimed(key: string): Promise<boolean>;
  /**
   * Claims a turn's delivery `key` for `token` with an in-progress lease of `leaseMs`, unless a live
   * lease or a done-mark is there (docs/reliability.md). A claim brings back the replay kept for it.
   */
  claimTurn(key: string, token: string, leaseMs: number): Promise<TurnClaim>;
  /** Extends the lease while the turn runs; false when `token` no longer holds it. */
  renewTurn(key: string, token: string, leaseMs: number): Promise<boolean>;
  /** Keeps the replies of a turn whose state change is being written, for a redelivery to answer with. */
  keepTurnReplay(key: string, replay: TurnReplay, ttlSeconds: number): Promise<void>;
  /**
   * Ends `token`'s lease: `done` marks the delivery answered for `ttlSeconds` (a redelivery gets no
   * reply) and drops the replay; `retry` gives the delivery back (a redelivery is answered, from the
   * replay when there is one). Does nothing when another delivery holds the key.
   */
  finishTurn(key: string, token: string, outcome: 'done' | 'retry', ttlSeconds: number): Promise<void>;
  /** Fixed-window counter shared across replicas: true if under `limit` in the current window. */
  tryRate(key: string, limit: number, windowMs: number, now: Date): Promise<boolean>;

  /** Removes a person's applications, dialogs, references and profile; anonymises their audit entries. */
  deleteUserData(platform: Platform, userId: string): Promise<DeleteSummary>;

  /** Health: resolves when the backend answers. */
  ping(): Promise<void>;
  /** Closes connections. */
  close(): Promise<void>;
}
