import { button, card, message, text } from '../src/bot/cards.ts';
import type { Dialog } from '../src/bot/dialog.ts';
import type { Outbound } from '../src/bot/messages.ts';
import { applicationCard } from './application-card.ts';
import { applicationButtons } from './progress-cards.ts';

/** "Status" / "neste steg": the user's applications, each with its steps, what is next and by when. */

const SHOWN = 5;

export const statusDialog: Dialog = {
  name: 'status',
  transient: true,
  triggers: [{ phrases: 'routing.status' }],
  async step(_state, _event, ctx) {
    const apps = await ctx.effects.myApplications();
    if (apps.length === 0) {
      return {
        state: null,
        replies: [
          card(
            ctx.t('status.empty.title'),
            [text(ctx.t('status.empty.text'))],
            [
              button('eligibility.start', ctx.t('help.button.eligibility'), undefined, 'primary'),
              button('application.start', ctx.t('help.button.application')),
            ],
          ),
        ],
      };
    }
    const replies: Outbound[] = [
      { kind: 'text', text: `**${ctx.t('status.title', { count: apps.length })}**` },
    ];
    if (apps.length > SHOWN)
      replies.push({ kind: 'text', text: ctx.t('status.more', { shown: SHOWN, count: apps.length }) });
    replies.push(
      ...apps.slice(0, SHOWN).map((app) => applicationCard(ctx, app, applicationButtons(ctx, app))),
    );
    if (ctx.conversation.kind === 'personal') return { state: null, replies };
    // A channel or group chat is not the place for one person's applications (titles, amounts,
    // leaders): they go to the person's own chat with the bot, and the channel hears only that.
    const to = { platform: ctx.platform, userId: ctx.user.id };
    const unreachable = message(ctx.t('status.private.unreachable'));
    return {
      state: null,
      replies: [
        {
          ...message(ctx.t('status.private.sent', { name: ctx.user.name })),
          mentions: [{ userId: ctx.user.id, name: ctx.user.name }],
        },
      ],
      notify: replies.map((m, i) => ({
        to,
        message: m,
        purpose: 'status.private',
        ...(i === 0 ? { unreachable } : {}),
      })),
    };
  },
};
