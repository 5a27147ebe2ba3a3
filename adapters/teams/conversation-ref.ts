import type { ConversationReference } from 'botbuilder';
import type { ConversationRef } from '../../src/store/store.ts';
import { baseConversationId, kindOf, type TeamsActivity } from './activity-parse.ts';

export const teamsKey = (conversationId: string) => `teams:${conversationId}`;

/**
 * What a proactive send needs later. Channel references point at the channel, not the thread the
 * activity came from, so reminders start new posts.
 */
export function refFromActivity(activity: TeamsActivity, at: Date): ConversationRef {
  const conversationId = baseConversationId(activity.conversation.id);
  const kind = kindOf(activity);
  const reference: Partial<ConversationReference> = {
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    bot: { id: activity.recipient.id, name: activity.recipient.name ?? '' },
    conversation: {
      id: conversationId,
      isGroup: kind !== 'personal',
      conversationType: activity.conversation.conversationType ?? 'personal',
      tenantId: activity.conversation.tenantId ?? activity.channelData?.tenant?.id ?? '',
      name: '',
    },
    ...(kind === 'personal'
      ? {
          user: {
            id: activity.from.id,
            name: activity.from.name ?? '',
            aadObjectId: activity.from.aadObjectId,
          },
        }
      : {}),
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
  return {
    platform: 'teams',
    key: teamsKey(conversationId),
    conversationId,
    kind,
    ...(kind === 'personal' ? { userId: activity.from.aadObjectId ?? activity.from.id } : {}),
    data: reference as Record<string, unknown>,
    updatedAt: at.toISOString(),
  };
}

export function referenceOf(ref: ConversationRef): Partial<ConversationReference> {
  return ref.data as Partial<ConversationReference>;
}

export function tenantOf(ref: ConversationRef): string {
  return referenceOf(ref).conversation?.tenantId || 'unknown';
}
