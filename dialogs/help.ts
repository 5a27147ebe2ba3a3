import { button, card, text } from '../src/bot/cards.ts';
import type { Dialog, DialogContext } from '../src/bot/dialog.ts';
import type { Block, Button } from '../src/bot/messages.ts';
import { chiefTrusts } from '../src/domain/endorsement-prioritisation.ts';
import { guidanceAndContact } from './call-notes.ts';
import { callsByRelevance, deadlineText, expectedFacts, say } from './shared.ts';

/** The main menu: what the bot can do, the calls with their deadlines, a button per feature. */
export function menuButtons(ctx: DialogContext): Button[] {
  return [
    button('eligibility.start', ctx.t('help.button.eligibility'), undefined, 'primary'),
    button('amount.start', ctx.t('help.button.amount')),
    button('priority.start', ctx.t('help.button.priority')),
    button('application.start', ctx.t('help.button.application')),
    button('status.start', ctx.t('help.button.status')),
    // A quality chief (TRUST_QUALITY_CHIEFS) finds the trust's order here, not only by its phrase.
    ...(chiefTrusts(ctx.settings?.trustQualityChiefs, { platform: ctx.platform, userId: ctx.user.id })
      .length > 0
      ? [button('prioritisation.start', ctx.t('prioritisation.ready.button'))]
      : []),
    button('privacy.start', ctx.t('help.button.privacy')),
    button('language.start', ctx.t('help.button.language'), { locale: ctx.locale === 'nb' ? 'en' : 'nb' }),
  ];
}

/** Each call's guidance and contact, as its text gives them, so a user knows where to read more. */
function guidance(ctx: DialogContext): Block[] {
  const rows = callsByRelevance(ctx).flatMap((c) => {
    const value = guidanceAndContact(ctx, c);
    return value ? [{ label: say(ctx, c.title), value }] : [];
  });
  return rows.length > 0 ? [text(`**${ctx.t('help.guidance')}**`), { kind: 'facts', facts: rows }] : [];
}

export const helpDialog: Dialog = {
  name: 'help',
  transient: true,
  step(_state, event, ctx) {
    const unknown = event.kind === 'start' && event.args.unknown === true;
    const calls = callsByRelevance(ctx);
    // A series with no open call shows its next call as expected, so an ended call is not the news.
    const expected = expectedFacts(ctx);
    const reply = card(
      ctx.t(unknown ? 'engine.unknown.title' : 'help.title'),
      [
        text(ctx.t(unknown ? 'engine.unknown.text' : 'help.intro')),
        text(`**${ctx.t('help.calls')}**`),
        calls.length === 0
          ? text(ctx.t('common.no-calls'))
          : {
              kind: 'facts',
              facts: [
                ...expected,
                ...calls.map((c) => ({ label: say(ctx, c.title), value: deadlineText(c, ctx) })),
              ],
            },
        ...guidance(ctx),
      ],
      menuButtons(ctx),
    );
    return { state: null, replies: [reply] };
  },
};
