import type { Counter, Gauge } from '../server/metrics.ts';

/** What the stall watch needs to log. */
export interface StallLog {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/**
 * Watches the reminder loop's ticks (docs/reliability.md, "Reminder loop"): a tick still running after
 * `limitMs` is a stall. It is logged once with the items it is working on, shown by `problem()`
 * (for /readyz) and counted in /metrics, until the tick ends. Elapsed time is monotonic (`now`),
 * not the bot's clock, which an operator may move.
 */
export interface StallWatch {
  /** A tick begins; `items` lists what it is working on right now (read when it stalls). */
  begin(items: () => readonly string[]): void;
  end(): void;
  problem(): string | undefined;
}

export function createStallWatch(deps: {
  limitMs: number;
  now: () => number;
  log: StallLog;
  metrics?: { reminderLoopStalled: Gauge; reminderStalls: Counter } | undefined;
}): StallWatch {
  let started: number | undefined;
  let items: () => readonly string[] = () => [];
  let timer: NodeJS.Timeout | undefined;
  let stalled = false;
  const mark = () => {
    if (stalled || started === undefined) return;
    stalled = true;
    deps.metrics?.reminderLoopStalled.set(1);
    deps.metrics?.reminderStalls.inc();
    deps.log.error(
      { runningMs: Math.round(deps.now() - started), items: items() },
      'reminder loop stalled: a tick has run for more than three intervals',
    );
  };
  return {
    begin(current) {
      started = deps.now();
      items = current;
      timer = setTimeout(mark, deps.limitMs);
      timer.unref();
    },
    end() {
      if (timer) clearTimeout(timer);
      if (stalled && started !== undefined)
        deps.log.info(
          { ranMs: Math.round(deps.now() - started) },
          'reminder loop tick finished after a stall',
        );
      started = undefined;
      stalled = false;
      deps.metrics?.reminderLoopStalled.set(0);
    },
    problem() {
      if (started === undefined) return undefined;
      const running = deps.now() - started;
      if (running <= deps.limitMs) return undefined;
      mark();
      const list = items();
      return `reminder loop stalled: tick running for ${Math.round(running / 1000)} s${list.length ? ` (${list.slice(0, 3).join(', ')})` : ''}`;
    },
  };
}
