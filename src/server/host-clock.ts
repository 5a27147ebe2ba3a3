import type { Clock } from '../domain/clock.ts';

/**
 * The host's business clock: what dialogs, cards, reminders and nudges read as "now". It runs at the
 * speed of `base` (the wall clock) from a start the operator may set (MIDLERBOT_NOW), and in
 * development a typed `/at` moves it. Protocol time — Slack signatures, store TTLs — stays on `base`:
 * a simulated 2022 must not make Slack's real request timestamps look five years old.
 */
export interface HostClock {
  readonly now: Clock;
  /** True when the clock does not show the wall clock's time (MIDLERBOT_NOW or a typed /at). */
  simulated(): boolean;
  /** Whether `/at` may move it (development and tests only). */
  readonly movable: boolean;
  /** Sets the clock to `at`; it runs on from there. */
  moveTo(at: Date): void;
}

export function createHostClock(options: { base: Clock; start?: Date; movable: boolean }): HostClock {
  const { base } = options;
  let offsetMs = options.start ? options.start.getTime() - base().getTime() : 0;
  return {
    now: offsetMs === 0 && !options.movable ? base : () => new Date(base().getTime() + offsetMs),
    simulated: () => offsetMs !== 0,
    movable: options.movable,
    moveTo(at) {
      if (!options.movable) throw new Error('the clock can only be moved in development');
      offsetMs = at.getTime() - base().getTime();
    },
  };
}
