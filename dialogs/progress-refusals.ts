import { message } from '../src/bot/cards.ts';
import type { DialogContext } from '../src/bot/dialog.ts';
import type { TextMessage } from '../src/bot/messages.ts';
import type { Application } from '../src/domain/application.ts';
import type { Call } from '../src/domain/call.ts';
import { missingRequirements } from '../src/domain/steps.ts';
import type { Committed } from './endorsement-commit.ts';
import { say } from './shared.ts';

type Reason = Extract<Committed, { ok: false }>['reason'];

function requires(ctx: DialogContext, call: Call, missing: string[], status: string): TextMessage {
  const steps = missing
    .map((id) => call.steps.find((s) => s.id === id))
    .flatMap((s) => (s ? [say(ctx, s.label)] : []))
    .join(', ');
  return message(
    steps ? ctx.t('progress.refused.requires', { steps }) : ctx.t('progress.refused.status', { status }),
  );
}

/** What the applicant is told when the tracker refuses a change to their application. */
export function progressRefusal(
  ctx: DialogContext,
  call: Call,
  reason: Reason,
  app: Application | null,
  /** The step the applicant tried to move, for "first: …". */
  stepId?: string,
): TextMessage {
  const status = ctx.t(`application.status.${app?.status ?? 'draft'}`).toLowerCase();
  switch (reason) {
    case 'requires-not-done': {
      const missing = app && stepId ? missingRequirements(app, call, stepId) : [];
      return requires(ctx, call, missing, status);
    }
    case 'not-submitted': {
      const submission = call.steps.find((s) => s.kind === 'submission');
      return app?.status === 'draft' && submission
        ? requires(ctx, call, [submission.id], status)
        : message(ctx.t('progress.refused.status', { status }));
    }
    case 'deadline-passed':
    case 'after-deadline':
      return message(ctx.t('progress.refused.deadline'));
    case 'already-done':
    case 'already-decided':
      return message(ctx.t('progress.refused.already'));
    case 'not-draft':
    case 'not-open':
    case 'not-awarded':
      return message(ctx.t('progress.refused.status', { status }));
    case 'already-prioritised':
      return message(ctx.t('progress.refused.prioritised'));
    case 'check-required':
      return message(ctx.t('progress.refused.check-required'));
    case 'category-mismatch':
      return message(ctx.t('progress.refused.category'));
    case 'not-the-applicant':
      return message(ctx.t('progress.not-yours'));
    case 'gone':
      return message(ctx.t('endorsement.not-found'));
    default:
      return message(ctx.t('progress.refused.generic'));
  }
}
