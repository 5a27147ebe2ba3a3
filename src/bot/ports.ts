import type { Platform } from '../domain/application.ts';
import type { Outbound } from './messages.ts';

export type SendResult =
  | { ok: true; messageRef: string }
  /**
   * `error`: unclear (no answer, a timeout, a reset, a 5xx) or not sent for now; `rate-limited`: a
   * 429 (`retryAfterMs` when the platform said). Both are retried. `refused`: the platform refused the
   * message itself (a 4xx other than 408/412/429), so a retry cannot help.
   */
  | {
      ok: false;
      reason: 'not-installed' | 'gone' | 'rate-limited' | 'error' | 'refused';
      retryAfterMs?: number;
      /** Not sent because our own rate window was full (`noWait`): nothing reached the platform. */
      gated?: boolean;
    };

export interface SendOptions {
  /**
   * A caller-chosen key (e.g. the reminder id): a send whose key was already delivered does not post
   * again and reports success. The key is recorded only after the platform's 2xx, so an unclear
   * failure is retried (a rare duplicate is accepted over a lost message; docs/reliability.md).
   */
  idempotencyKey?: string;
  /**
   * The caller keeps a queue of its own (the reminder loop): when the conversation's rate window is
   * full, answer at once with `rate-limited`, `gated` and when a slot opens, rather than waiting for
   * it while the caller's other conversations wait behind this one.
   */
  noWait?: boolean;
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
