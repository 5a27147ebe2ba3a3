import { button, card, message, text } from '../src/bot/cards.ts';
import type { Dialog, DialogContext, StepResult } from '../src/bot/dialog.ts';
import type { Outbound, TurnResult } from '../src/bot/messages.ts';
import type { Application, ApplicationStep } from '../src/domain/application.ts';
import type { Call } from '../src/domain/call.ts';
import { endorsementSteps, requestRefId } from '../src/domain/endorsement-request.ts';
import { missingRequirements, samePerson } from '../src/domain/steps.ts';
import { decideEndorsement, type EndorsementDecision } from '../src/domain/tracker.ts';
import {
  applicantNotice,
  decidedCard,
  leaderCard,
  outcomeLine,
  staleCard,
  type View,
  viewFor,
  viewOf,
  when,
} from './endorsement-cards.ts';
import { commit, me, records } from './endorsement-commit.ts';
import { type Scope, scopes, trustName } from './prioritisation.ts';
import { num, say, str } from './shared.ts';

/**
 * The leader's side: decide on a request from its card (approve, decline with a reason, or ask for
 * more information) and list what waits on them. The decider is the authenticated user of the turn,
 * never anyone named in the button data; the button only says which request the card shows.
 */

const D = 'leader';
const DECISIONS = new Set<string>(['approve', 'decline', 'more-info']);

type TurnNotify = TurnResult['notify'][number];

function reply(...replies: Outbound[]): StepResult {
  return { state: null, replies };
}

/** A decided card for the clicked message and, when the leader decided elsewhere, for the stored card. */
function decidedReplies(
  ctx: DialogContext,
  app: Application,
  call: Call,
  step: ApplicationStep,
  messageRef: string | undefined,
): Outbound[] {
  return [decidedCard(viewOf(ctx), app, call, step, messageRef)];
}

async function decide(
  ctx: DialogContext,
  data: Record<string, unknown>,
  inputs: Record<string, unknown>,
  messageRef: string | undefined,
): Promise<StepResult> {
  const r = records(ctx);
  const appId = str(data.app) ?? '';
  const stepId = str(data.step) ?? '';
  const round = num(data.round) ?? 0;
  const decision = str(data.decision) ?? '';
  const comment = str(inputs.comment)?.trim() ?? '';
  if (!DECISIONS.has(decision)) return reply(message(ctx.t('engine.unknown-action')));
  const app = await r.getApplication(appId);
  const call = app ? ctx.catalog.get(app.callId) : undefined;
  const step = app?.steps.find((s) => s.id === stepId);
  if (!app || !call || !step) return reply(message(ctx.t('endorsement.leader.gone')));
  const view = viewOf(ctx);
  const asked = step.waitingOn;
  const current = (step.round ?? 0) === round;
  // Someone other than the person asked changes nothing and sees nothing new on the card.
  if (current && step.state === 'waiting' && !samePerson(asked, me(ctx))) {
    return reply(message(ctx.t('endorsement.leader.not-you', { name: asked?.name ?? '' })));
  }
  if (current && (step.state === 'done' || step.state === 'declined')) {
    if (!samePerson(step.decidedBy, me(ctx)))
      return reply(message(ctx.t('endorsement.leader.not-you-decided')));
    return reply(
      message(ctx.t('endorsement.leader.already')),
      ...decidedReplies(ctx, app, call, step, messageRef),
    );
  }
  if (!current || step.state !== 'waiting') {
    return reply(staleCard(view, app, stepId, round, messageRef));
  }
  if (decision === 'decline' && comment === '') {
    return reply(
      leaderCard(view, app, call, step, {
        errors: { comment: ctx.t('endorsement.leader.error.comment-required') },
        ...(messageRef ? { replaces: messageRef } : {}),
      }),
    );
  }
  if (decision === 'more-info' && comment === '') {
    return reply(
      leaderCard(view, app, call, step, {
        errors: { comment: ctx.t('endorsement.leader.error.question-required') },
        ...(messageRef ? { replaces: messageRef } : {}),
      }),
    );
  }
  if (decision === 'more-info' && step.question === comment && step.answer === undefined) {
    return reply(leaderCard(view, app, call, step, messageRef ? { replaces: messageRef } : {}));
  }
  // One decision per record version: the compare-and-set write lets one of a double click, a retried
  // invoke or two replicas win; the others re-read, find the step decided and show what the winner
  // recorded (`refused`). The applicant's language is read alongside the write (one round trip).
  const input = { step: stepId, decision: decision as EndorsementDecision, by: me(ctx), comment, round };
  const applicantView = viewFor(ctx, app.applicant);
  applicantView.catch(() => undefined);
  const done = await commit(ctx, appId, (a) => decideEndorsement(a, call, input, ctx.now), app);
  if (!done.ok) return refused(ctx, done.reason, done.app, call, stepId, round, messageRef);
  const after = done.app.steps.find((s) => s.id === stepId) ?? step;
  return recorded(ctx, done.app, call, step, after, messageRef, await applicantView);
}

async function recorded(
  ctx: DialogContext,
  app: Application,
  call: Call,
  before: ApplicationStep,
  after: ApplicationStep,
  messageRef: string | undefined,
  applicantView: View,
): Promise<StepResult> {
  const view = viewOf(ctx);
  const moreInfo = after.state === 'waiting';
  const card = moreInfo
    ? leaderCard(view, app, call, after, messageRef ? { replaces: messageRef } : {})
    : decidedCard(view, app, call, after, messageRef);
  const applicant = app.applicant;
  const { replaces: _clicked, ...stored } = card;
  const notify: TurnNotify[] = [
    {
      to: applicant,
      message: applicantNotice(applicantView, app, call, before, after),
      purpose: `endorsement.${moreInfo ? 'more-info' : after.state}`,
    },
    // The card may also be open elsewhere (sent earlier, decided here from the pending list).
    {
      to: me(ctx),
      message: stored,
      purpose: 'endorsement.decided',
      refId: requestRefId(app.id, after.id, after.round),
      update: true,
    },
  ];
  if (after.state === 'done') notify.push(...(await readyToPrioritise(ctx, app, call)));
  const outcome = moreInfo
    ? ctx.t('endorsement.leader.outcome.more-info', {
        name: ctx.user.name,
        date: when(view, ctx.now.toISOString()),
      })
    : outcomeLine(view, after);
  return {
    state: null,
    replies: [card, message(ctx.t('endorsement.leader.recorded', { outcome, name: applicant.name }))],
    notify,
  };
}

/**
 * The last endorsement in place makes the application ready for its trust's order: the quality chief
 * (and deputy) configured for the trust are told, with the button that opens the order.
 */
async function readyToPrioritise(ctx: DialogContext, app: Application, call: Call): Promise<TurnNotify[]> {
  const step = call.steps.find((s) => s.kind === 'prioritisation');
  const now = step ? app.steps.find((s) => s.id === step.id) : undefined;
  if (!step || now?.state !== 'not-started' || missingRequirements(app, call, step.id).length > 0) return [];
  const setting = ctx.settings?.trustQualityChiefs?.[app.applicant.trust];
  const people = [setting?.chief, setting?.deputy].filter((p) => p !== undefined);
  const trust = call.trusts.find((t) => t.id === app.applicant.trust)?.name ?? app.applicant.trust;
  const out: TurnNotify[] = [];
  for (const person of people) {
    const view = await viewFor(ctx, person);
    out.push({
      to: { platform: person.platform, userId: person.userId },
      message: card(
        view.t('prioritisation.ready.title', { trust }),
        [text(view.t('prioritisation.ready.text', { title: app.title, name: app.applicant.name }))],
        [button('prioritisation.start', view.t('prioritisation.ready.button'), undefined, 'primary')],
      ),
      purpose: 'prioritisation.ready',
    });
  }
  return out;
}

function refused(
  ctx: DialogContext,
  reason: string,
  app: Application | null,
  call: Call,
  stepId: string,
  round: number,
  messageRef: string | undefined,
): StepResult {
  if (!app) return reply(message(ctx.t('endorsement.leader.gone')));
  const step = app.steps.find((s) => s.id === stepId);
  switch (reason) {
    case 'after-deadline':
      return reply(message(ctx.t('endorsement.leader.after-deadline')));
    case 'not-draft':
      return reply(
        message(ctx.t('endorsement.leader.not-draft', { status: ctx.t(`application.status.${app.status}`) })),
      );
    case 'not-the-named-leader':
      return reply(message(ctx.t('endorsement.leader.not-you', { name: step?.waitingOn?.name ?? '' })));
    case 'not-waiting':
    case 'request-not-current':
      if (step && (step.state === 'done' || step.state === 'declined') && (step.round ?? 0) === round) {
        return reply(
          message(ctx.t('endorsement.leader.already')),
          ...decidedReplies(ctx, app, call, step, messageRef),
        );
      }
      return reply(staleCard(viewOf(ctx), app, stepId, round, messageRef));
    default:
      return reply(message(ctx.t('endorsement.refused.generic')));
  }
}

/** "Hva venter på meg?": a decision card for every request waiting on the user. */
async function pending(ctx: DialogContext): Promise<StepResult> {
  const apps = await records(ctx).waitingOnMe();
  const cards: Outbound[] = [];
  for (const app of apps) {
    const call = ctx.catalog.get(app.callId);
    if (!call) continue;
    for (const { step } of endorsementSteps(app, call)) {
      if (step.state === 'waiting' && samePerson(step.waitingOn, me(ctx)))
        cards.push(leaderCard(viewOf(ctx), app, call, step));
    }
  }
  // A quality chief's applications waiting for the trust's prioritisation wait on them too.
  const ranking = await waitingForRanking(ctx);
  if (cards.length === 0 && ranking.length === 0) return reply(message(ctx.t('endorsement.pending.none')));
  const count = cards.length + ranking.reduce((n, s) => n + s.apps.length, 0);
  return reply(
    message(`**${ctx.t('endorsement.pending.title', { count })}**`),
    ...cards,
    ...ranking.map((scope) =>
      card(
        ctx.t('prioritisation.ready.title', { trust: trustName(scope) }),
        [
          text(ctx.t('endorsement.pending.ranking', { call: say(ctx, scope.call.title) })),
          text(scope.apps.map((a) => `- ${a.title} (${a.applicant.name})`).join('\n')),
        ],
        [button('prioritisation.start', ctx.t('prioritisation.ready.button'), undefined, 'primary')],
      ),
    ),
  );
}

async function waitingForRanking(ctx: DialogContext): Promise<Scope[]> {
  return ((await scopes(ctx)) ?? []).filter((s) => s.apps.length > 0);
}

export const leaderDialog: Dialog = {
  name: D,
  transient: true,
  triggers: [{ phrases: 'endorsement.phrases.pending' }],
  step(_state, event, ctx) {
    if (event.kind === 'action' && event.action === 'decide')
      return decide(ctx, event.data, event.inputs, event.messageRef);
    return pending(ctx);
  },
};
