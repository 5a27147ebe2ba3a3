import { button, card, facts, text } from '../src/bot/cards.ts';
import type { Dialog, DialogContext, StepResult } from '../src/bot/dialog.ts';
import { menuButtons } from './help.ts';

/** What the bot stores, and "delete my data" behind a confirmation button. */

async function confirm(ctx: DialogContext): Promise<StepResult> {
  const applications = (await ctx.effects.myApplications()).length;
  return {
    state: { step: 'confirm', answers: {} },
    replies: [
      card(
        ctx.t('privacy.confirm.title'),
        [text(ctx.t('privacy.confirm.text', { applications }), 'warning')],
        [
          button('privacy.delete', ctx.t('privacy.confirm.yes'), undefined, 'danger'),
          button('privacy.keep', ctx.t('privacy.confirm.no')),
        ],
      ),
    ],
  };
}

/** The engine's default lifetime when the deployment sets none (src/bot/engine.ts). */
const DEFAULT_LIFETIME_SECONDS = 30 * 24 * 3600;

function lifetime(ctx: DialogContext): string {
  const seconds = ctx.settings?.dialogLifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS;
  const hours = Math.round(seconds / 3600);
  return hours < 48
    ? ctx.t('privacy.lifetime.hours', { n: Math.max(1, hours) })
    : ctx.t('privacy.lifetime.days', { n: Math.round(hours / 24) });
}

function overview(ctx: DialogContext): StepResult {
  return {
    state: { step: 'overview', answers: {} },
    replies: [
      card(
        ctx.t('privacy.title'),
        [text(ctx.t('privacy.what', { lifetime: lifetime(ctx) })), text(ctx.t('privacy.audit'), 'subtle')],
        [button('privacy.ask-delete', ctx.t('privacy.button.delete'), undefined, 'danger')],
      ),
    ],
  };
}

export const privacyDialog: Dialog = {
  name: 'privacy',
  triggers: [{ phrases: 'routing.privacy' }, { phrases: 'routing.delete', args: { delete: true } }],
  async step(state, event, ctx) {
    if (event.kind === 'start') return event.args.delete === true ? confirm(ctx) : overview(ctx);
    if (event.kind === 'action' && event.action === 'ask-delete') return confirm(ctx);
    if (event.kind === 'action' && event.action === 'keep') {
      return { state: null, replies: [card(undefined, [text(ctx.t('privacy.kept'))], menuButtons(ctx))] };
    }
    if (event.kind === 'action' && event.action === 'delete' && state?.step === 'confirm') {
      const s = await ctx.effects.deleteMyData();
      const yesNo = ctx.t(s.profile ? 'privacy.deleted.profile-yes' : 'privacy.deleted.profile-no');
      return {
        state: null,
        replies: [
          card(ctx.t('privacy.deleted.title'), [
            facts([
              [ctx.t('privacy.deleted.applications'), String(s.applications)],
              [ctx.t('privacy.deleted.dialogs'), String(s.dialogs)],
              [ctx.t('privacy.deleted.references'), String(s.references)],
              [ctx.t('privacy.deleted.audit'), String(s.auditEntriesAnonymised)],
              [ctx.t('privacy.deleted.profile'), yesNo],
            ]),
          ]),
        ],
      };
    }
    if (state?.step === 'confirm') return confirm(ctx);
    return overview(ctx);
  },
};
