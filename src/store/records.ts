import type { Application, AuditEntry, Person, Platform } from '../domain/application.ts';
import { MidlerError } from '../domain/errors.ts';

/** Rules both stores share, so MemoryStore and RedisStore cannot drift apart. */

export type PersonRef = Pick<Person, 'platform' | 'userId'>;

export function personTag(p: { platform: string; userId: string }): string {
  return `${p.platform}:${p.userId}`;
}

/** The audit actor as a flat tag, so a Lua script can match it without parsing JSON. */
export function actorTag(actor: AuditEntry['actor']): string {
  if ('anonymous' in actor) return 'anonymous';
  if (actor.platform === 'system') return 'system';
  return personTag(actor);
}

/** The person behind an audit entry, when it is one (not the system, not anonymous). */
export function actingPerson(actor: AuditEntry['actor']): PersonRef | null {
  if ('anonymous' in actor || actor.platform === 'system') return null;
  return { platform: actor.platform, userId: actor.userId };
}

/** What remains of an anonymised entry (kept in step with src/store/lua/anonymise-audit-1.lua). */
export function anonymisedEntry(e: AuditEntry): AuditEntry {
  return {
    ...(e.id ? { id: e.id } : {}),
    at: e.at,
    platform: e.platform,
    action: e.action,
    actor: { anonymous: true },
  };
}

/** Everyone a step of the application currently waits on, each once. */
export function waitingOn(app: Application): PersonRef[] {
  const seen = new Map<string, PersonRef>();
  for (const step of app.steps) {
    if (step.state === 'waiting' && step.waitingOn) {
      seen.set(personTag(step.waitingOn), {
        platform: step.waitingOn.platform,
        userId: step.waitingOn.userId,
      });
    }
  }
  return [...seen.values()];
}

export function isWaitingOn(app: Application, person: PersonRef): boolean {
  return waitingOn(app).some((p) => p.platform === person.platform && p.userId === person.userId);
}

export function isApplicant(app: Application, platform: Platform, userId: string): boolean {
  return app.applicant.platform === platform && app.applicant.userId === userId;
}

export function createdMs(app: Application): number {
  const ms = Date.parse(app.createdAt);
  return Number.isNaN(ms) ? 0 : ms;
}

/** Oldest first, ties by id: the order of call and waiting-on listings. */
export function byCreated(a: Application, b: Application): number {
  return createdMs(a) - createdMs(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The id in `next` must be the id written to; the store sets the version itself. */
export function checkNext(id: string, next: Application): void {
  if (next.id !== id) throw new MidlerError('input.invalid', `application id ${next.id} written as ${id}`);
}

export function parseTime(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new MidlerError('input.invalid', `${what} is not a date: ${iso}`);
  return ms;
}
