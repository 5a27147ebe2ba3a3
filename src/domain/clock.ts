/** Every time-dependent path takes a clock; production passes the system clock, tests a fixed one. */
export type Clock = () => Date;

/** A clock frozen at one instant (tests, the console's `--at`). */
export function fixedClock(at: Date | string): Clock {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) throw new Error(`not a date: ${String(at)}`);
  return () => new Date(instant.getTime());
}
