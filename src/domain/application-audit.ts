import type { Application, ApplicationStep, AuditEntry, Person } from './application.ts';

/** What every transition returns: the new record (version untouched; the store bumps it) and its audit entry. */
export interface Transition {
  app: Application;
  audit: AuditEntry;
}

/** Bookkeeping fields that change on every write and say nothing about what happened. */
const IGNORED = new Set(['version', 'updatedAt', 'steps']);

/**
 * Before/after of every field that changed, flat: `status`, `priorityRank`, `steps.<id>.<field>`.
 * Flat keys keep an audit entry readable in a Redis Stream and in a log line.
 */
export function diffApplications(before: Application, after: Application): AuditEntry['changes'] {
  const changes: NonNullable<AuditEntry['changes']> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof Application>;
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    if (!same(before[key], after[key])) changes[key] = { before: before[key], after: after[key] };
  }
  const ids = new Set([...before.steps.map((s) => s.id), ...after.steps.map((s) => s.id)]);
  for (const id of ids) {
    const b = before.steps.find((s) => s.id === id);
    const a = after.steps.find((s) => s.id === id);
    const fields = new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})]) as Set<keyof ApplicationStep>;
    for (const field of fields) {
      if (field === 'id' || same(b?.[field], a?.[field])) continue;
      changes[`steps.${id}.${field}`] = { before: b?.[field], after: a?.[field] };
    }
  }
  return changes;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Finishes a transition: stamps `updatedAt` and records who did what, from where, and what changed. */
export function transition(
  before: Application,
  after: Application,
  by: Person,
  action: string,
  now: Date,
  comment?: string,
): Transition {
  const app = { ...after, updatedAt: now.toISOString() };
  const audit: AuditEntry = {
    at: now.toISOString(),
    actor: by,
    platform: by.platform,
    action,
    changes: diffApplications(before, app),
  };
  if (comment !== undefined && comment !== '') audit.comment = comment;
  return { app, audit };
}
