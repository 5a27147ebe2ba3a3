import type { Platform } from '../domain/application.ts';
import type { Locale } from '../domain/call.ts';
import type { ConversationRef } from '../store/store.ts';

/**
 * Adapter bookkeeping the engine does in the turn's first round trip to the Store, sent together with
 * its reads instead of before them (issue 3: at most two round trips per turn). Platform-neutral: the
 * adapter says what to keep, the engine decides when.
 */
export interface TurnBookkeeping {
  /**
   * Delivery dedup (docs/reliability.md, "Turns"): the turn runs only if it can claim this key
   * (`Store.claimTurn`): an in-progress lease for `token` (default: a fresh one) of `leaseMs`, turned
   * into a done-mark of `ttlSeconds` once the answer was sent. A done-mark or a live lease makes the
   * turn a duplicate (no effect, `duplicate: true`); a kept replay answers it without running it again.
   */
  once?: { key: string; ttlSeconds: number; token?: string; leaseMs?: number };
  /** A conversation reference to store or refresh, so the user stays reachable for proactive messages. */
  remember?: ConversationRef;
  /**
   * Keep the user's name and platform locale (from `user`) in their stored profile, for messages sent
   * to them later. Written with the turn's last writes, only when the stored profile lacks or differs
   * from the name; a language the user chose is never replaced.
   */
  keepProfile?: boolean;
}

/** Who, where, what and when of one inbound turn, with nothing Teams- or Slack-specific in it. */
export interface Inbound {
  platform: Platform;
  user: {
    /** Authenticated platform identity (Teams: AAD object id; Slack: user id). Never from button data. */
    id: string;
    name: string;
    locale?: Locale;
    trust?: string;
  };
  conversation: {
    id: string;
    kind: 'personal' | 'group' | 'channel';
    /**
     * In a channel or group, this turn's answers reach only the person (Slack's ephemeral answers to a
     * slash command or a press, a modal): a personal dialog may run here (see Dialog.personal).
     */
    private?: boolean;
  };
  /** Plain text typed by the user (mention removed), when it is a message. */
  text?: string;
  /** The text is the adapter's, not the person's (the install greeting's "help"): it says no language. */
  generated?: boolean;
  /** A button press or form submit. */
  action?: {
    id: string;
    data: Record<string, unknown>;
    /** Values of the card's inputs, by input id. */
    inputs?: Record<string, unknown>;
    /** Platform id of the message that carried the button, for in-place updates. */
    messageRef?: string;
    /**
     * Display names the adapter looked up this turn for people picked in the card's person inputs,
     * by platform user id. A name to show, never an identity: the id is the picked input value.
     */
    people?: Record<string, { name: string }>;
  };
  /** From the injected clock. */
  at: Date;
  /** What the adapter needs kept around this turn (dedup, reachability, profile). */
  bookkeeping?: TurnBookkeeping;
}

export interface Button {
  /** Action id routed by the engine, e.g. `elig.answer`. */
  action: string;
  label: string;
  data?: Record<string, unknown>;
  style?: 'primary' | 'danger' | 'default';
  /**
   * The button is an answer of its own ("not sure yet", "none", another way to enter it): the card's
   * inputs are not sent with it, so a client must not hold it back for an empty required input.
   * Navigation (`.start`, `.back`, `.cancel`, `engine.*`) is treated the same way by the adapters.
   */
  withoutInputs?: true;
}

export type Input =
  | {
      kind: 'text';
      id: string;
      label: string;
      placeholder?: string;
      value?: string;
      multiline?: boolean;
      required?: boolean;
      maxLength?: number;
    }
  | { kind: 'amount'; id: string; label: string; placeholder?: string; value?: string; required?: boolean }
  | {
      kind: 'number';
      id: string;
      label: string;
      min?: number;
      max?: number;
      value?: number;
      required?: boolean;
    }
  | {
      kind: 'choice';
      id: string;
      label: string;
      multiple: boolean;
      options: { value: string; label: string }[];
      value?: string | string[];
      required?: boolean;
    }
  | {
      kind: 'date';
      id: string;
      label: string;
      value?: string;
      required?: boolean;
      /**
       * The day ("YYYY-MM-DD") the picker opens on when there is no value: the bot's today, not the
       * device's (they differ on a test host with a moved clock). Teams and Slack can only open a
       * picker on a day by filling it in, so there it is the input's starting value.
       */
      opensOn?: string;
    }
  | { kind: 'person'; id: string; label: string; required?: boolean };

export type Block =
  | { kind: 'text'; text: string; emphasis?: 'normal' | 'subtle' | 'warning' | 'good' | 'attention' }
  | { kind: 'facts'; facts: { label: string; value: string }[] }
  | {
      kind: 'steps';
      steps: {
        label: string;
        state: 'done' | 'current' | 'waiting' | 'todo' | 'declined' | 'skipped';
        detail?: string;
      }[];
    }
  | { kind: 'progress'; current: number; total: number; label?: string }
  | { kind: 'quote'; text: string; source: string };

/** A card: title, blocks, inputs and buttons. Adapters render it as an Adaptive Card or Block Kit. */
export interface Card {
  kind: 'card';
  title?: string;
  blocks: Block[];
  inputs?: Input[];
  /** Validation messages by input id, shown next to the inputs (e.g. an amount that could not be read). */
  errors?: Record<string, string>;
  /** The button that submits the inputs (if any) is one of these. */
  buttons?: Button[];
  /**
   * When set, the adapter updates the message this card replaces in place (e.g. the endorsement card
   * once decided) instead of posting a new one.
   */
  replaces?: string;
  /** People the card names, to @mention in a channel (see Mention). */
  mentions?: Mention[];
  /** A stable id for the card (endorsement request id), so later updates can find it. */
  cardId?: string;
}

/** Plain text with light formatting: **bold**, _italic_, line breaks and "- " bullets. */
export interface TextMessage {
  kind: 'text';
  text: string;
  mentions?: Mention[];
}

/**
 * A person a message names, @mentioned where it is posted so they are notified: set only on messages
 * to a channel or group chat (a personal chat never mentions third parties). The adapters turn the
 * first place the name stands in the text into the platform's mention (Teams `<at>`, Slack `<@U…>`).
 */
export interface Mention {
  userId: string;
  name: string;
}

export type Outbound = TextMessage | Card;

/** What one turn produces: replies in the same conversation, and messages for others. */
/** One message sent under a refId: enough to replace it later on its platform. */
export interface SentRef {
  platform: Platform;
  userId: string;
  conversationKey: string;
  messageRef: string;
}

export interface TurnResult {
  replies: Outbound[];
  /**
   * The messages sent under a refId the pressed button named (`data.ref`), as read in the turn's first
   * round trip: notifications that update them need no read of their own.
   */
  sentRefs?: Record<string, SentRef[]>;
  /** Proactive messages to other people (e.g. the leader's endorsement card, the applicant's notice). */
  notify: {
    to: { platform: Platform; userId: string };
    message: Outbound;
    purpose: string;
    /** Names the message (e.g. an endorsement request) so later turns can update it in place. */
    refId?: string;
    /** Replace the messages sent earlier under `refId` instead of posting a new one (nothing sent if none). */
    update?: boolean;
    /** Added to this turn's replies when the recipient cannot be reached (e.g. has not installed the app). */
    unreachable?: Outbound;
  }[];
  /**
   * An error the engine caught this turn (the user already got a polite reply). The caller logs it;
   * the engine never throws for a failing dialog or an unavailable store.
   */
  error?: unknown;
  /** The event's `bookkeeping.once` key was already claimed: a redelivery, nothing was done. */
  duplicate?: boolean;
  /** With `duplicate`: another delivery of the event holds a live in-progress lease (it may still fail). */
  pending?: boolean;
  /** The replies are the ones kept for an earlier delivery whose state change was written: nothing ran. */
  replayed?: boolean;
  /** The language the replies are in (the user's choice, else the platform's), for adapter chrome. */
  locale?: Locale;
}
