import type { Call } from './call.ts';
import type { Text } from './call-schema.ts';
import { localToInstant } from './timeline.ts';

/**
 * The call a series is expected to have next, when none of its calls is open: the series' latest
 * call moved on by whole years until its deadline is ahead (the innovation call says it is announced
 * every year). Only a guess, so the menu says "expected" and gives no date but the month.
 */
export interface ExpectedCall {
  series: string;
  /** The latest call's title with its years moved on ("Innovasjonsmidler 2027"). */
  title: Text;
  /** The latest deadline moved on: local `YYYY-MM-DD[THH:mm]`. */
  deadline: string;
  /** The call it is guessed from. */
  after: string;
}

const deadlineOf = (c: Call) => c.milestones.find((m) => m.kind === 'deadline')?.at;

export function expectedCalls(calls: readonly Call[], now: Date): ExpectedCall[] {
  const series = [...new Set(calls.flatMap((c) => c.series ?? []))];
  return series.flatMap((name) => {
    const dated = calls.filter((c) => c.series === name && deadlineOf(c) !== undefined);
    if (dated.some((c) => localToInstant(deadlineOf(c) ?? '').getTime() > now.getTime())) return [];
    const latest = [...dated].sort((a, b) => (deadlineOf(b) ?? '').localeCompare(deadlineOf(a) ?? ''))[0];
    const at = latest && deadlineOf(latest);
    if (!latest || !at) return [];
    const year = Number(at.slice(0, 4));
    let shift = 1;
    while (localToInstant(`${year + shift}${at.slice(4)}`).getTime() <= now.getTime()) shift++;
    const bump = (s: string) => s.replace(/\b(19|20)\d{2}\b/g, (y) => String(Number(y) + shift));
    return [
      {
        series: name,
        title: { nb: bump(latest.title.nb), en: bump(latest.title.en) },
        deadline: `${year + shift}${at.slice(4)}`,
        after: latest.id,
      },
    ];
  });
}
