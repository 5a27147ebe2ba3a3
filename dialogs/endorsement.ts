import { button, card, message, text } from '../src/bot/cards.ts';
import type { Dialog, DialogContext, DialogEvent, StepResult } from '../src/bot/dialog.ts';
import type { Outbound, TurnResult } from '../src/bot/messages.ts';
import type { Application, Person } from '../src/domain/application.ts';
import type { Transition } from '../src/domain/application-audit.ts';
import type { Call } from '../src/domain/call.ts';
import {
  askable,
  type EndorsementStep,
  endorsementSteps,
  isTypedPerson,
  pickedId,
  readPickedPerson,
  requestRefId,
  stepsBeforeAsking,
} from '../src/domain/endorsement-request.ts';

import {
  answerQuestion,
  markStepDone,
  replaceLeader,
  requestEndorsement,
  withdrawRequest,
} from '../src/domain/tracker.ts';
import { answerCard, leaderCard, viewFor, viewOf } from './endorsement-cards.ts';
import {
  type Committed,
  commit,
  type Loaded,
  loadOwnApplication,
  me,
  records,
} from './endorsement-commit.ts';
import { leaderNotice, staleNotice } from './endorsement-notices.ts';
import {
  amountMissing,
  nameInput,
  overviewCard,
  personInput,
  replaceCard,
  roleName,
} from './endorsement-overview.ts';
import { refusal } from './endorsement-refusals.ts';
import { str } from './shared.ts';

/**
 * The applicant's side of endorsements: ask the leaders the call requires, see who it waits on,
 * answer a question, send again, withdraw, or send the request to someone else. Transient: every
 * button carries the application id and every action re-reads the record and checks who acts.
 */

const D = 'endorsement';
type TurnNotify = TurnResult['notify'][number];
type Refused = Extract<Committed, { ok: false }>;

async function load(ctx: DialogContext, appId: string | undefined): Promise<Loaded> {
  const loaded = await loadOwnApplication(ctx, appId, 'endorsement.not-yours');
  if ('result' in loaded) return loaded;
  const { app, call } = loaded;
  if (endorsementSteps(app, call).length === 0) {
    return { result: { state: null, replies: [message(ctx.t('endorsement.none-needed'))] } };
  }
  return { app, call };
}

function overview(
  ctx: DialogContext,
  app: Application,
  call: Call,
  notes: Outbound[] = [],
  errors?: Record<string, string>,
): StepResult {
  return { state: null, replies: [...notes, overviewCard(ctx, app, call, errors)] };
}

/** Commits the applicant's `transition` of the application (commit: re-read and retried on a race). */
function act<I>(
  ctx: DialogContext,
  app: Application,
  call: Call,
  transition: (a: Application, call: Call, input: I, now: Date) => Transition,
  input: I,
  first: Application = app,
): Promise<Committed> {
  return commit(ctx, app.id, (a) => transition(a, call, input, ctx.now), first);
}

/** The overview again, with what the tracker refused and why. */
function refused(ctx: DialogContext, done: Refused, fallback: Application, call: Call): StepResult {
  return overview(ctx, done.app ?? fallback, call, [refusal(ctx, done.reason, done.app)]);
}

async function start(ctx: DialogContext, appId: string | undefined): Promise<StepResult> {
  if (appId) {
    const loaded = await load(ctx, appId);
    return 'result' in loaded ? loaded.result : overview(ctx, loaded.app, loaded.call);
  }
  const mine = (await ctx.effects.myApplications()).filter((app) => {
    const call = ctx.catalog.get(app.callId);
    return (
      app.status === 'draft' &&
      call !== undefined &&
      endorsementSteps(app, call).some((s) => s.step.state !== 'done')
    );
  });
  const only = mine[0];
  if (!only) {
    return {
      state: null,
      replies: [
        card(
          ctx.t('endorsement.title'),
          [text(ctx.t('endorsement.no-applications'))],
          [button('application.start', ctx.t('help.button.application'), undefined, 'primary')],
        ),
      ],
    };
  }
  if (mine.length === 1) return start(ctx, only.id);
  const buttons = mine.map((app) => button(`${D}.request`, app.title, { app: app.id }));
  return {
    state: null,
    replies: [card(ctx.t('endorsement.title'), [text(ctx.t('endorsement.choose-application'))], buttons)],
  };
}

type People = Extract<DialogEvent, { kind: 'action' }>['people'];

/** The name the adapter looked up this turn for a picked person (adapters/teams|slack/people.ts), cleaned. */
function lookedUpName(people: People, id: string): string | undefined {
  const name = people && Object.hasOwn(people, id) ? people[id]?.name : undefined;
  return typeof name === 'string' ? str(name.trim().replace(/\s+/g, ' ').slice(0, 120)) : undefined;
}

/**
 * Who the applicant picked for a step: a platform user or a typed name. A platform user is named by
 * their stored profile (they talked to the bot), else the name the adapter looked up this turn, else
 * the name typed next to the picker, else the role they are asked in.
 */
async function picked(
  ctx: DialogContext,
  s: EndorsementStep,
  inputs: Record<string, unknown>,
  people: People,
) {
  const raw = inputs[personInput(s.data.id)];
  const typed = str(str(inputs[nameInput(s.data.id)])?.trim());
  const id = pickedId(ctx.platform, raw);
  const known = id ? (await records(ctx).profileOf({ platform: ctx.platform, userId: id }))?.name : undefined;
  const lookedUp = id ? lookedUpName(people, id) : undefined;
  return readPickedPerson(ctx.platform, raw, typed, known ?? lookedUp ?? typed ?? roleName(ctx, s));
}

async function send(
  ctx: DialogContext,
  app: Application,
  call: Call,
  inputs: Record<string, unknown>,
  people: People,
): Promise<StepResult> {
  const open = app.status === 'draft' ? askable(endorsementSteps(app, call)) : [];
  const firstOpen = open[0];
  // No request without the amount where the call has an amount rule: the overview says so and offers the edit form.
  if (!firstOpen || amountMissing(app, call)) return overview(ctx, app, call);
  const note = str(inputs.note)?.trim();
  const chosen: { s: EndorsementStep; leader: Person; typed: boolean }[] = [];
  for (const s of open) {
    const p = await picked(ctx, s, inputs, people);
    if (p.kind !== 'none') chosen.push({ s, leader: p.person, typed: p.kind === 'typed' });
  }
  if (chosen.length === 0)
    return overview(ctx, app, call, [], {
      [personInput(firstOpen.data.id)]: ctx.t('endorsement.error.no-person'),
    });
  let current = app;
  const notify: TurnNotify[] = [];
  const notes: Outbound[] = [];
  const sentTo: string[] = [];
  for (const { s, leader, typed } of chosen) {
    const input = { step: s.data.id, leader, by: me(ctx), ...(note ? { note } : {}) };
    const done = await act(ctx, app, call, requestEndorsement, input, current);
    if (!done.ok) {
      if (done.reason === 'leader-is-applicant' && done.app) {
        return overview(ctx, done.app, call, notes, {
          [personInput(s.data.id)]: ctx.t('endorsement.error.self'),
        });
      }
      notes.push(refusal(ctx, done.reason, done.app));
      if (done.app) current = done.app;
      continue;
    }
    current = done.app;
    sentTo.push(leader.name);
    if (typed) notes.push(message(ctx.t('endorsement.typed', { name: leader.name })));
    const notice = await leaderNotice(ctx, current, call, s.data.id);
    if (notice) notify.push(notice);
  }
  const head = sentTo.length > 0 ? [message(ctx.t('endorsement.sent', { names: sentTo.join(', ') }))] : [];
  return { ...overview(ctx, current, call, [...head, ...notes]), notify };
}

async function ready(ctx: DialogContext, app: Application, call: Call): Promise<StepResult> {
  const first = askable(endorsementSteps(app, call))[0];
  let current = app;
  for (const stepId of first ? stepsBeforeAsking(app, call, first.data.id) : []) {
    const done = await act(ctx, app, call, markStepDone, { step: stepId, by: me(ctx) }, current);
    if (!done.ok) return refused(ctx, done, current, call);
    current = done.app;
  }
  return overview(ctx, current, call);
}

async function withdraw(
  ctx: DialogContext,
  app: Application,
  call: Call,
  stepId: string,
): Promise<StepResult> {
  const done = await act(ctx, app, call, withdrawRequest, { step: stepId, by: me(ctx) });
  if (!done.ok) return refused(ctx, done, app, call);
  const name = done.before.steps.find((s) => s.id === stepId)?.waitingOn?.name ?? '';
  const stale = await staleNotice(ctx, done.app, done.before, stepId);
  return {
    ...overview(ctx, done.app, call, [message(ctx.t('endorsement.withdrawn', { name }))]),
    notify: stale ? [stale] : [],
  };
}

async function replace(
  ctx: DialogContext,
  app: Application,
  call: Call,
  stepId: string,
  inputs: Record<string, unknown>,
  people: People,
): Promise<StepResult> {
  const s = endorsementSteps(app, call).find((x) => x.data.id === stepId);
  if (s?.step.state !== 'waiting') return overview(ctx, app, call, [refusal(ctx, 'not-waiting', app)]);
  const p = await picked(ctx, s, inputs, people);
  const field = personInput(stepId);
  if (p.kind === 'none')
    return {
      state: null,
      replies: [replaceCard(ctx, app, call, s, { [field]: ctx.t('endorsement.error.no-person') })],
    };
  const done = await act(ctx, app, call, replaceLeader, { step: stepId, leader: p.person, by: me(ctx) });
  if (!done.ok) {
    if (done.reason === 'same-leader' || done.reason === 'leader-is-applicant') {
      const key = done.reason === 'same-leader' ? 'endorsement.error.same-leader' : 'endorsement.error.self';
      return { state: null, replies: [replaceCard(ctx, done.app ?? app, call, s, { [field]: ctx.t(key) })] };
    }
    return refused(ctx, done, app, call);
  }
  const old = s.step.waitingOn?.name ?? '';
  const notes = [message(ctx.t('endorsement.replaced', { old, name: p.person.name }))];
  if (p.kind === 'typed') notes.push(message(ctx.t('endorsement.typed', { name: p.person.name })));
  const notify = [
    await staleNotice(ctx, done.app, done.before, stepId),
    await leaderNotice(ctx, done.app, call, stepId),
  ];
  return { ...overview(ctx, done.app, call, notes), notify: notify.filter((n) => n !== null) };
}

async function answer(
  ctx: DialogContext,
  app: Application,
  call: Call,
  stepId: string,
  inputs: Record<string, unknown>,
): Promise<StepResult> {
  const step = app.steps.find((s) => s.id === stepId);
  if (step?.state !== 'waiting' || !step.question)
    return overview(ctx, app, call, [refusal(ctx, 'not-waiting', app)]);
  const text_ = str(inputs.answer)?.trim() ?? '';
  if (text_ === '')
    return {
      state: null,
      replies: [
        answerCard(viewOf(ctx), app, call, step, { answer: ctx.t('endorsement.error.answer-required') }),
      ],
    };
  const done = await act(ctx, app, call, answerQuestion, { step: stepId, by: me(ctx), answer: text_ });
  if (!done.ok) return refused(ctx, done, app, call);
  const after = done.app.steps.find((s) => s.id === stepId);
  const leader = after?.waitingOn;
  const notify: TurnNotify[] = [];
  if (after && leader && !isTypedPerson(leader)) {
    const view = await viewFor(ctx, leader);
    const to = { platform: leader.platform, userId: leader.userId };
    const refId = requestRefId(app.id, stepId, after.round);
    notify.push({
      to,
      message: leaderCard(view, done.app, call, after),
      purpose: 'endorsement.answer',
      refId,
      update: true,
    });
    const told = view.t('endorsement.leader.new-answer', {
      name: app.applicant.name,
      title: app.title,
      answer: text_,
    });
    notify.push({ to, message: message(told), purpose: 'endorsement.answer' });
  }
  return {
    ...overview(ctx, done.app, call, [message(ctx.t('endorsement.answered', { name: leader?.name ?? '' }))]),
    notify,
  };
}

async function resend(ctx: DialogContext, app: Application, call: Call, stepId: string): Promise<StepResult> {
  const notice = await leaderNotice(ctx, app, call, stepId);
  if (!notice) return overview(ctx, app, call, [refusal(ctx, 'not-waiting', app)]);
  const name = app.steps.find((s) => s.id === stepId)?.waitingOn?.name ?? '';
  return { state: null, replies: [message(ctx.t('endorsement.resent', { name }))], notify: [notice] };
}

export const endorsementDialog: Dialog = {
  name: D,
  transient: true,
  triggers: [{ phrases: 'endorsement.phrases.request' }],
  async step(_state, event, ctx) {
    if (event.kind === 'start') return start(ctx, str(event.args.app));
    if (event.kind !== 'action') return start(ctx, undefined);
    const loaded = await load(ctx, str(event.data.app));
    if ('result' in loaded) return loaded.result;
    const { app, call } = loaded;
    const stepId = str(event.data.step) ?? '';
    switch (event.action) {
      case 'send':
        return send(ctx, app, call, event.inputs, event.people);
      case 'ready':
        return ready(ctx, app, call);
      case 'withdraw':
        return withdraw(ctx, app, call, stepId);
      case 'replace': {
        const s = endorsementSteps(app, call).find((x) => x.data.id === stepId && x.step.state === 'waiting');
        return s ? { state: null, replies: [replaceCard(ctx, app, call, s)] } : overview(ctx, app, call);
      }
      case 'replace-send':
        return replace(ctx, app, call, stepId, event.inputs, event.people);
      case 'answer-form': {
        const step = app.steps.find((s) => s.id === stepId && s.state === 'waiting' && s.question);
        return step
          ? { state: null, replies: [answerCard(viewOf(ctx), app, call, step)] }
          : overview(ctx, app, call);
      }
      case 'answer':
        return answer(ctx, app, call, stepId, event.inputs);
      case 'resend':
        return resend(ctx, app, call, stepId);
      default:
        return overview(ctx, app, call);
    }
  },
};
