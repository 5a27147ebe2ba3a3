import { ID_PREFIX, parseTargetKey, type ReminderKind } from '../domain/reminder-types.ts';
import { formatLocal, OSLO } from '../domain/timeline.ts';
import type { PeekedReminder } from '../store/store.ts';

/**
 * How `midlerbot reminders queue` shows the queue: a row per reminder (also its `--json` shape) and
 * the table. Pure: the rows come from `Store.peekReminders`, the command does the reading.
 */

const KIND_LABEL: Record<ReminderKind, string> = {
  'channel-milestone': 'channel reminder',
  'applicant-nudge': 'applicant nudge',
  'leader-nudge': 'leader nudge',
  'report-reminder': 'report',
  'call-announcement': 'new call',
};

/**
 * Where a queued reminder is in its delivery:
 * - `scheduled`: waiting for its due time;
 * - `due`: due, not claimed yet (the next loop tick takes it);
 * - `leased`: claimed by a replica (`lease.owner`) that is delivering it until `lease.until`;
 * - `lease-expired`: claimed, but the lease ran out without an ack (a replica died): claimable again;
 * - `retry`: given back after a failed, throttled or deferred attempt; next try at `nextAttemptAt`.
 */
export type QueueState = 'scheduled' | 'due' | 'leased' | 'lease-expired' | 'retry';

export interface QueueRow {
  id: string;
  kind: ReminderKind | 'unknown';
  kindLabel: string;
  /** The planned due time. */
  dueAt: string;
  dueLocal: string;
  /** When the loop may claim it next: the due time, a retry time, or a lease expiry. */
  nextAttemptAt: string;
  /** The milestone instant: still queued after it, it is dropped, not sent. */
  expiresAt: string;
  expired: boolean;
  target: {
    key: string;
    kind: 'channel' | 'user' | 'unknown';
    platform: string | null;
    /** Channel reminders: the conversation key; personal ones: the user id. */
    id: string;
  };
  callId: string | null;
  milestone: string | null;
  milestoneKind: string | null;
  /** Nudges: the ids of the open steps they are about. */
  steps: string[];
  applicationId: string | null;
  state: QueueState;
  /** Claims so far (0 until the loop first takes it). */
  attempts: number;
  lease: { owner: string; until: string } | null;
}

/** The delivery state at `now` of what the store reports. */
export function stateOf(r: PeekedReminder, now: Date): QueueState {
  if (r.lease) return Date.parse(r.lease.until) > now.getTime() ? 'leased' : 'lease-expired';
  if (r.attempts > 0) return 'retry';
  return Date.parse(r.nextAttemptAt) <= now.getTime() ? 'due' : 'scheduled';
}

/**
 * One row of the listing. Only ids and keys leave the payload: names and titles (an applicant's name,
 * a call's title) are not shown.
 */
export function toRow(r: PeekedReminder, now: Date): QueueRow {
  const payload = (r.payload ?? {}) as Record<string, unknown>;
  const kind = kindOf(r.id, payload.kind);
  const targetKey = r.targetKey ?? '';
  const target = parseTargetKey(targetKey);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const steps = Array.isArray(payload.steps)
    ? payload.steps.flatMap((s) =>
        typeof (s as { id?: unknown })?.id === 'string' ? [(s as { id: string }).id] : [],
      )
    : [];
  const due = new Date(Date.parse(r.dueAt));
  return {
    id: r.id,
    kind,
    kindLabel: kind === 'unknown' ? 'unknown' : KIND_LABEL[kind],
    dueAt: due.toISOString(),
    dueLocal: formatLocal(due),
    nextAttemptAt: r.nextAttemptAt,
    expiresAt: r.expiresAt,
    expired: Date.parse(r.expiresAt) <= now.getTime(),
    target: target
      ? {
          key: targetKey,
          kind: target.kind === 'conversation' ? 'channel' : 'user',
          platform: target.platform,
          id: target.kind === 'conversation' ? target.key : target.userId,
        }
      : { key: targetKey, kind: 'unknown', platform: null, id: targetKey },
    callId: str(payload.callId),
    milestone: str(payload.milestone),
    milestoneKind: str(payload.milestoneKind),
    steps,
    applicationId: str(payload.applicationId),
    state: stateOf(r, now),
    attempts: r.attempts,
    lease: r.lease ? { owner: r.lease.owner, until: r.lease.until } : null,
  };
}

function kindOf(id: string, kind: unknown): ReminderKind | 'unknown' {
  const kinds = Object.keys(ID_PREFIX) as ReminderKind[];
  return kinds.find((k) => k === kind) ?? kinds.find((k) => id.startsWith(ID_PREFIX[k])) ?? 'unknown';
}

function stateText(r: QueueRow): string {
  const tries = `${r.attempts} attempt${r.attempts === 1 ? '' : 's'}`;
  const text = {
    scheduled: 'scheduled',
    due: 'due, not claimed yet',
    leased: `leased by ${r.lease?.owner} until ${r.lease?.until} (attempt ${r.attempts})`,
    'lease-expired': `lease of ${r.lease?.owner} ran out ${r.lease?.until} (${tries}): claimable`,
    retry: `retry at ${r.nextAttemptAt} (${tries} so far)`,
  }[r.state];
  return r.expired ? `${text}; EXPIRED (${r.expiresAt}): will be dropped` : text;
}

function milestoneText(r: QueueRow): string {
  const m = r.milestone ?? '-';
  return r.steps.length > 0 ? `${m} [${r.steps.join(', ')}]` : m;
}

export interface TableContext {
  /** Everything queued. */
  total: number;
  /** How many match `--target` (all when there is none). */
  matching: number;
  target: string | undefined;
  /** Where it was read, without credentials. */
  where: string;
  now: Date;
  /** Due-index ids without a readable item. */
  dangling: number;
}

/** The table: a head line, a column line, each row with its id below it, then notes. */
export function renderTable(rows: QueueRow[], ctx: TableContext): string {
  const filter = ctx.target === undefined ? '' : ` with target ${JSON.stringify(ctx.target)}*`;
  const head =
    `Reminder queue in ${ctx.where} at ${ctx.now.toISOString()}: ` +
    `${ctx.total} queued${ctx.target === undefined ? '' : `, ${ctx.matching}${filter}`}` +
    (rows.length < ctx.matching ? `; the first ${rows.length} by due time:` : rows.length > 0 ? ':' : '.');
  const notes: string[] = [];
  if (ctx.dangling > 0)
    notes.push(`(${ctx.dangling} id(s) in the due index without an item: the loop removes them.)`);
  if (rows.length < ctx.matching) notes.push(`(${ctx.matching - rows.length} more: raise --limit.)`);
  if (rows.length === 0) return [head, ...notes].join('\n');

  const columns: [string, (r: QueueRow) => string][] = [
    [OSLO, (r) => r.dueLocal],
    ['UTC', (r) => r.dueAt],
    ['kind', (r) => r.kindLabel],
    ['target', (r) => r.target.key],
    ['call', (r) => r.callId ?? '-'],
    ['milestone [steps]', milestoneText],
    ['state', stateText],
  ];
  const cells = rows.map((r) => columns.map(([, cell]) => cell(r)));
  const widths = columns.map(([title], i) =>
    Math.max(title.length, ...cells.map((c) => (c[i] ?? '').length)),
  );
  const line = (values: string[]) =>
    `  ${values.map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd();
  const body = rows.flatMap((r, i) => [line(cells[i] ?? []), `      id ${r.id}`]);
  return [head, line(columns.map(([title]) => title)), ...body, ...notes].join('\n');
}
