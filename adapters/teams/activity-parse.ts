import { z } from 'zod';
import type { Inbound } from '../../src/bot/messages.ts';
import type { Locale } from '../../src/domain/call.ts';

/**
 * The parts of a Teams activity the bot reads, parsed leniently at the edge: Teams adds fields
 * freely, so unknown keys pass through and only what we depend on is checked.
 */
const Account = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
});

export const TeamsActivity = z.looseObject({
  type: z.string(),
  id: z.string().optional(),
  name: z.string().optional(),
  serviceUrl: z.string().url(),
  channelId: z.string(),
  from: Account,
  recipient: Account,
  conversation: z.looseObject({
    id: z.string(),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
  text: z.string().optional(),
  locale: z.string().optional(),
  replyToId: z.string().optional(),
  value: z.unknown().optional(),
  action: z.string().optional(),
  membersAdded: z.array(Account).optional(),
  membersRemoved: z.array(Account).optional(),
  entities: z.array(z.looseObject({ type: z.string() })).optional(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string() }).optional() }).optional(),
});
export type TeamsActivity = z.infer<typeof TeamsActivity>;

/** The key under which a card's button data travels, so inputs (merged in at top level) stay apart. */
export const ACTION_KEY = 'midlerbot';

const MAX_INPUT_CHARS = 4000;

/**
 * A card's answers shown as one radio list (card-actions.ts) come back as this action, the chosen
 * index in CHOICE_INPUT and every answer's own press in its data; it is read as the chosen press.
 */
export const CHOOSE_ACTION = 'teams.choose';
export const CHOICE_INPUT = 'midlerbot-choice';

const Choices = z.object({
  options: z
    .array(
      z.object({ action: z.string().min(1).max(100), data: z.record(z.string(), z.unknown()).default({}) }),
    )
    .max(50),
});

const ActionPayload = z.object({
  action: z.string().min(1).max(100),
  data: z.record(z.string(), z.unknown()).default({}),
});

export type TeamsEvent =
  | { kind: 'turn'; inbound: Inbound; invoke: boolean }
  | { kind: 'installed' }
  | { kind: 'uninstalled' }
  | { kind: 'ignored'; reason: string };

export function kindOf(activity: TeamsActivity): Inbound['conversation']['kind'] {
  const type = activity.conversation.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat' || activity.conversation.isGroup) return 'group';
  return 'personal';
}

/** Channel threads carry `;messageid=` in the id; the channel itself is what we address later. */
export function baseConversationId(id: string): string {
  return id.split(';messageid=')[0] ?? id;
}

export function localeOf(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lang = tag.toLowerCase().split(/[-_]/)[0];
  if (lang === 'nb' || lang === 'nn' || lang === 'no') return 'nb';
  if (lang === 'en') return 'en';
  return undefined;
}

function isBotMentioned(activity: TeamsActivity): boolean {
  return (activity.entities ?? []).some((e) => {
    if (e.type !== 'mention') return false;
    const mentioned = (e as { mentioned?: { id?: unknown } }).mentioned;
    return mentioned?.id === activity.recipient.id;
  });
}

/** Removes `<at>Bot</at>` for this bot's mentions (Teams puts the display name, not the id, in text). */
function stripMentions(activity: TeamsActivity, text: string): string {
  let out = text;
  for (const e of activity.entities ?? []) {
    const entity = e as { type: string; mentioned?: { id?: unknown }; text?: unknown };
    if (
      entity.type === 'mention' &&
      entity.mentioned?.id === activity.recipient.id &&
      typeof entity.text === 'string'
    ) {
      out = out.split(entity.text).join('');
    }
  }
  return out
    .replace(/<at>[^<]*<\/at>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function splitAction(value: unknown): Inbound['action'] | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const parsed = ActionPayload.safeParse(record[ACTION_KEY]);
  if (!parsed.success) return undefined;
  const inputs: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(record)) {
    if (key === ACTION_KEY || key === 'msteams') continue;
    // Inputs are untrusted text from the client: only scalars pass, long text is cut; the dialogs
    // validate the business meaning.
    if (typeof v === 'string') inputs[key] = v.slice(0, MAX_INPUT_CHARS);
    else if (typeof v === 'number' || typeof v === 'boolean') inputs[key] = v;
  }
  if (parsed.data.action !== CHOOSE_ACTION) return { id: parsed.data.action, data: parsed.data.data, inputs };
  const options = Choices.safeParse(parsed.data.data);
  const index = String(inputs[CHOICE_INPUT] ?? '');
  const chosen = options.success && /^\d+$/.test(index) ? options.data.options[Number(index)] : undefined;
  delete inputs[CHOICE_INPUT];
  // Nothing chosen (a client that skipped the required check): the engine's own "show me again".
  if (!chosen) return { id: 'engine.resume', data: {}, inputs };
  return { id: chosen.action, data: chosen.data, inputs };
}

/** Turns one authenticated activity into what the bot should do with it. */
export function parseActivity(activity: TeamsActivity, at: Date): TeamsEvent {
  const kind = kindOf(activity);
  const base = {
    platform: 'teams' as const,
    user: {
      // The AAD object id is stable across chats and tenants' Graph; `from.id` is per bot.
      id: activity.from.aadObjectId ?? activity.from.id,
      name: activity.from.name ?? '',
      ...(localeOf(activity.locale) ? { locale: localeOf(activity.locale) } : {}),
    },
    conversation: { id: baseConversationId(activity.conversation.id), kind },
    at,
  };
  // A button pressed on a card of ours answers that message (replyToId), by message or by invoke.
  const actionTurn = (action: NonNullable<Inbound['action']>, invoke: boolean): TeamsEvent => ({
    kind: 'turn',
    invoke,
    inbound: {
      ...base,
      action: { ...action, ...(activity.replyToId ? { messageRef: activity.replyToId } : {}) },
    },
  });
  switch (activity.type) {
    case 'message': {
      const action = splitAction(activity.value);
      if (action) return actionTurn(action, false);
      if (activity.value !== undefined && !activity.text)
        return { kind: 'ignored', reason: 'submit without action' };
      if (kind !== 'personal' && !isBotMentioned(activity))
        return { kind: 'ignored', reason: 'not mentioned' };
      const text = stripMentions(activity, activity.text ?? '');
      if (!text) return { kind: 'ignored', reason: 'empty message' };
      return { kind: 'turn', invoke: false, inbound: { ...base, text } };
    }
    case 'invoke': {
      if (activity.name !== 'adaptiveCard/action')
        return { kind: 'ignored', reason: `invoke ${activity.name ?? ''}` };
      const value = activity.value as
        | { action?: { type?: unknown; verb?: unknown; data?: unknown } }
        | undefined;
      const data = value?.action?.data;
      const action = splitAction(data);
      const verb = value?.action?.verb;
      // The answers' list sends its own verb and is read as the chosen answer (card-actions.ts).
      if (!action || (typeof verb === 'string' && verb !== action.id && verb !== CHOOSE_ACTION)) {
        return { kind: 'ignored', reason: 'card action without a known verb' };
      }
      return actionTurn(action, true);
    }
    case 'conversationUpdate': {
      const botId = activity.recipient.id;
      if (activity.membersAdded?.some((m) => m.id === botId)) return { kind: 'installed' };
      if (activity.membersRemoved?.some((m) => m.id === botId)) return { kind: 'uninstalled' };
      return { kind: 'ignored', reason: 'conversationUpdate for others' };
    }
    case 'installationUpdate':
      return activity.action?.startsWith('remove') ? { kind: 'uninstalled' } : { kind: 'installed' };
    default:
      return { kind: 'ignored', reason: `activity type ${activity.type}` };
  }
}
