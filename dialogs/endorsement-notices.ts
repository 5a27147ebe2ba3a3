import { button, card, message, text } from '../src/bot/cards.ts';
import type { DialogContext } from '../src/bot/dialog.ts';
import type { TurnResult } from '../src/bot/messages.ts';
import type { Application } from '../src/domain/application.ts';
import type { Call } from '../src/domain/call.ts';
import { isTypedPerson, requestRefId } from '../src/domain/endorsement-request.ts';
import { leaderCard, staleCard, viewFor } from './endorsement-cards.ts';

/**
 * What an endorsement change sends to the leaders: the request card, the card of an earlier request
 * replaced as no longer current, and the word that an approval no longer counts after a change.
 */

const D = 'endorsement';
type TurnNotify = TurnResult['notify'][number];

/** The leader a step of `app` waits on, with their view; null when none or typed (no chat to reach). */
async function askedLeader(ctx: DialogContext, app: Application, stepId: string) {
  const step = app.steps.find((s) => s.id === stepId);
  const leader = step?.waitingOn;
  if (!step || !leader || isTypedPerson(leader)) return null;
  return { step, leader, view: await viewFor(ctx, leader) };
}

/** The leader's card as a notification, with what the applicant is told if it cannot be delivered. */
export async function leaderNotice(
  ctx: DialogContext,
  app: Application,
  call: Call,
  stepId: string,
): Promise<TurnNotify | null> {
  const asked = await askedLeader(ctx, app, stepId);
  if (!asked) return null;
  const { step, leader, view } = asked;
  const unreachable = card(
    undefined,
    [text(ctx.t(`endorsement.unreachable.${ctx.platform}`, { name: leader.name }), 'warning')],
    [
      button(`${D}.resend`, ctx.t('endorsement.button.resend', { name: leader.name }), {
        app: app.id,
        step: stepId,
      }),
    ],
  );
  return {
    to: { platform: leader.platform, userId: leader.userId },
    message: leaderCard(view, app, call, step),
    purpose: 'endorsement.request',
    refId: requestRefId(app.id, stepId, step.round),
    unreachable,
  };
}

/** Marks the card of an earlier request as no longer current (withdrawn or replaced). */
export async function staleNotice(
  ctx: DialogContext,
  app: Application,
  before: Application,
  stepId: string,
): Promise<TurnNotify | null> {
  const asked = await askedLeader(ctx, before, stepId);
  if (!asked) return null;
  const { step: old, leader, view } = asked;
  const refId = requestRefId(app.id, stepId, old.round);
  return {
    to: leader,
    message: staleCard(view, app, stepId, old.round ?? 0),
    purpose: 'endorsement.stale',
    refId,
    update: true,
  };
}

/**
 * What leaders are told when a change voids their part: a pending request's card is replaced (it is
 * no longer current), and a leader who had approved is told the approval no longer counts.
 */
export async function voidedNotices(
  ctx: DialogContext,
  before: Application,
  after: Application,
): Promise<TurnNotify[]> {
  const notify: TurnNotify[] = [];
  for (const step of before.steps) {
    const now = after.steps.find((s) => s.id === step.id);
    if (now?.state !== 'not-started') continue;
    if (step.state === 'waiting') {
      const notice = await staleNotice(ctx, after, before, step.id);
      if (notice) notify.push(notice);
    } else if (step.state === 'done' && step.decidedBy && !isTypedPerson(step.decidedBy)) {
      const leader = step.decidedBy;
      const view = await viewFor(ctx, leader);
      const text = view.t('endorsement.leader.voided', { title: after.title, name: after.applicant.name });
      notify.push({
        to: { platform: leader.platform, userId: leader.userId },
        message: message(text),
        purpose: 'endorsement.voided',
      });
    }
  }
  return notify;
}
