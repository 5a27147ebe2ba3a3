import { message } from '../src/bot/cards.ts';
import type { DialogContext } from '../src/bot/dialog.ts';
import type { Outbound } from '../src/bot/messages.ts';
import type { Application } from '../src/domain/application.ts';
import type { Committed } from './endorsement-commit.ts';

/** What the applicant is told when the tracker refuses a change (reason codes in docs/tracker.md). */
export function refusal(
  ctx: DialogContext,
  reason: Extract<Committed, { ok: false }>['reason'],
  app: Application | null,
): Outbound {
  switch (reason) {
    case 'deadline-passed':
    case 'after-deadline':
      return message(ctx.t('endorsement.refused.deadline-passed'));
    case 'not-waiting':
      return message(ctx.t('endorsement.refused.not-waiting'));
    case 'not-draft':
      return message(
        ctx.t('endorsement.not-draft', { status: ctx.t(`application.status.${app?.status ?? 'draft'}`) }),
      );
    case 'not-the-applicant':
      return message(ctx.t('endorsement.not-yours'));
    case 'leader-is-applicant':
      return message(ctx.t('endorsement.error.self'));
    case 'same-leader':
      return message(ctx.t('endorsement.error.same-leader'));
    case 'gone':
      return message(ctx.t('endorsement.not-found'));
    default:
      return message(ctx.t('endorsement.refused.generic'));
  }
}
