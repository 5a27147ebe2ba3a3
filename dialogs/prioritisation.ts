import { button, card, message, text } from '../src/bot/cards.ts';
import type { Dialog, DialogContext, StepResult } from '../src/bot/dialog.ts';
import type { Card, TurnResult } from '../src/bot/messages.ts';
import type { Application } from '../src/domain/application.ts';
import type { Call } from '../src/domain/call.ts';
import {
  chiefTrusts,
  lastConfirmed,
  prioritisationList,
  sanitiseOrder,
} from '../src/domain/endorsement-prioritisation.ts';
import { prioritise } from '../src/domain/tracker.ts';
import { viewFor, viewOf, when } from './endorsement-cards.ts';
import { commit, me, records } from './endorsement-commit.ts';
import { refusal } from './endorsement-refusals.ts';
import { str } from './shared.ts';

/**
 * The trust's prioritisation (patient-safety funds): the quality chief or their deputy (configured per
 * trust) orders the trust's applications that have every endorsement, and confirms. The order travels
 * in the buttons; confirming checks it against the stored records again, writes only the ranks that
 * changed (each an audit entry) and tells those applicants.
 */

const D = 'prioritisation';
type TurnNotify = TurnResult['notify'][number];

export interface Scope {
  trust: string;
  call: Call;
  apps: Application[];
  waiting: number;
}

/** The trusts' lists the user orders as quality chief (or deputy); null when they order none. */
export async function scopes(ctx: DialogContext): Promise<Scope[] | null> {
  const trusts = chiefTrusts(ctx.settings?.trustQualityChiefs, me(ctx));
  if (trusts.length === 0) return null;
  const out: Scope[] = [];
  for (const call of ctx.catalog.calls) {
    if (!call.steps.some((s) => s.kind === 'prioritisation')) continue;
    const all = await records(ctx).applicationsOfCall(call.id);
    for (const trust of trusts) {
      const list = prioritisationList(all, call, trust);
      if (list.ready.length > 0 || list.waiting > 0)
        out.push({ trust, call, apps: list.ready, waiting: list.waiting });
    }
  }
  return out;
}

export function trustName(scope: Scope): string {
  return scope.call.trusts.find((t) => t.id === scope.trust)?.name ?? scope.trust;
}

function orderCard(ctx: DialogContext, scope: Scope, order: Application[]): Card {
  const trust = trustName(scope);
  if (order.length === 0) {
    return card(ctx.t('prioritisation.title', { trust }), [text(ctx.t('prioritisation.none', { trust }))]);
  }
  const ids = order.map((a) => a.id);
  // `callApps`: the turn reads the call's applications with its first reads (src/bot/bookkeeping.ts).
  const data = { trust: scope.trust, call: scope.call.id, callApps: scope.call.id, order: ids };
  const blocks = [
    text(scope.call.title[ctx.locale], 'subtle'),
    text(ctx.t('prioritisation.explain')),
    ...order.map((a, i) =>
      text(ctx.t('prioritisation.item', { rank: i + 1, title: a.title, name: a.applicant.name })),
    ),
  ];
  if (scope.waiting > 0)
    blocks.push(text(ctx.t('prioritisation.waiting', { count: scope.waiting }), 'subtle'));
  const last = lastConfirmed(order, scope.call);
  if (last)
    blocks.push(text(ctx.t('prioritisation.confirmed-at', { date: when(viewOf(ctx), last) }), 'subtle'));
  const buttons = [
    button(`${D}.confirm`, ctx.t('prioritisation.button.confirm'), data, 'primary'),
    ...order
      .slice(1)
      .map((a, i) =>
        button(`${D}.up`, ctx.t('prioritisation.button.up', { title: a.title }), { ...data, index: i + 1 }),
      ),
  ];
  return card(ctx.t('prioritisation.title', { trust }), blocks, buttons);
}

async function scopeFor(
  ctx: DialogContext,
  data: Record<string, unknown>,
): Promise<Scope | null | undefined> {
  const all = await scopes(ctx);
  if (all === null) return null;
  return all.find((s) => s.trust === str(data.trust) && s.call.id === str(data.call));
}

async function show(ctx: DialogContext): Promise<StepResult> {
  const all = await scopes(ctx);
  if (all === null) return { state: null, replies: [message(ctx.t('prioritisation.not-chief'))] };
  if (all.length === 0) {
    const trusts = chiefTrusts(ctx.settings?.trustQualityChiefs, me(ctx));
    const call = ctx.catalog.calls.find((c) => c.steps.some((s) => s.kind === 'prioritisation'));
    const trust = call?.trusts.find((t) => t.id === trusts[0])?.name ?? trusts[0] ?? '';
    return { state: null, replies: [message(ctx.t('prioritisation.none', { trust }))] };
  }
  return { state: null, replies: all.map((s) => orderCard(ctx, s, s.apps)) };
}

async function moveUp(ctx: DialogContext, data: Record<string, unknown>): Promise<StepResult> {
  const scope = await scopeFor(ctx, data);
  if (scope === null) return { state: null, replies: [message(ctx.t('prioritisation.not-chief'))] };
  if (!scope) return show(ctx);
  const order = sanitiseOrder(scope.apps, data.order);
  const index = typeof data.index === 'number' ? data.index : -1;
  const moved = order[index];
  const above = order[index - 1];
  if (moved && above) {
    order[index - 1] = moved;
    order[index] = above;
  }
  return { state: null, replies: [orderCard(ctx, scope, order)] };
}

async function confirm(ctx: DialogContext, data: Record<string, unknown>): Promise<StepResult> {
  const scope = await scopeFor(ctx, data);
  if (scope === null) return { state: null, replies: [message(ctx.t('prioritisation.not-chief'))] };
  if (!scope) return show(ctx);
  const order = sanitiseOrder(scope.apps, data.order);
  const shown: unknown[] = Array.isArray(data.order) ? data.order : [];
  const asShown = shown.length === order.length && order.every((a, i) => a.id === shown[i]);
  if (!asShown)
    return {
      state: null,
      replies: [message(ctx.t('prioritisation.changed-list')), orderCard(ctx, scope, order)],
    };
  const { call } = scope;
  const by = me(ctx);
  const changed = order.filter((a, i) => a.priorityRank !== i + 1);
  if (changed.length === 0)
    return {
      state: null,
      replies: [message(ctx.t('prioritisation.unchanged')), orderCard(ctx, scope, order)],
    };
  const notify: TurnNotify[] = [];
  const written: Application[] = [];
  for (const [i, app] of order.entries()) {
    if (app.priorityRank === i + 1) {
      written.push(app);
      continue;
    }
    // prioritise() checks the whole order (one trust, one call, endorsed); only this one is written.
    // The applicant's language is read alongside the write (one round trip).
    const applicantView = viewFor(ctx, app.applicant);
    applicantView.catch(() => undefined);
    const done = await commit(
      ctx,
      app.id,
      (fresh) => {
        const all = prioritise(
          order.map((a) => (a.id === fresh.id ? fresh : a)),
          call,
          { by },
          ctx.now,
        );
        const mine = all[i];
        if (!mine) throw new Error('prioritise returned fewer transitions than applications');
        return mine;
      },
      app,
    );
    if (!done.ok)
      return { state: null, replies: [refusal(ctx, done.reason, done.app), orderCard(ctx, scope, order)] };
    written.push(done.app);
    const view = await applicantView;
    const params = { trust: trustName(scope), title: done.app.title };
    const text_ = ctx.settings?.showPriorityRank
      ? view.t('prioritisation.notice-rank', { ...params, rank: i + 1, count: order.length })
      : view.t('prioritisation.notice', params);
    notify.push({ to: done.app.applicant, message: message(text_), purpose: 'prioritisation.notice' });
  }
  return {
    state: null,
    replies: [
      message(ctx.t('prioritisation.confirmed', { count: notify.length })),
      orderCard(ctx, scope, written),
    ],
    notify,
  };
}

export const prioritisationDialog: Dialog = {
  name: D,
  transient: true,
  triggers: [{ phrases: 'prioritisation.phrases' }],
  step(_state, event, ctx) {
    if (event.kind === 'action' && event.action === 'up') return moveUp(ctx, event.data);
    if (event.kind === 'action' && event.action === 'confirm') return confirm(ctx, event.data);
    return show(ctx);
  },
};
