import type { Clock } from '../../src/domain/clock.ts';
import { unlessStoreDown } from '../../src/store/degrade.ts';
import type { Store } from '../../src/store/store.ts';

export interface ChannelGateOptions {
  store: Store;
  clock: Clock;
  /** Messages per channel per window, shared by every replica through the Store. Default 1 per 1000 ms. */
  perChannel?: number | undefined;
  windowMs?: number | undefined;
  /** How long a caller waits for its channel's turn before giving up. Default 10 s. */
  maxQueueMs?: number | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /**
   * While the Store is down: `open` lets the message through (a turn's answer), `fail` throws the
   * store error (a proactive send, which its caller retries later). Default `open`.
   */
  whenStoreDown?: 'open' | 'fail';
}

/** Waits for a slot in the channel's window; false when none came within the bound. */
export type ChannelGate = (channel: string) => Promise<boolean>;

/**
 * Slack's per-channel window, shared by every replica through the Store (`slack:channel:{id}`): the
 * proactive sender (`sender.ts`) and in-place updates made during a turn take their turns from the
 * same window, so reminders, endorsement requests and answers in one conversation stay within it.
 */
export function channelGate(options: ChannelGateOptions): ChannelGate {
  const { store, clock } = options;
  const perChannel = options.perChannel ?? 1;
  const windowMs = options.windowMs ?? 1000;
  const maxQueueMs = options.maxQueueMs ?? 10_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return async (channel) => {
    let waited = 0;
    for (;;) {
      const now = clock();
      const asked = store.tryRate(`slack:channel:${channel}`, perChannel, windowMs, now);
      const free = await (options.whenStoreDown === 'fail' ? asked : unlessStoreDown(asked, true));
      if (free) return true;
      const pause = windowMs - (now.getTime() % windowMs) + 5;
      if (waited + pause > maxQueueMs) return false;
      waited += pause;
      await sleep(pause);
    }
  };
}
