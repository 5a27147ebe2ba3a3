import type { Application, Person, Platform } from './application.ts';
import type { Call } from './call.ts';
import { missingRequirements } from './steps.ts';

/**
 * Pure helpers for the trust's prioritisation: who may order a trust's applications (configuration),
 * which applications are ready to be ordered, and reading an order that came back from a card.
 */

export interface ChiefSetting {
  platform: Platform;
  userId: string;
  name?: string;
}

export type QualityChiefs = Record<string, { chief: ChiefSetting; deputy?: ChiefSetting }>;

/** The trusts this person prioritises for, as chief or deputy. */
export function chiefTrusts(
  chiefs: QualityChiefs | undefined,
  person: Pick<Person, 'platform' | 'userId'>,
): string[] {
  const is = (p: ChiefSetting | undefined) =>
    p !== undefined && p.platform === person.platform && p.userId === person.userId;
  return Object.entries(chiefs ?? {})
    .filter(([, c]) => is(c.chief) || is(c.deputy))
    .map(([trust]) => trust);
}

const OPEN = new Set<Application['status']>(['draft', 'submitted']);

/**
 * A trust's open applications to a call with a prioritisation step: those with every endorsement it
 * requires (`ready`, in their confirmed order, then oldest first) and how many still wait for one.
 */
export function prioritisationList(
  apps: readonly Application[],
  call: Call,
  trust: string,
): { ready: Application[]; waiting: number } {
  const stepId = call.steps.find((s) => s.kind === 'prioritisation')?.id;
  if (!stepId) return { ready: [], waiting: 0 };
  const mine = apps.filter(
    (a) =>
      a.callId === call.id &&
      a.applicant.trust === trust &&
      OPEN.has(a.status) &&
      a.steps.some((s) => s.id === stepId && s.state !== 'not-needed'),
  );
  const ready = mine.filter((a) => missingRequirements(a, call, stepId).length === 0);
  const rank = (a: Application) => a.priorityRank ?? Number.POSITIVE_INFINITY;
  ready.sort(
    (a, b) => rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  return { ready, waiting: mine.length - ready.length };
}

/**
 * The order a card sent back, kept to the applications that are ready now: unknown ids are dropped
 * and ready applications the card did not show are added at the end.
 */
export function sanitiseOrder(ready: readonly Application[], raw: unknown): Application[] {
  const ids = Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
  const byId = new Map(ready.map((a) => [a.id, a]));
  const seen = new Set<string>();
  const out: Application[] = [];
  for (const id of ids) {
    const app = byId.get(id);
    if (app && !seen.has(id)) {
      out.push(app);
      seen.add(id);
    }
  }
  for (const app of ready) if (!seen.has(app.id)) out.push(app);
  return out;
}

/** When the shown order was last confirmed (ISO), if every application in it has a rank. */
export function lastConfirmed(order: readonly Application[], call: Call): string | undefined {
  const stepId = call.steps.find((s) => s.kind === 'prioritisation')?.id;
  if (order.length === 0 || order.some((a) => a.priorityRank === undefined)) return undefined;
  const dates = order
    .map((a) => a.steps.find((s) => s.id === stepId)?.decidedAt)
    .filter((d) => d !== undefined);
  return dates.sort().at(-1);
}
