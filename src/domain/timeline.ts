import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Call } from './call.ts';
import type { MilestoneData, MilestoneKind, Text } from './call-schema.ts';
import { MidlerError } from './errors.ts';

/** Every call time is Europe/Oslo wall-clock time. */
export const OSLO = 'Europe/Oslo';

/** The id of the extra entry a trust's internal deadline adds to a timeline. */
export const INTERNAL_DEADLINE_ID = 'internal-deadline';

export interface TimelineEntry {
  id: string;
  kind: MilestoneKind;
  label: Text;
  /**
   * The instant (UTC) the milestone is reached: a deadline (`precision: by`) when it closes, an event
   * (`precision: on`, e.g. publication) when it happens. Null for undated milestones ("after completion").
   */
  at: Date | null;
  /** Local wall-clock text, e.g. "2022-10-20 15:00" (Europe/Oslo). */
  local: string | null;
  /** An event on a date without a time (`precision: on`): it is the whole day, `at` its start. */
  allDay?: true;
  passed: boolean;
  /** Whole calendar days from `now` to `at` in Europe/Oslo (0 = today); null when undated. */
  daysLeft: number | null;
  /** Present for undated milestones. */
  after?: string;
  note?: Text;
}

export interface Timeline {
  callId: string;
  now: Date;
  entries: TimelineEntry[];
  /** The first entry not yet passed, if any. */
  next: TimelineEntry | null;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** How a milestone's date reads: `by` = at the latest (a deadline), `on` = the event happens that day. */
export type Precision = MilestoneData['precision'];

/**
 * Converts a call's local time ("2022-11-04" or "2022-10-20T15:00") to a UTC instant.
 * A date alone is read by its precision: a deadline (`by`, the default) ends at 23:59:59 local; an
 * event `on` that day (publication, project start) is reached when the day begins, 00:00 local.
 * A date with a time is that minute either way. Times the clock skips or repeats resolve deterministically:
 * - spring-forward gap (02:30 on the last Sunday of March): moved forward by the gap, to 03:30 CEST;
 * - autumn overlap (02:30 on the last Sunday of October): the second occurrence (CET), so a deadline
 *   never closes before the wall clock has shown that time for the last time.
 */
export function localToInstant(local: string, precision: Precision = 'by'): Date {
  // Call dates are read on every turn and never change: the zone arithmetic runs once per reading.
  const key = `${local}|${precision}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    instant = computeInstant(local, precision);
    if (instants.size >= MAX_REMEMBERED) instants.clear();
    instants.set(key, instant);
  }
  return new Date(instant);
}

/** Bounded: typed dates (`/at`, `--at`) go through here too. */
const MAX_REMEMBERED = 2_000;
const instants = new Map<string, number>();

function computeInstant(local: string, precision: Precision): number {
  const m = LOCAL.exec(local);
  if (!m)
    throw new MidlerError('input.invalid', `not a local date or time: ${local}`, { details: { local } });
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dateOnly = m[4] === undefined;
  const [h, mi, s] = !dateOnly
    ? [Number(m[4]), Number(m[5]), 0]
    : precision === 'on'
      ? [0, 0, 0]
      : [23, 59, 59];
  // The wall-clock reading as if it were UTC; the real instant is that minus the offset in force then.
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23) {
    throw new MidlerError('input.invalid', `not a real date: ${local}`, { details: { local } });
  }
  // Offsets cannot change twice within a day around here, so the offsets half a day either side are
  // the only candidates.
  const before = tzOffset(OSLO, new Date(wall - DAY / 2));
  const after = tzOffset(OSLO, new Date(wall + DAY / 2));
  const fits = [before, after]
    .map((offset) => ({ offset, instant: wall - offset * MINUTE }))
    .filter((c) => tzOffset(OSLO, new Date(c.instant)) === c.offset)
    .map((c) => c.instant);
  // Overlap: two fit, take the later. Gap: none fit, read the time with the offset before the change.
  return fits.length > 0 ? Math.max(...fits) : wall - before * MINUTE;
}

/** "2022-10-20 15:00" in Europe/Oslo. */
export function formatLocal(at: Date): string {
  return format(new TZDate(at.getTime(), OSLO), 'yyyy-MM-dd HH:mm');
}

/** The Europe/Oslo calendar date of an instant, "YYYY-MM-DD". */
export function localDate(at: Date): string {
  return format(new TZDate(at.getTime(), OSLO), 'yyyy-MM-dd');
}

/** Whole calendar days in Europe/Oslo from `now` to `at`: 0 on the same local day, negative once past. */
export function calendarDaysBetween(now: Date, at: Date): number {
  const dayNumber = (d: Date) => Date.parse(`${localDate(d)}T00:00:00Z`) / DAY;
  return dayNumber(at) - dayNumber(now);
}

/**
 * A deadline closes at its instant: at 15:00:00 a "15:00" deadline has passed. An event `on` a date
 * counts as reached from the start of that day.
 */
export function hasPassed(at: Date, now: Date): boolean {
  return now.getTime() >= at.getTime();
}

/**
 * The instant a milestone of the call is reached (see `localToInstant` for `by` and `on` dates); null
 * for an undated milestone; throws for an unknown id.
 */
export function milestoneInstant(call: Call, milestoneId: string): Date | null {
  const milestone = call.milestones.find((m) => m.id === milestoneId);
  if (!milestone) {
    throw new MidlerError('call.invalid', `call ${call.id} has no milestone ${milestoneId}`, {
      details: { callId: call.id, milestoneId },
    });
  }
  return milestone.at === undefined ? null : localToInstant(milestone.at, milestone.precision);
}

/** The instant of the call's first dated milestone of a kind (its publication, its deadline); null if none. */
export function firstInstantOf(call: Call, kind: MilestoneKind): Date | null {
  const m = call.milestones.find((x) => x.kind === kind && x.at !== undefined);
  return m?.at === undefined ? null : localToInstant(m.at, m.precision);
}

/** The trust's internal deadline as an instant, when the call names one for that trust. */
export function trustInternalDeadline(call: Call, trustId: string | undefined): Date | null {
  const local = call.trusts.find((t) => t.id === trustId)?.internalDeadline;
  return local === undefined ? null : localToInstant(local);
}

/** The call's milestones, for `now`, with a trust's internal deadline added when given. */
export function buildTimeline(call: Call, now: Date, trustId?: string): Timeline {
  const dated: TimelineEntry[] = [];
  const undated: TimelineEntry[] = [];
  for (const m of call.milestones) {
    const at = m.at === undefined ? null : localToInstant(m.at, m.precision);
    const entry = entryFor(m.id, m.kind, m.label, at, now);
    if (at && m.precision === 'on' && !m.at?.includes('T')) entry.allDay = true;
    if (m.note) entry.note = m.note;
    if (at) dated.push(entry);
    else {
      if (m.after !== undefined) entry.after = m.after;
      undated.push(entry);
    }
  }
  const trust = call.trusts.find((t) => t.id === trustId);
  if (trust?.internalDeadline !== undefined) {
    const label = { nb: `Intern frist i ${trust.name}`, en: `Internal deadline at ${trust.name}` };
    dated.push(
      entryFor(INTERNAL_DEADLINE_ID, 'deadline', label, localToInstant(trust.internalDeadline), now),
    );
  }
  // Stable sort: milestones at the same instant keep the call's order.
  dated.sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0));
  const entries = placeUndated(dated, undated);
  return { callId: call.id, now, entries, next: entries.find((e) => !e.passed) ?? null };
}

function entryFor(id: string, kind: MilestoneKind, label: Text, at: Date | null, now: Date): TimelineEntry {
  return {
    id,
    kind,
    label,
    at,
    local: at ? formatLocal(at) : null,
    passed: at ? hasPassed(at, now) : false,
    daysLeft: at ? calendarDaysBetween(now, at) : null,
  };
}

/** Each undated milestone goes right after the one it follows (chains allowed), or last. */
function placeUndated(dated: TimelineEntry[], undated: TimelineEntry[]): TimelineEntry[] {
  const out = [...dated];
  let pending = [...undated];
  while (pending.length > 0) {
    const placeable = pending.filter((u) => out.some((e) => e.id === u.after));
    if (placeable.length === 0) return [...out, ...pending];
    for (const u of placeable) {
      let i = out.findIndex((e) => e.id === u.after);
      while (i + 1 < out.length && out[i + 1]?.after === u.after) i++;
      out.splice(i + 1, 0, u);
    }
    pending = pending.filter((u) => !placeable.includes(u));
  }
  return out;
}

const WITH_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

/** A typed clock time (CLI `--at`, console `--at`/`/at`) as an instant: a zone-less date or time is Oslo wall-clock time (a bare date is its midnight). */
export function parseAt(text: string): Date {
  if (WITH_ZONE.test(text)) {
    const at = new Date(text);
    if (Number.isNaN(at.getTime())) throw new Error(`not a time: ${text}`);
    return at;
  }
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) throw new Error(`not a time: ${text} (use 2022-10-01, 2022-10-01T09:30 or an ISO time with Z)`);
  const instant = localToInstant(`${m[1]}T${m[2] ?? '00:00'}`);
  return new Date(instant.getTime() + Number(m[3] ?? 0) * 1000);
}
