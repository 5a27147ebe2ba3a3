import { button, card, text } from '../src/bot/cards.ts';
import type { DialogContext } from '../src/bot/dialog.ts';
import type { Block, Button, Card, Input } from '../src/bot/messages.ts';
import { isLate } from '../src/domain/applicant-actions.ts';
import type { Application } from '../src/domain/application.ts';
import type { Call } from '../src/domain/call.ts';
import { hasAmountRule } from '../src/domain/call-lookup.ts';
import {
  askable,
  type EndorsementStep,
  endorsementSteps,
  isTypedPerson,
  stepsBeforeAsking,
} from '../src/domain/endorsement-request.ts';
import { stepLabel, viewOf, when } from './endorsement-cards.ts';

/**
 * The applicant's view of an application's endorsements: who it waits on and since when, what each
 * leader said, and the form to ask (pick a person per role, add a note) or to act on a pending request.
 */

const D = 'endorsement';

export const personInput = (stepId: string) => `leader-${stepId}`;
export const nameInput = (stepId: string) => `leader-name-${stepId}`;

export function roleName(ctx: DialogContext, s: EndorsementStep): string {
  return s.role?.name[ctx.locale] ?? stepLabel(viewOf(ctx), undefined, s.data.id);
}

function line(ctx: DialogContext, call: Call, s: EndorsementStep): Block[] {
  const view = viewOf(ctx);
  const label = stepLabel(view, call, s.data.id);
  const { step } = s;
  if (step.state === 'done' && step.decidedBy) {
    return [
      text(
        ctx.t('endorsement.step.done', {
          step: label,
          name: step.decidedBy.name,
          date: when(view, step.decidedAt),
        }),
        'good',
      ),
    ];
  }
  if (step.state === 'done') return [text(`✅ ${label}`, 'good')];
  if (step.state === 'declined') {
    return [
      text(
        ctx.t('endorsement.step.declined', {
          step: label,
          name: step.decidedBy?.name ?? '',
          comment: step.comment ?? '',
        }),
        'attention',
      ),
    ];
  }
  if (step.state === 'waiting') {
    const name = step.waitingOn?.name ?? '';
    const blocks = [
      text(ctx.t('endorsement.step.waiting', { step: label, name, date: when(view, step.since) })),
    ];
    if (step.question)
      blocks.push(text(ctx.t('endorsement.step.question', { name, question: step.question }), 'warning'));
    if (step.answer) blocks.push(text(ctx.t('endorsement.step.answered', { answer: step.answer }), 'subtle'));
    return blocks;
  }
  return [text(ctx.t('endorsement.step.open', { step: label }))];
}

function pendingButtons(ctx: DialogContext, app: Application, s: EndorsementStep): Button[] {
  if (s.step.state !== 'waiting') return [];
  const data = { app: app.id, step: s.data.id };
  const name = s.step.waitingOn?.name ?? '';
  const out: Button[] = [];
  if (s.step.question && !s.step.answer)
    out.push(button(`${D}.answer-form`, ctx.t('endorsement.button.answer', { name }), data, 'primary'));
  if (!isTypedPerson(s.step.waitingOn))
    out.push(button(`${D}.resend`, ctx.t('endorsement.button.resend', { name }), data));
  // The role, not the step's label, names the button: "Withdraw: Approval from the head of
  // department/clinic" is clipped on a Teams button; the card's text above names the step in full.
  const role = roleName(ctx, s);
  out.push(button(`${D}.replace`, ctx.t('endorsement.button.replace', { role }), data));
  out.push(button(`${D}.withdraw`, ctx.t('endorsement.button.withdraw', { role }), data, 'danger'));
  return out;
}

export function personInputs(ctx: DialogContext, s: EndorsementStep): Input[] {
  const role = roleName(ctx, s);
  return [
    { kind: 'person', id: personInput(s.data.id), label: ctx.t('endorsement.input.person', { role }) },
    {
      kind: 'text',
      id: nameInput(s.data.id),
      label: ctx.t('endorsement.input.name', { role }),
      maxLength: 120,
    },
  ];
}

/** The application's endorsements with the form to ask for the open ones; `errors` re-asks inline. */
export function overviewCard(
  ctx: DialogContext,
  app: Application,
  call: Call,
  errors?: Record<string, string>,
): Card {
  const steps = endorsementSteps(app, call);
  const blocks: Block[] = [text(app.title, 'subtle'), ...steps.flatMap((s) => line(ctx, call, s))];
  const buttons: Button[] = steps.flatMap((s) => pendingButtons(ctx, app, s));
  let inputs: Input[] = [];
  const open = app.status === 'draft' ? askable(steps) : [];
  if (app.status !== 'draft') {
    blocks.push(
      text(
        ctx.t('endorsement.not-draft', { status: ctx.t(`application.status.${app.status}`) }),
        'attention',
      ),
    );
  } else if (open[0]) {
    const missing = stepsBeforeAsking(app, call, open[0].data.id);
    const check = missing.find((id) => call.steps.find((s) => s.id === id)?.kind === 'eligibility');
    if (check) {
      // The check is passed by answering it, so "my draft is ready" cannot skip it.
      blocks.push(text(ctx.t('endorsement.check-first')));
      buttons.unshift(
        button(
          'eligibility.start',
          ctx.t('progress.button.check'),
          { callId: call.id, category: app.category, app: app.id },
          'primary',
        ),
      );
    } else if (amountMissing(app, call)) {
      // The leader's card must show what is asked for and the own financing (issue 7).
      blocks.push(text(ctx.t('endorsement.amount-first')));
      buttons.unshift(button('progress.edit', ctx.t('progress.button.edit'), { app: app.id }, 'primary'));
    } else if (missing.length > 0) {
      const names = missing.map((id) => stepLabel(viewOf(ctx), call, id)).join(', ');
      blocks.push(text(ctx.t('endorsement.before-asking', { steps: names })));
      buttons.unshift(button(`${D}.ready`, ctx.t('endorsement.button.ready'), { app: app.id }, 'primary'));
    } else {
      inputs = [
        ...open.flatMap((s) => personInputs(ctx, s)),
        {
          kind: 'text',
          id: 'note',
          label: ctx.t('endorsement.input.note'),
          multiline: true,
          maxLength: 1000,
        },
      ];
      buttons.unshift(button(`${D}.send`, ctx.t('endorsement.button.send'), { app: app.id }, 'primary'));
    }
  }
  const out = card(ctx.t('endorsement.title'), blocks, buttons, inputs);
  return errors ? { ...out, errors } : out;
}

/** The form to send a pending request to someone else. */
export function replaceCard(
  ctx: DialogContext,
  app: Application,
  call: Call,
  s: EndorsementStep,
  errors?: Record<string, string>,
): Card {
  const label = stepLabel(viewOf(ctx), call, s.data.id);
  const out = card(
    ctx.t('endorsement.replace.title', { step: label }),
    [
      text(app.title, 'subtle'),
      text(ctx.t('endorsement.replace.text', { name: s.step.waitingOn?.name ?? '' })),
    ],
    [button(`${D}.replace-send`, ctx.t('common.send'), { app: app.id, step: s.data.id }, 'primary')],
    personInputs(ctx, s),
  );
  return errors ? { ...out, errors } : out;
}

/** The button on an application card that opens its endorsements, while a leader must still be asked. */
export function endorsementButtons(ctx: DialogContext, app: Application): Button[] {
  const call = ctx.catalog.get(app.callId);
  if (!call || app.status !== 'draft' || isLate(call, ctx.now)) return [];
  const open = endorsementSteps(app, call).some((s) => s.step.state !== 'done');
  return open ? [button(`${D}.request`, ctx.t('endorsement.button.request'), { app: app.id })] : [];
}

/** The amount asked for is missing, and the call has a rule on it (a cap or an own-financing share). */
export function amountMissing(app: Application, call: Call): boolean {
  return (
    app.amount?.requested === undefined && hasAmountRule(call.categories.find((c) => c.id === app.category))
  );
}
