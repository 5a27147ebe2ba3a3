import type { Application, Platform } from '../domain/application.ts';
import type { Clock } from '../domain/clock.ts';
import { isPersonalReminder, personKey } from '../domain/reminder-recheck.ts';
import { parseTargetKey, type ReminderPayload } from '../domain/reminder-types.ts';
import type { ClaimedReminder, Store, UserProfile } from '../store/store.ts';

/** What the personal reminders of a batch are re-checked against: read together, at `at`. */
export interface PersonalView {
  at: number;
  apps: ReadonlyMap<string, Application>;
  profiles: ReadonlyMap<string, UserProfile | null>;
}

/**
 * The applications and recipients' profiles of the personal reminders among `items`, in one wave of
 * reads (one Redis round trip): `getApplications` for all, `getUser` per recipient, concurrently.
 */
export async function readPersonal(
  store: Store,
  clock: Clock,
  items: readonly ClaimedReminder[],
): Promise<PersonalView> {
  const appIds = new Set<string>();
  const people = new Map<string, { platform: Platform; userId: string }>();
  for (const item of items) {
    const target = parseTargetKey(item.targetKey);
    const payload = item.payload as Partial<ReminderPayload>;
    if (!isPersonalReminder(target, payload)) continue;
    if (typeof payload.applicationId === 'string') appIds.add(payload.applicationId);
    people.set(personKey(target), target);
  }
  const at = clock().getTime();
  const [apps, profiles] = await Promise.all([
    appIds.size > 0 ? store.getApplications([...appIds]) : Promise.resolve([]),
    Promise.all(
      [...people].map(async ([key, p]) => [key, await store.getUser(p.platform, p.userId)] as const),
    ),
  ]);
  return { at, apps: new Map(apps.map((a) => [a.id, a])), profiles: new Map(profiles) };
}

/** Ids in a batch that a later-due reminder of the same group replaces (only the newest is news). */
export function supersededIn(items: readonly ClaimedReminder[]): Set<string> {
  const newest = new Map<string, ClaimedReminder>();
  for (const item of items) {
    const group = (item.payload as Partial<ReminderPayload>).group;
    if (typeof group !== 'string') continue;
    const seen = newest.get(group);
    if (!seen || Date.parse(item.dueAt) > Date.parse(seen.dueAt)) newest.set(group, item);
  }
  return new Set(
    items
      .filter((i) => {
        const group = (i.payload as Partial<ReminderPayload>).group;
        return typeof group === 'string' && newest.get(group)?.id !== i.id;
      })
      .map((i) => i.id),
  );
}
