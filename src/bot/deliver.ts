import type { Platform } from '../domain/application.ts';
import type { DialogState, Store } from '../store/store.ts';
import type { Inbound, Outbound, SentRef, TurnResult } from './messages.ts';

export type { SentRef } from './messages.ts';

import type { Sender, SendResult } from './ports.ts';

/**
 * Delivery of a turn's notifications (`TurnResult.notify`) after the engine has committed: new
 * messages go through the recipient platform's Sender and their message refs are remembered under
 * the notification's `refId`; `update` notifications replace those remembered messages (a decided or
 * withdrawn endorsement card). A recipient who cannot be reached costs nobody their reply: the
 * notification's `unreachable` text is added to the replies of the person who caused it.
 */

/** The part of a pino logger delivery uses. */
export interface DeliverLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export type Senders = Partial<Record<Platform, Sender>> | (() => ReadonlyMap<Platform, Sender>);

export interface DeliverDeps {
  senders: Senders;
  store: Store;
  log?: DeliverLog;
  /** Called with every send or update outcome (metrics). */
  onResult?: (platform: Platform, result: SendResult) => void;
}

/** Remembered refs live as dialog-state records owned by the recipient, so "delete my data" removes them. */
const REF_TTL_SECONDS = 180 * 24 * 3600;
const REF_DIALOG = 'sent-refs';
const refKey = (refId: string) => `sent:${refId}`;

function senderOf(senders: Senders, platform: Platform): Sender | undefined {
  return typeof senders === 'function' ? senders().get(platform) : senders[platform];
}

export async function readSentRefs(store: Store, refId: string): Promise<SentRef[]> {
  const state = await store.getDialog(refKey(refId));
  const refs = state?.answers.refs;
  return Array.isArray(refs) ? (refs as SentRef[]) : [];
}

async function rememberRef(store: Store, refId: string, ref: SentRef): Promise<void> {
  const refs = [...(await readSentRefs(store, refId)).filter((r) => r.messageRef !== ref.messageRef), ref];
  const state: DialogState = { dialog: REF_DIALOG, step: 'sent', answers: { refs }, version: refs.length };
  await store.putDialog(refKey(refId), state, REF_TTL_SECONDS, {
    platform: ref.platform,
    userId: ref.userId,
  });
}

/** The conversation a personal message went to, as the Sender's `update` wants it. */
async function conversationKeyOf(
  store: Store,
  platform: Platform,
  userId: string,
  messageRef: string,
): Promise<string> {
  const personal = await store.getPersonalRef(platform, userId);
  if (personal) return personal.key;
  const channel = messageRef.split('/')[0] ?? '';
  return `${platform}:${channel}`;
}

type Note = TurnResult['notify'][number];

async function deliverOne(
  note: Note,
  event: Inbound,
  turn: Pick<TurnResult, 'sentRefs'>,
  deps: DeliverDeps,
): Promise<Outbound[]> {
  const { store, log } = deps;
  const sender = senderOf(deps.senders, note.to.platform);
  const where = { to: note.to, purpose: note.purpose, refId: note.refId };
  if (note.update) {
    if (!note.refId || !sender) return [];
    const known = turn.sentRefs?.[note.refId];
    for (const ref of known ?? (await readSentRefs(store, note.refId))) {
      // The clicked message is already replaced by the reply to the click itself.
      if (ref.messageRef === event.action?.messageRef) continue;
      const result = await sender.update(ref.conversationKey, ref.messageRef, note.message);
      deps.onResult?.(note.to.platform, result);
      if (!result.ok) log?.warn({ ...where, reason: result.reason }, 'card update not delivered');
    }
    return [];
  }
  if (!sender) {
    log?.warn(where, 'no sender for the platform; notification not delivered');
    return note.unreachable ? [note.unreachable] : [];
  }
  const result = await sender.sendToUser(note.to.userId, note.message);
  deps.onResult?.(note.to.platform, result);
  if (result.ok) {
    if (note.refId && result.messageRef) {
      const conversationKey = await conversationKeyOf(
        store,
        note.to.platform,
        note.to.userId,
        result.messageRef,
      );
      await rememberRef(store, note.refId, { ...note.to, conversationKey, messageRef: result.messageRef });
    }
    return [];
  }
  log?.warn({ ...where, reason: result.reason }, 'notification not delivered');
  return (result.reason === 'not-installed' || result.reason === 'gone') && note.unreachable
    ? [note.unreachable]
    : [];
}

/**
 * Delivers the turn's notifications one by one (a failing one never stops the others) and returns
 * the replies to add for recipients who could not be reached.
 */
export async function deliverNotifications(
  event: Inbound,
  result: TurnResult,
  deps: DeliverDeps,
): Promise<Outbound[]> {
  const extra: Outbound[] = [];
  for (const note of result.notify) {
    try {
      extra.push(...(await deliverOne(note, event, result, deps)));
    } catch (e) {
      deps.log?.error({ err: e, to: note.to, purpose: note.purpose }, 'notification failed');
      if (!note.update && note.unreachable) extra.push(note.unreachable);
    }
  }
  return extra;
}
