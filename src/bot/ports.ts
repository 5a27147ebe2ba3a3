import type { Platform } from '../domain/application.ts';
import type { Outbound } from './messages.ts';

export type SendResult =
  | { ok: true; messageRef: string }
  | { ok: false; reason: 'not-installed' | 'gone' | 'rate-limited' | 'error'; retryAfterMs?: number };

export interface SendOptions {
  /**
   * A caller-chosen key (e.g. the reminder id): a send with a key already used does not post again
   * and reports success. For sends that must never repeat, even when a retry follows a lost answer.
   */
  idempotencyKey?: string;
}

/** Proactive delivery, implemented by each platform adapter. */
export interface Sender {
  readonly platform: Platform;
  /** Posts into a stored conversation (channel or personal chat). */
  sendToConversation(conversationKey: string, message: Outbound, options?: SendOptions): Promise<SendResult>;
  /** Posts into a user's personal chat; `not-installed` when the bot cannot reach them. */
  sendToUser(userId: string, message: Outbound, options?: SendOptions): Promise<SendResult>;
  /** Replaces a message posted earlier. */
  update(conversationKey: string, messageRef: string, message: Outbound): Promise<SendResult>;
}
