import type { Call } from './call.ts';
import { firstInstantOf, localDate, localToInstant } from './timeline.ts';

const WEEK = 7 * 24 * 3600_000;

/** 10:00 Oslo time on the Oslo day of `at`. */
function tenOClock(at: Date): Date {
  return localToInstant(`${localDate(at)}T10:00`);
}

/**
 * Where a try-out host's clock starts (`npm run playground` without MIDLERBOT_NOW): 10:00 Oslo time
 * on the earliest day when as many calls as possible are open with at least a week left before each
 * one's deadline — a newcomer can then check, apply and ask for endorsements in every call at once.
 * Candidates are each call's publication day and the day a week before each deadline; undefined when
 * no call has a deadline.
 */
export function tryItStart(calls: readonly Call[]): Date | undefined {
  const windows = calls.flatMap((call) => {
    const deadline = firstInstantOf(call, 'deadline');
    return deadline ? [{ opens: firstInstantOf(call, 'published'), deadline }] : [];
  });
  const candidates = windows
    .flatMap((w) => [w.opens, new Date(w.deadline.getTime() - WEEK)])
    .filter((d): d is Date => d !== null)
    .map(tenOClock);
  const openAt = (t: Date) =>
    windows.filter((w) => (w.opens ?? t) <= t && t.getTime() + WEEK <= w.deadline.getTime()).length;
  let best: { at: Date; open: number } | undefined;
  for (const at of candidates.sort((a, b) => a.getTime() - b.getTime())) {
    const open = openAt(at);
    if (!best || open > best.open) best = { at, open };
  }
  return best?.at;
}
