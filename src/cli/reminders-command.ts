import { loadCatalog } from '../calls/load.ts';
import { isTimeOfDay } from '../domain/reminder-days.ts';
import { planReminders } from '../domain/reminder-plan.ts';
import { DEFAULT_DAYS_BEFORE, DEFAULT_TIME_OF_DAY } from '../domain/reminder-types.ts';
import { formatLocal, OSLO } from '../domain/timeline.ts';
import type { Subscription } from '../store/store.ts';
import { type CliOutput, failure, success, usageError } from './output.ts';

export const USAGE = [
  'Usage: midlerbot reminders plan --call ID [--from ISO] [--to ISO] [--days 14,7,2,0] [--time 09:00]',
  '                                [--trust ID] [--calls DIR] [--json]',
  '  Prints the channel reminders a channel subscribed to the call would get, due between --from',
  '  (default: now) and --to (default: no end). Times are UTC and Europe/Oslo.',
  '  -h, --help  this text.',
].join('\n');

const VALUED = new Set(['--call', '--from', '--to', '--days', '--time', '--trust', '--calls']);

/** A channel that is only imagined: the plan shows what a real subscription would get. */
const PLAN_TARGET = 'console:plan';

/** `midlerbot reminders plan ...`: what would be posted, and when. */
export async function run(args: string[]): Promise<CliOutput> {
  const [sub, ...rest] = args;
  if (sub !== 'plan')
    return usageError(sub === undefined ? 'Missing sub-command.' : `Unknown: reminders ${sub}`, USAGE);
  const parsed = parseOptions(rest);
  if ('error' in parsed) return usageError(parsed.error, USAGE);
  const { options, json } = parsed;

  const callId = options.get('--call');
  if (!callId) return usageError('Missing --call ID.', USAGE);
  const from = options.has('--from') ? new Date(options.get('--from') ?? '') : new Date();
  const to = options.has('--to') ? new Date(options.get('--to') ?? '') : null;
  if (Number.isNaN(from.getTime()) || (to && Number.isNaN(to.getTime())))
    return usageError('--from and --to take ISO dates.', USAGE);
  const days = options.has('--days') ? parseDays(options.get('--days') ?? '') : [...DEFAULT_DAYS_BEFORE];
  if (!days) return usageError('--days takes whole numbers of days, e.g. 14,7,2,0.', USAGE);
  const time = options.get('--time') ?? DEFAULT_TIME_OF_DAY;
  if (!isTimeOfDay(time)) return usageError('--time takes a local time of day, e.g. 09:00.', USAGE);

  const catalog = loadCatalog(options.get('--calls') ?? 'calls');
  const call = catalog.get(callId);
  if (!call) return failure(`No call "${callId}". Known: ${catalog.calls.map((c) => c.id).join(', ')}`);
  const trust = options.get('--trust');
  if (trust !== undefined && !call.trusts.some((t) => t.id === trust)) {
    return failure(`No trust "${trust}" in ${callId}. Known: ${call.trusts.map((t) => t.id).join(', ')}`);
  }

  const subscription: Subscription = {
    conversationKey: PLAN_TARGET,
    platform: 'console',
    callIds: [call.id],
    daysBefore: days,
    timeOfDay: time,
    paused: false,
    ...(trust === undefined ? {} : { trust }),
    updatedAt: from.toISOString(),
    updatedBy: 'cli',
  };
  const plan = planReminders({
    calls: [call],
    subscriptions: [subscription],
    applications: [],
    now: from,
  }).filter((r) => r.dueAt.getTime() >= from.getTime() && (to === null || r.dueAt.getTime() <= to.getTime()));
  const rows = plan.map((r) => ({
    id: r.id,
    dueAt: r.dueAt.toISOString(),
    dueLocal: formatLocal(r.dueAt),
    expiresAt: r.expiresAt.toISOString(),
    kind: r.kind,
    targetKind: r.target.kind,
    milestone: r.milestone,
  }));
  if (json) {
    const window = { from: from.toISOString(), to: to?.toISOString() ?? null };
    return success(
      JSON.stringify(
        { call: call.id, ...window, daysBefore: days, timeOfDay: time, zone: OSLO, reminders: rows },
        null,
        2,
      ),
    );
  }
  if (rows.length === 0)
    return success(
      `No reminders for ${call.id} due from ${from.toISOString()}${to ? ` to ${to.toISOString()}` : ''}.\n` +
        'Its dates may all have passed: give --from (e.g. --from 2022-09-01) to see the plan for an earlier time.',
    );
  const width = Math.max('milestone'.length, ...rows.map((r) => r.milestone.length));
  const lines = rows.map(
    (r) => `  ${r.dueLocal}  ${r.dueAt}  ${r.milestone.padEnd(width)}  ${r.targetKind.padEnd(12)}  ${r.id}`,
  );
  const head = `${rows.length} reminder${rows.length === 1 ? '' : 's'} for ${call.id} (days before: ${days.join(', ')}; at ${time} ${OSLO}):`;
  return success(
    [
      head,
      `  ${'local'.padEnd(16)}  ${'UTC'.padEnd(24)}  ${'milestone'.padEnd(width)}  ${'target'.padEnd(12)}  id`,
      ...lines,
    ].join('\n'),
  );
}

function parseOptions(args: string[]): { options: Map<string, string>; json: boolean } | { error: string } {
  const options = new Map<string, string>();
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (name === '--json') json = true;
    else if (VALUED.has(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value.startsWith('--')) return { error: `${name} needs a value.` };
      options.set(name, value);
    } else return { error: `Unknown option: ${arg}` };
  }
  return { options, json };
}

function parseDays(text: string): number[] | null {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => !/^\d{1,3}$/.test(p))) return null;
  return [...new Set(parts.map(Number))].sort((a, b) => b - a);
}
