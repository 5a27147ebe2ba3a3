import type { Subscription } from '../store/store.ts';
import type { Call } from './call.ts';
import { diffCalls } from './call-diff.ts';
import { ID_PREFIX, type PlannedReminder } from './reminder-types.ts';
import { localToInstant } from './timeline.ts';

/**
 * A new call of a series, told to the channels that follow the series (docs/calls-lifecycle.md): a
 * channel subscribed to any call of the series follows it, unless it opted out of the series. Each
 * is subscribed to the new call and gets one announcement, whose id is the call and the channel, so
 * every replica that loads the call queues the same item and it is posted once.
 */

export interface AnnouncementPlan {
  /** The followers' subscriptions with the new call added. */
  subscriptions: Subscription[];
  announcements: PlannedReminder[];
}

/** The series' call before `call`: the latest deadline among the others of its series. */
export function lastCallOf(call: Call, calls: readonly Call[]): Call | undefined {
  const deadline = (c: Call) => c.milestones.find((m) => m.kind === 'deadline')?.at ?? '';
  return calls
    .filter((c) => c.series === call.series && c.id !== call.id && deadline(c) < deadline(call))
    .sort((a, b) => deadline(b).localeCompare(deadline(a)))[0];
}

export function announcementId(callId: string, conversationKey: string): string {
  return `${ID_PREFIX['call-announcement']}${callId}/${conversationKey}`;
}

export function planAnnouncement(input: {
  call: Call;
  /** Every call loaded, the new one too: the series' older calls say who follows it. */
  calls: readonly Call[];
  subscriptions: readonly Subscription[];
  now: Date;
}): AnnouncementPlan {
  const { call, calls, now } = input;
  const deadline = call.milestones.find((m) => m.kind === 'deadline');
  // Nothing to announce once the call has closed (a call added late, or its file replaced).
  if (call.series === undefined || deadline?.at === undefined)
    return { subscriptions: [], announcements: [] };
  const closesAt = localToInstant(deadline.at);
  if (closesAt.getTime() <= now.getTime()) return { subscriptions: [], announcements: [] };
  const series = new Set(calls.filter((c) => c.series === call.series && c.id !== call.id).map((c) => c.id));
  const last = lastCallOf(call, calls);
  const changes = last ? diffCalls(last, call).map((c) => c.text) : [];
  const followers = input.subscriptions.filter(
    (s) =>
      s.callIds.some((id) => series.has(id)) &&
      !s.callIds.includes(call.id) &&
      !(s.seriesOptOut ?? []).includes(call.series ?? ''),
  );
  return {
    subscriptions: followers.map((s) => ({
      ...s,
      callIds: [...s.callIds, call.id],
      updatedAt: now.toISOString(),
      updatedBy: `series:${call.series}`,
    })),
    announcements: followers.map((s) => {
      const id = announcementId(call.id, s.conversationKey);
      const target = { kind: 'conversation' as const, platform: s.platform, key: s.conversationKey };
      return {
        id,
        kind: 'call-announcement' as const,
        dueAt: now,
        expiresAt: closesAt,
        target,
        milestone: deadline.id,
        payload: {
          kind: 'call-announcement' as const,
          target,
          callId: call.id,
          callTitle: call.title,
          milestone: deadline.id,
          milestoneKind: deadline.kind,
          label: deadline.label,
          at: closesAt.toISOString(),
          group: id,
          ...(s.locale ? { locale: s.locale } : {}),
          buttons: [{ action: 'eligibility.start', data: { callId: call.id } }],
          changes,
        },
      };
    }),
  };
}
