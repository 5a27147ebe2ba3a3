import type { Application, AuditEntry, Person, Platform } from '../domain/application.ts';
import type { Locale } from '../domain/call.ts';
import type { Catalog } from '../domain/catalog.ts';
import type { Answers, Verdict } from '../domain/eligibility.ts';
import type { MessageKey, Translate } from '../i18n/t.ts';
import type { CasResult, DeleteSummary, QueuedReminder, Subscription, UserProfile } from '../store/store.ts';
import type { Inbound, Outbound, TurnResult } from './messages.ts';

/**
 * The dialog framework. A dialog is data (name, trigger words) plus one pure step function over
 * plain-JSON state: (state, event, context) -> (next state, replies). Anything that touches the Store
 * goes through `Effects`, so a step can be unit-tested by calling it. See docs/conversation.md.
 */

/** The part of the dialog state a dialog owns. The engine adds name, version, history and memory. */
export interface StepState {
  step: string;
  answers: Record<string, unknown>;
  /** Set while the dialog waits for typed text (an amount, a title): text goes to it first. */
  awaiting?: string;
}

export type DialogEvent =
  /** Started from a trigger word or a `<dialog>.start` button; `args` come from either. */
  | { kind: 'start'; args: Record<string, unknown> }
  /** A button of this dialog (`<dialog>.<action>`), already checked to be current. */
  | {
      kind: 'action';
      action: string;
      data: Record<string, unknown>;
      inputs: Record<string, unknown>;
      /** The platform id of the message whose button was pressed, for a card that replaces it. */
      messageRef?: string;
      /** Names of people picked in the card, looked up by the adapter (`Inbound.action.people`). */
      people?: Record<string, { name: string }>;
    }
  /** Typed text while `awaiting` is set. */
  | { kind: 'text'; text: string }
  /** Show the current step again (after "back", "continue where I was", a restart). */
  | { kind: 'resume' };

/** Facts learned in this conversation, shared by dialogs so no question is asked twice. */
export interface ConversationMemory {
  callId?: string;
  category?: string;
  trust?: string;
  eligibility?: Answers;
  verdict?: Verdict;
  amount?: {
    total?: number;
    own?: number;
    other?: number;
    priorAwards?: number;
    maxRequest?: number;
    requiredOwnFinancing?: number;
    eligibleTotal?: number;
    binding?: 'cap' | 'own-financing' | 'budget' | 'award-limit';
  };
  priorityAreas?: string[];
  title?: string;
}

/** Store work a dialog may ask for, bound to the current user. */
export interface Effects {
  /** The current user's applications, newest first. */
  myApplications(): Promise<Application[]>;
  /** Stores a new application with its first audit entry. */
  createApplication(app: Application, audit: AuditEntry): Promise<Application>;
  /** Remembers the user's language in their profile. */
  setLocale(locale: Locale): Promise<void>;
  /** Remembers the user's trust in their profile. */
  setTrust(trust: string): Promise<void>;
  /** Deletes everything stored about the user; nothing more is saved this turn. */
  deleteMyData(): Promise<DeleteSummary>;
  /** A fresh unique id (applications). */
  newId(): string;
  /** One application by id, whoever owns it: the dialog checks who may see or change it. */
  getApplication?(id: string): Promise<Application | null>;
  /** Compare-and-set write of an application with its audit entry (`store.updateApplication`). */
  updateApplication?(
    id: string,
    expectedVersion: number,
    next: Application,
    audit: AuditEntry,
  ): Promise<CasResult<Application>>;
  /** Applications with a step waiting on the current user (a leader's pending endorsements). */
  waitingOnMe?(): Promise<Application[]>;
  /** All applications of a call (the trust's prioritisation). */
  applicationsOfCall?(callId: string): Promise<Application[]>;
  /** Sets `key` once with a TTL: true for the first caller only (decision keys). */
  claimOnce?(key: string, ttlSeconds: number): Promise<boolean>;
  /** Gives a claim back (a decision that was refused or failed), so the next click is judged anew. */
  releaseClaim?(key: string): Promise<void>;
  /** Another person's profile (their language and name), for messages sent to them. */
  profileOf?(person: Pick<Person, 'platform' | 'userId'>): Promise<UserProfile | null>;
  /** The reminder subscription of the current conversation (a channel), or null. */
  channelSubscription?(): Promise<Subscription | null>;
  /** Saves the conversation's subscription and makes its queued channel reminders exactly `reminders`. */
  saveSubscription?(sub: Subscription, reminders: QueuedReminder[]): Promise<void>;
  /** Unsubscribes the conversation and drops its queued reminders. */
  removeSubscription?(): Promise<void>;
  /** Turns the current user's personal nudges on or off. */
  setNudges?(on: boolean): Promise<void>;
}

/** Deployment settings some dialogs need (from src/server/config.ts, passed through the engine config). */
export interface DialogSettings {
  /** Trust id -> who prioritises the trust's applications (quality chief) and an optional deputy. */
  trustQualityChiefs?: Record<string, { chief: SettingPerson; deputy?: SettingPerson }>;
  /** Tell applicants their place in the trust's order, not only that they are prioritised. */
  showPriorityRank?: boolean;
  /** How long a conversation's state lives without activity (DIALOG_TTL_SECONDS), for the privacy text. */
  dialogLifetimeSeconds?: number;
  /** Who may change a channel's reminders (config REMINDER_ADMINS); empty or absent: anyone. */
  reminderAdmins?: readonly SettingPerson[];
}

export interface SettingPerson {
  platform: Platform;
  userId: string;
  name?: string;
}

export interface DialogContext {
  locale: Locale;
  t: Translate;
  now: Date;
  catalog: Catalog;
  platform: Platform;
  user: Inbound['user'];
  conversation: Inbound['conversation'];
  profile: UserProfile | null;
  memory: ConversationMemory;
  effects: Effects;
  /** Deployment settings (quality chiefs per trust, rank visibility); absent means none configured. */
  settings?: DialogSettings;
}

export interface StepResult {
  /** The next state, or null when the dialog is finished. */
  state: StepState | null;
  replies: Outbound[];
  notify?: TurnResult['notify'];
  /** Facts to remember for later dialogs in this conversation (merged into the memory). */
  remember?: Partial<ConversationMemory>;
  /** The language changed this turn: the engine renders its own texts in it. */
  locale?: Locale;
}

export interface Trigger {
  /** A `routing.*`-style catalog key holding `|`-separated phrases in both languages. */
  phrases: MessageKey;
  args?: Record<string, unknown>;
}

export interface Dialog {
  /** Unique; the prefix of its action ids (`<name>.<action>`). */
  readonly name: string;
  readonly triggers?: readonly Trigger[];
  /**
   * A transient dialog answers and is done in one turn (help, status, language): it leaves the
   * dialog the user is in untouched, so its buttons stay current.
   */
  readonly transient?: boolean;
  /**
   * Runs only in the person's own chat with the bot (a check, an amount, an application): started in
   * a channel or group chat (a reminder's "Can I apply?"), the engine sends the person a card there
   * that starts it, and tells the channel only that. Its label names that card's button.
   */
  readonly personal?: { label: 'help.button.eligibility' | 'help.button.amount' | 'help.button.application' };
  /**
   * The `awaiting` values at which typed text is free text (a title): there only a command as the
   * whole text is not taken as the answer, and text that reads as a question is confirmed first. At
   * every other prompt (a choice, a number, an amount, a date) a command or a question wins.
   */
  readonly freeText?: readonly string[];
  step(state: StepState | null, event: DialogEvent, ctx: DialogContext): StepResult | Promise<StepResult>;
}
