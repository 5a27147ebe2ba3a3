import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB, nb } from 'date-fns/locale';
import { installedCallsDir } from '../calls/installation.ts';
import { loadCatalog } from '../calls/load.ts';
import type { Locale } from '../domain/call.ts';
import type { Clock } from '../domain/clock.ts';
import { isMidlerError } from '../domain/errors.ts';
import {
  buildTimeline,
  formatLocal,
  OSLO,
  parseAt,
  type Timeline,
  type TimelineEntry,
} from '../domain/timeline.ts';
import { formatDate, formatDaysLeft } from '../i18n/format.ts';
import { type CliOutput, failure, flag, isOutput, readArgs, success, usageError, value } from './output.ts';

export const USAGE = [
  'Usage: midlerbot timeline --call ID [--at TIME] [--trust ID] [--json] [--locale nb|en] [--calls DIR]',
  '  --at     the clock: 2022-10-01 (00:00 Oslo), 2022-10-20T14:59 (Oslo), or ISO with Z/offset; default now',
  '  --trust  add that trust’s internal deadline, when it has one',
  '  --calls  the calls directory (default: the calls/ of this installation)',
  '  -h, --help  this text',
].join('\n');

export { parseAt };

/** Builds the command with a clock; `run` below uses the real one (this is the edge). */
export function createTimelineCommand(clock: Clock): (args: string[]) => Promise<CliOutput> {
  return async (args) => {
    const parsed = readArgs(
      args,
      { call: value, at: value, trust: value, json: flag, locale: value, calls: value },
      USAGE,
    );
    if (isOutput(parsed)) return parsed;
    const { values } = parsed;
    if (!values.call) return usageError('Missing --call ID.', USAGE);
    const locale = values.locale ?? 'nb';
    if (locale !== 'nb' && locale !== 'en') return usageError(`Unknown locale: ${locale} (nb or en)`, USAGE);
    let now: Date;
    try {
      now = values.at === undefined ? clock() : parseAt(values.at);
    } catch (e) {
      return usageError(isMidlerError(e) ? `not a time: ${values.at}` : (e as Error).message, USAGE);
    }
    const catalog = loadCatalog(values.calls ?? installedCallsDir());
    const call = catalog.get(values.call);
    if (!call) {
      return failure(`Unknown call: ${values.call}. Known: ${catalog.calls.map((c) => c.id).join(', ')}`);
    }
    if (values.trust !== undefined && !call.trusts.some((t) => t.id === values.trust)) {
      return failure(
        `Unknown trust for ${call.id}: ${values.trust}. Known: ${call.trusts.map((t) => t.id).join(', ')}`,
      );
    }
    const timeline = buildTimeline(call, now, values.trust);
    if (values.json) return success(JSON.stringify(toJson(timeline, values.trust), null, 2));
    return success(toText(timeline, call.title[locale], locale));
  };
}

export const run = createTimelineCommand(() => new Date());

/** Local ISO with the offset in force then, e.g. 2022-10-20T15:00:00+02:00. */
function localIso(at: Date): string {
  return format(new TZDate(at.getTime(), OSLO), "yyyy-MM-dd'T'HH:mm:ssxxx");
}

function entryJson(e: TimelineEntry) {
  return {
    id: e.id,
    kind: e.kind,
    label: e.label,
    utc: e.at?.toISOString() ?? null,
    local: e.at ? localIso(e.at) : null,
    passed: e.passed,
    daysLeft: e.daysLeft,
    ...(e.allDay ? { allDay: true } : {}),
    ...(e.after === undefined ? {} : { after: e.after }),
    ...(e.note === undefined ? {} : { note: e.note }),
  };
}

export function toJson(timeline: Timeline, trust?: string) {
  return {
    callId: timeline.callId,
    at: { utc: timeline.now.toISOString(), local: localIso(timeline.now) },
    timeZone: OSLO,
    ...(trust === undefined ? {} : { trust }),
    milestones: timeline.entries.map(entryJson),
    next: timeline.next ? entryJson(timeline.next) : null,
  };
}

const WORDS = {
  nb: { at: 'Per', next: 'Neste', none: 'Ingen flere milepæler.', after: 'etter' },
  en: { at: 'As of', next: 'Next', none: 'No milestones left.', after: 'after' },
} as const;

/** An all-day event: the date alone, as `formatDate` writes a date that ends the day ("29. august 2022"). */
function formatDay(at: Date, locale: Locale): string {
  const local = new TZDate(at.getTime(), OSLO);
  return locale === 'nb'
    ? format(local, 'd. MMMM yyyy', { locale: nb })
    : format(local, 'd MMMM yyyy', { locale: enGB });
}

function toText(timeline: Timeline, title: string, locale: Locale): string {
  const w = WORDS[locale];
  const label = (id: string) => timeline.entries.find((e) => e.id === id)?.label[locale] ?? id;
  const lines = timeline.entries.map((e) => {
    const mark = e.id === timeline.next?.id ? '→' : e.passed ? '✓' : ' ';
    if (!e.at || e.daysLeft === null)
      return `${mark} ${e.label[locale]} (${w.after} ${label(e.after ?? '')})`;
    const date = e.allDay ? formatDay(e.at, locale) : formatDate(e.at, locale);
    const when = `${date} (${formatDaysLeft(e.daysLeft, locale)})`;
    return `${mark} ${e.label[locale]}: ${when}`;
  });
  const next = timeline.next ? `${w.next}: ${timeline.next.label[locale]}` : w.none;
  return [`${title}`, `${w.at} ${formatLocal(timeline.now)} (Europe/Oslo)`, '', ...lines, '', next].join(
    '\n',
  );
}
