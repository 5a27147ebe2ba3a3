import { card, facts, text } from '../src/bot/cards.ts';
import type { DialogContext } from '../src/bot/dialog.ts';
import type { Block, Button, Card } from '../src/bot/messages.ts';
import type { Application, StepState } from '../src/domain/application.ts';
import { asksOwnFinancing, hasAmountRule } from '../src/domain/call-lookup.ts';
import { formatMoney } from '../src/domain/money.ts';
import { callDeadline } from '../src/domain/steps.ts';
import { hasPassed } from '../src/domain/timeline.ts';
import { nextStep } from '../src/domain/tracker.ts';
import { formatDate, formatDeadline } from '../src/i18n/format.ts';
import { applicationNotes } from './call-notes.ts';
import { deadlineQuotes, say } from './shared.ts';

type Shown = Extract<Block, { kind: 'steps' }>['steps'][number]['state'];

const SHOWN: Record<StepState, Shown> = {
  'not-started': 'todo',
  waiting: 'waiting',
  done: 'done',
  declined: 'declined',
  'not-needed': 'skipped',
};

/** One application: facts, every step with its date, and what is next, by when and how many days are left. */
export function applicationCard(ctx: DialogContext, app: Application, buttons: Button[] = []): Card {
  const call = ctx.catalog.get(app.callId);
  const status = ctx.t(`application.status.${app.status}`);
  if (!call) return card(app.title, [facts([[ctx.t('application.fact.status'), status]])], buttons);
  const category = call.categories.find((c) => c.id === app.category);
  const trust = call.trusts.find((t) => t.id === app.applicant.trust);
  const rows: [string, string][] = [
    [ctx.t('application.fact.call'), say(ctx, call.title)],
    [ctx.t('application.fact.category'), category ? say(ctx, category.name) : app.category],
    [ctx.t('application.fact.trust'), trust?.name ?? app.applicant.trust],
    [ctx.t('application.fact.status'), status],
  ];
  const a = app.amount;
  if (a?.requested !== undefined)
    rows.push([ctx.t('application.fact.requested'), formatMoney(a.requested, ctx.locale)]);
  else if (a?.maxRequest !== undefined && hasAmountRule(category))
    rows.push([ctx.t('application.fact.max'), formatMoney(a.maxRequest, ctx.locale)]);
  if (a?.own !== undefined && asksOwnFinancing(category))
    rows.push([ctx.t('application.fact.own'), formatMoney(a.own, ctx.locale)]);
  const next = nextStep(app, call, ctx.now);
  const steps = call.steps.flatMap((data) => {
    const step = app.steps.find((s) => s.id === data.id);
    if (!step || step.state === 'not-needed') return [];
    const due = step.dueAt ? formatDeadline(new Date(step.dueAt), ctx.now, ctx.locale) : undefined;
    const waiting =
      step.state === 'waiting' && step.waitingOn
        ? ctx.t('application.waiting-on', {
            name: step.waitingOn.name,
            since: formatDate(new Date(step.since ?? app.updatedAt), ctx.locale),
          })
        : undefined;
    const detail = [waiting, step.state === 'done' ? undefined : due]
      .filter((x) => x !== undefined)
      .join(' · ');
    const state: Shown =
      next?.step.id === data.id && step.state === 'not-started' ? 'current' : SHOWN[step.state];
    return [{ label: say(ctx, data.label), state, ...(detail ? { detail } : {}) }];
  });
  let nextLine: string;
  const deadline = callDeadline(call);
  const late = app.status === 'draft' && deadline !== null && hasPassed(deadline, ctx.now);
  if (late) nextLine = ctx.t('application.too-late', { date: formatDate(deadline, ctx.locale) });
  else if (!next) nextLine = ctx.t('application.nothing-left');
  else if (!next.dueAt) nextLine = ctx.t('application.next', { step: say(ctx, next.step.label) });
  else {
    const due = formatDeadline(next.dueAt, ctx.now, ctx.locale);
    nextLine = ctx.t(next.overdue ? 'application.next-overdue' : 'application.next-due', {
      step: say(ctx, next.step.label),
      due,
    });
  }
  return card(
    app.title,
    [
      facts(rows),
      { kind: 'steps', steps },
      text(`**${nextLine}**`, late || next?.overdue ? 'attention' : 'normal'),
      ...(late ? deadlineQuotes(ctx, call) : []),
      ...(late ? [] : applicationNotes(ctx, app, call)),
    ],
    buttons,
  );
}
