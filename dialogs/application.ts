import { button, card, message, text } from '../src/bot/cards.ts';
import type {
  ConversationMemory,
  Dialog,
  DialogContext,
  DialogEvent,
  StepResult,
  StepState,
} from '../src/bot/dialog.ts';
import type { Application } from '../src/domain/application.ts';
import type { Call } from '../src/domain/call.ts';
import { hasPassed } from '../src/domain/timeline.ts';
import { createdAudit, newApplication } from '../src/domain/tracker.ts';
import { formatDate } from '../src/i18n/format.ts';
import { applicationCard } from './application-card.ts';
import { menuButtons } from './help.ts';
import { applicationButtons } from './progress-cards.ts';
import {
  choiceHead,
  chooseCategoryCard,
  chooseOpenCallCard,
  choseCallOrCategory,
  deadlineOf,
  navButtons,
  say,
  startingChoice,
  str,
} from './shared.ts';

/**
 * "Ny søknad": call, category, title and trust, each asked only if this conversation (or the
 * profile) does not already know it; then the record is created and its steps shown with dates.
 */

const D = 'application';

interface Progress {
  callId?: string;
  category?: string;
  title?: string;
  trust?: string;
}

function read(state: StepState | null): Progress {
  const a = state?.answers ?? {};
  const p: Progress = {};
  for (const k of ['callId', 'category', 'title', 'trust'] as const) {
    const v = str(a[k]);
    if (v) p[k] = v;
  }
  return p;
}

function knownTrust(ctx: DialogContext, call: Call): string | undefined {
  const candidates = [ctx.memory.trust, ctx.profile?.trust, ctx.user.trust];
  return candidates.find((t) => t !== undefined && call.trusts.some((x) => x.id === t));
}

/** What the conversation already knows about this call, so nothing is asked twice. */
function fromMemory(memory: ConversationMemory, call: Call): Partial<Application> {
  if (memory.callId !== call.id) return {};
  const a = memory.amount;
  return {
    answers: memory.eligibility ?? {},
    ...(memory.verdict ? { verdict: memory.verdict } : {}),
    ...(a?.maxRequest !== undefined &&
    a.requiredOwnFinancing !== undefined &&
    a.eligibleTotal !== undefined &&
    a.binding
      ? {
          amount: {
            maxRequest: a.maxRequest,
            requiredOwnFinancing: a.requiredOwnFinancing,
            eligibleTotal: a.eligibleTotal,
            binding: a.binding,
            ...(a.own === undefined ? {} : { own: a.own }),
            ...(a.other === undefined ? {} : { other: a.other }),
          },
        }
      : {}),
    ...(memory.priorityAreas ? { priorityAreas: memory.priorityAreas } : {}),
  };
}

async function advance(
  ctx: DialogContext,
  p: Progress,
  notes: StepResult['replies'] = [],
): Promise<StepResult> {
  const call = p.callId ? ctx.catalog.get(p.callId) : undefined;
  const nav = (back: boolean) => navButtons(ctx, D, back);
  if (!call)
    return {
      state: { step: 'call', answers: {} },
      replies: [...notes, chooseOpenCallCard(ctx, D, ctx.t('application.choose-call'))],
    };
  const deadline = deadlineOf(call);
  if (deadline && hasPassed(deadline, ctx.now)) {
    const closed = ctx.t('application.closed', {
      call: say(ctx, call.title),
      date: formatDate(deadline, ctx.locale),
    });
    return {
      state: null,
      replies: [card(ctx.t('application.title'), [text(closed, 'attention')], menuButtons(ctx))],
    };
  }
  // A call with one category has nothing to choose.
  const category =
    call.categories.find((c) => c.id === p.category) ??
    (call.categories.length === 1 ? call.categories[0] : undefined);
  if (!category) {
    return {
      state: { step: 'category', answers: { callId: call.id } },
      replies: [...notes, chooseCategoryCard(ctx, D, call, ctx.t('application.choose-category'))],
    };
  }
  const head = choiceHead(ctx, call, category);
  if (!p.title) {
    return {
      state: { step: 'title', answers: { ...p }, awaiting: 'title' },
      replies: [
        ...notes,
        card(
          ctx.t('application.title'),
          [head, text(ctx.t('application.ask-title'))],
          [
            button(`${D}.title`, ctx.t('common.send'), undefined, 'primary'),
            ...nav(choseCallOrCategory(ctx, call)),
          ],
          [
            {
              kind: 'text',
              id: 'title',
              label: ctx.t('application.input.title'),
              required: true,
              maxLength: 200,
            },
          ],
        ),
      ],
    };
  }
  const trust = p.trust ?? knownTrust(ctx, call);
  if (!trust) {
    return {
      state: { step: 'trust', answers: { ...p } },
      replies: [
        ...notes,
        card(
          ctx.t('application.title'),
          [head, text(ctx.t('application.ask-trust'))],
          [...call.trusts.map((t) => button(`${D}.trust`, t.name, { trust: t.id })), ...nav(true)],
        ),
      ],
    };
  }
  const known = fromMemory(ctx.memory, call);
  const applicant = { platform: ctx.platform, userId: ctx.user.id, name: ctx.user.name, trust };
  const draft = newApplication(
    call,
    {
      id: ctx.effects.newId(),
      applicant,
      category: category.id,
      title: p.title,
      answers: known.answers ?? {},
      ...(known.verdict ? { verdict: known.verdict } : {}),
      ...(known.amount ? { amount: known.amount } : {}),
      ...(known.priorityAreas ? { priorityAreas: known.priorityAreas } : {}),
    },
    ctx.now,
  );
  const app = await ctx.effects.createApplication(draft, createdAudit(draft, applicant));
  if (ctx.profile?.trust !== trust) await ctx.effects.setTrust(trust);
  return {
    state: null,
    replies: [
      message(ctx.t('application.created', { title: app.title })),
      applicationCard(ctx, app, [
        ...applicationButtons(ctx, app),
        button('status.start', ctx.t('application.button.status')),
      ]),
    ],
    remember: { callId: call.id, category: category.id, title: app.title, trust },
  };
}

function start(ctx: DialogContext, args: Record<string, unknown>): Promise<StepResult> {
  // A call remembered from earlier in the conversation is reused only while it is still open.
  const remembered = ctx.memory.callId ? ctx.catalog.get(ctx.memory.callId) : undefined;
  const open =
    remembered && (deadlineOf(remembered)?.getTime() ?? Number.POSITIVE_INFINITY) >= ctx.now.getTime();
  return advance(ctx, startingChoice(ctx, args, open ? remembered.id : undefined));
}

function withTitle(ctx: DialogContext, p: Progress, raw: unknown): Promise<StepResult> {
  const title = typeof raw === 'string' ? raw.trim().replace(/\s+/g, ' ') : '';
  if (title.length < 3 || title.length > 200)
    return advance(ctx, p, [message(ctx.t('application.bad-title'))]);
  return advance(ctx, { ...p, title });
}

export const applicationDialog: Dialog = {
  name: D,
  personal: { label: 'help.button.application' },
  triggers: [{ phrases: 'routing.application' }],
  freeText: ['title'],
  step(state, event: DialogEvent, ctx) {
    if (event.kind === 'start') return start(ctx, event.args);
    const p = read(state);
    if (event.kind === 'text')
      return state?.awaiting === 'title' ? withTitle(ctx, p, event.text) : advance(ctx, p);
    if (event.kind === 'resume') return advance(ctx, p);
    switch (event.action) {
      case 'call':
        return advance(ctx, { ...(str(event.data.callId) ? { callId: str(event.data.callId) } : {}) });
      case 'category':
        return advance(ctx, {
          ...p,
          ...(str(event.data.category) ? { category: str(event.data.category) } : {}),
        });
      case 'title':
        return withTitle(ctx, p, event.inputs.title);
      case 'trust':
        return advance(ctx, { ...p, ...(str(event.data.trust) ? { trust: str(event.data.trust) } : {}) });
      default:
        return advance(ctx, p);
    }
  },
};
