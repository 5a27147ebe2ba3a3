import type { Application, Platform } from '../domain/application.ts';
import type { KeySchema } from './keys.ts';
import { personTag } from './records.ts';
import { json, type RedisExec, step } from './redis-exec.ts';
import type { ConversationRef, DeleteSummary } from './store.ts';

/**
 * "Delete my data" on Redis. The person's own keys share one slot and are read in one MULTI; their
 * applications, dialogs and references live in other slots and go in one batch; the audit entries they
 * wrote on other people's applications are anonymised by a script per stream. The person's index keys
 * are deleted last, so an interrupted deletion is finished by running it again.
 */
export async function deleteUserDataInRedis(
  exec: RedisExec,
  k: KeySchema,
  platform: Platform,
  userId: string,
): Promise<DeleteSummary> {
  const idx = {
    apps: k.userApps(platform, userId),
    dialogs: k.userDialogs(platform, userId),
    acted: k.userActed(platform, userId),
    waiting: k.userWaiting(platform, userId),
    profile: k.userProfile(platform, userId),
    personal: k.userPersonalRef(platform, userId),
  };
  // The user's own keys share one slot: read them in one MULTI.
  const [appIds, dialogKeys, actedIds, personal, profile] = (await exec.run('deleteUserData', (c) =>
    c
      .multi()
      .zrange(idx.apps, 0, '-1')
      .smembers(idx.dialogs)
      .smembers(idx.acted)
      .get(idx.personal)
      .exists(idx.profile)
      .exec()
      .then((r) =>
        (r ?? []).map(([err, v]) => {
          if (err) throw err;
          return v;
        }),
      ),
  )) as [string[], string[], string[], string | null, number];
  const ref = json<ConversationRef>(personal);
  const removed = await exec.batch('deleteUserData', [
    ...appIds.map((id) =>
      step(k.app(id), (p) => p.mbDeleteApplication(k.app(id), k.audit(id), platform, userId)),
    ),
    ...dialogKeys.map((d) => step(k.dialog(d), (p) => p.del(k.dialog(d)))),
    ...(ref ? [step(k.conversationRef(ref.key), (p) => p.del(k.conversationRef(ref.key)))] : []),
    ...actedIds
      .filter((id) => !appIds.includes(id))
      .map((id) =>
        step(k.audit(id), (p) => p.mbAnonymiseAudit(k.audit(id), personTag({ platform, userId }))),
      ),
  ]);
  const deletedApps = removed.slice(0, appIds.length).map((r) => json<Application>(r));
  const dialogs = removed
    .slice(appIds.length, appIds.length + dialogKeys.length)
    .reduce<number>((n, r) => n + Number(r), 0);
  const refs = ref ? Number(removed[appIds.length + dialogKeys.length]) : 0;
  const anonymised = removed
    .slice(appIds.length + dialogKeys.length + (ref ? 1 : 0))
    .reduce<number>((n, r) => n + Number(r), 0);
  // Index keys go last, so an interrupted deletion can simply be run again.
  const calls = [...new Set(deletedApps.flatMap((a) => (a ? [a.callId] : [])))];
  await exec.batch('deleteUserData', [
    ...calls.map((callId) => step(k.callApps(callId), (p) => p.srem(k.callApps(callId), ...appIds))),
    step(idx.apps, (p) => p.del(idx.apps, idx.dialogs, idx.acted, idx.waiting, idx.profile, idx.personal)),
  ]);
  return {
    applications: deletedApps.filter((a) => a !== null).length,
    dialogs,
    references: refs,
    auditEntriesAnonymised: anonymised,
    profile: profile === 1,
  };
}
