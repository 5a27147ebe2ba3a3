import { message } from '../src/bot/cards.ts';
import type { Dialog } from '../src/bot/dialog.ts';
import type { Locale } from '../src/domain/call.ts';
import { t } from '../src/i18n/t.ts';

/** Switches between bokmål and English and remembers the choice in the user's profile. */
export const languageDialog: Dialog = {
  name: 'language',
  transient: true,
  async step(_state, event, ctx) {
    const asked = event.kind === 'start' ? event.args.locale : undefined;
    const locale: Locale = asked === 'en' || asked === 'nb' ? asked : ctx.locale === 'nb' ? 'en' : 'nb';
    await ctx.effects.setLocale(locale);
    return { state: null, replies: [message(t(locale, 'language.changed'))], locale };
  },
};
