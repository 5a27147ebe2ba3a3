import { button, card, text } from '../src/bot/cards.ts';
import type { DialogContext, StepResult } from '../src/bot/dialog.ts';
import type { Block, Button, Card, TextMessage } from '../src/bot/messages.ts';
import { applicantActions, isLate } from '../src/domain/applicant-actions.ts';
import type { Application } from '../src/domain/application.ts';
import type { Call } from '../src/domain/call.ts';
import { asksOwnFinancing, hasAmountRule } from '../src/domain/call-lookup.ts';
import { formatMoney } from '../src/domain/money.ts';
import { localDate } from '../src/domain/timeline.ts';
import { formatDeadline } from '../src/i18n/format.ts';
import { applicationCard } from './application-card.ts';
import { endorsementButtons } from './endorsement-overview.ts';
import { say } from './shared.ts';

const D = 'progress';

function stepLabel(ctx: DialogContext, call: Call, stepId: string): string {
  const data = call.steps.find((s) => s.id === stepId);
  return data ? say(ctx, data.label) : stepId;
}

/**
 * The buttons under an application card: the applicant's next action first, then endorsements, then
 * withdrawing. Every button carries the application id; the dialog re-reads it and checks who acts.
 */
export function applicationButtons(ctx: DialogContext, app: Application): Button[] {
  const call = ctx.catalog.get(app.callId);
  if (!call) return [];
  const data = { app: app.id };
  const next: Button[] = [];
  let withdraw: Button | undefined;
  let edit: Button | undefined;
  for (const action of applicantActions(app, call, ctx.now)) {
    switch (action.kind) {
      case 'check':
        next.push(
          button(
            'eligibility.start',
            ctx.t('progress.button.check'),
            { callId: call.id, category: app.category, app: app.id },
            'primary',
          ),
        );
        break;
      case 'done':
        next.push(
          button(
            `${D}.done`,
            ctx.t('progress.button.done', { step: stepLabel(ctx, call, action.step) }),
            { ...data, step: action.step },
            next.length === 0 ? 'primary' : undefined,
          ),
        );
        break;
      case 'submit':
        next.push(button(`${D}.submit`, ctx.t('progress.button.submit'), data, 'primary'));
        break;
      case 'award':
        next.push(button(`${D}.award`, ctx.t('progress.button.award'), data, 'primary'));
        break;
      case 'edit':
        edit = button(`${D}.edit`, ctx.t('progress.button.edit'), data);
        break;
      case 'withdraw':
        withdraw = button(`${D}.withdraw`, ctx.t('progress.button.withdraw'), data, 'danger');
        break;
    }
  }
  return [...next, ...endorsementButtons(ctx, app), ...(edit ? [edit] : []), ...(withdraw ? [withdraw] : [])];
}

/**
 * What an application-card action answers: the card as it is now, with the applicant's buttons and
 * the action's note (what was done, or why not) as its first text. One message, so each platform
 * replaces the pressed card with it in place, note included (docs/tracker.md).
 */
export function showApplication(ctx: DialogContext, app: Application, note?: Block): StepResult {
  const shown = applicationCard(ctx, app, applicationButtons(ctx, app));
  return { state: null, replies: [note ? { ...shown, blocks: [note, ...shown.blocks] } : shown] };
}

/** The note of an action that went through. */
export const doneNote = (said: string): Block => text(said, 'good');

/** The note of an action the tracker refused (progress-refusals.ts). */
export const refusedNote = (refusal: TextMessage): Block => text(refusal.text, 'attention');

/**
 * "Is it submitted?" Before the deadline a confirmation; after it, for an application submitted in
 * the portal in time but not recorded here, the day it went in is asked (on or before the deadline).
 */
export function submitCard(
  ctx: DialogContext,
  app: Application,
  call: Call,
  stepId: string,
  error?: string,
): Card {
  const due = app.steps.find((s) => s.id === stepId)?.dueAt;
  const late = isLate(call, ctx.now);
  const params = {
    title: app.title,
    step: stepLabel(ctx, call, stepId),
    due: due ? formatDeadline(new Date(due), ctx.now, ctx.locale) : '–',
  };
  const shown = card(
    ctx.t('progress.submit.title'),
    [text(ctx.t(late ? 'progress.submit.late-text' : 'progress.submit.text', params))],
    [
      button(`${D}.submit-confirm`, ctx.t('progress.button.confirm-submit'), { app: app.id }, 'primary'),
      button('status.start', ctx.t('progress.button.cancel')),
    ],
    late
      ? [
          {
            kind: 'date',
            id: 'submittedOn',
            label: ctx.t('progress.submit.when'),
            required: true,
            // It went in on or before the deadline: the picker opens on that day, not on today's.
            opensOn: localDate(due ? new Date(due) : ctx.now),
          },
        ]
      : undefined,
  );
  return late && error ? { ...shown, errors: { submittedOn: error } } : shown;
}

export function withdrawCard(ctx: DialogContext, app: Application): Card {
  return card(
    ctx.t('progress.withdraw.title'),
    [text(ctx.t('progress.withdraw.text', { title: app.title }), 'attention')],
    [
      button(`${D}.withdraw-confirm`, ctx.t('progress.button.confirm-withdraw'), { app: app.id }, 'danger'),
      button('status.start', ctx.t('progress.button.cancel')),
    ],
  );
}

/** "Not awarded" once more: it makes the reports not needed and cannot be undone in chat. */
export function notAwardedCard(ctx: DialogContext, app: Application, comment?: string): Card {
  return card(
    ctx.t('progress.not-awarded.title'),
    [text(ctx.t('progress.not-awarded.text', { title: app.title }), 'attention')],
    [
      button(
        `${D}.awarded`,
        ctx.t('progress.button.confirm-not-awarded'),
        { app: app.id, awarded: false, confirmed: true, ...(comment ? { comment } : {}) },
        'danger',
      ),
      button('status.start', ctx.t('progress.button.cancel')),
    ],
  );
}

export function awardCard(ctx: DialogContext, app: Application): Card {
  return card(
    ctx.t('progress.award.title', { title: app.title }),
    [text(ctx.t('progress.award.text'))],
    [
      button(`${D}.awarded`, ctx.t('progress.button.awarded'), { app: app.id, awarded: true }, 'primary'),
      button(`${D}.awarded`, ctx.t('progress.button.not-awarded'), { app: app.id, awarded: false }),
      button('status.start', ctx.t('progress.button.cancel')),
    ],
    [
      {
        kind: 'text',
        id: 'comment',
        label: ctx.t('progress.award.comment'),
        multiline: true,
        maxLength: 500,
      },
    ],
  );
}

/** Endorsements given or pending for the application as it is now (an edit asks them again). */
function givenEndorsements(app: Application, call: Call): number {
  return call.steps.filter(
    (s) =>
      s.kind === 'endorsement' &&
      ['done', 'waiting'].includes(app.steps.find((a) => a.id === s.id)?.state ?? ''),
  ).length;
}

export const EDIT_INPUTS = { title: 'title', requested: 'requested', own: 'own' } as const;

/** Title, amount asked for and own financing, filled with what the application says now. */
export function editCard(
  ctx: DialogContext,
  app: Application,
  call: Call,
  values: { title?: string; requested?: string; own?: string } = {},
  errors?: Record<string, string>,
): Card {
  const money = (n: number | undefined) => (n === undefined ? undefined : formatMoney(n, ctx.locale));
  const category = call.categories.find((c) => c.id === app.category);
  const ruled = hasAmountRule(category);
  const blocks = [
    text(ctx.t(asksOwnFinancing(category) ? 'progress.edit.text' : 'progress.edit.text-no-own')),
  ];
  if (!ruled) blocks.push(text(ctx.t('progress.edit.no-amount-rule'), 'subtle'));
  if (ruled) {
    blocks.push(
      text(
        ctx.t('progress.edit.limits', {
          cap: category?.maxAmount === undefined ? '–' : formatMoney(category.maxAmount, ctx.locale),
          percent: category?.ownFinancingPercent ?? 0,
        }),
        'subtle',
      ),
    );
  }
  if (givenEndorsements(app, call) > 0) blocks.push(text(ctx.t('progress.edit.resets'), 'warning'));
  const requested = values.requested ?? money(app.amount?.requested);
  const own = values.own ?? money(app.amount?.own);
  const out = card(
    ctx.t('progress.edit.title', { title: app.title }),
    blocks,
    [
      button(`${D}.save`, ctx.t('progress.button.save'), { app: app.id }, 'primary'),
      button('amount.start', ctx.t('progress.button.calculate'), {
        callId: call.id,
        category: app.category,
      }),
      button('status.start', ctx.t('progress.button.cancel')),
    ],
    [
      {
        kind: 'text',
        id: EDIT_INPUTS.title,
        label: ctx.t('application.input.title'),
        value: values.title ?? app.title,
        required: true,
        maxLength: 200,
      },
      {
        kind: 'amount',
        id: EDIT_INPUTS.requested,
        label: ctx.t(ruled ? 'progress.edit.requested' : 'progress.edit.requested-optional'),
        placeholder: '400 000',
        required: ruled,
        ...(requested ? { value: requested } : {}),
      },
      // Own financing only where the call requires a share of it (patient safety has no such rule).
      ...(asksOwnFinancing(category)
        ? [
            {
              kind: 'amount' as const,
              id: EDIT_INPUTS.own,
              label: ctx.t('progress.edit.own'),
              placeholder: '0',
              required: true,
              ...(own ? { value: own } : {}),
            },
          ]
        : []),
    ],
  );
  return errors ? { ...out, errors } : out;
}

export { stepLabel as progressStepLabel };
