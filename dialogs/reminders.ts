import { button, card, facts, message, text } from '../src/bot/cards.ts';
import type { Dialog, DialogContext, StepResult } from '../src/bot/dialog.ts';
import type { Card } from '../src/bot/messages.ts';
import { isTimeOfDay } from '../src/domain/reminder-days.ts';
import { planReminders, toQueued } from '../src/domain/reminder-plan.ts';
import { DEFAULT_DAYS_BEFORE, DEFAULT_TIME_OF_DAY } from '../src/domain/reminder-types.ts';
import { formatDate } from '../src/i18n/format.ts';
import type { Subscription } from '../src/store/store.ts';
import { list, str } from './shared.ts';

/**
 * "Påminnelser" / "reminders" (issue 8). In a channel: follow calls, see the next ten reminders,
 * change the schedule, pause, unsubscribe. Anywhere: personal nudges on or off. Every change re-plans
 * the channel's queued reminders at once (the periodic planner would also catch it later).
 */

const NEXT = 10;
const OVERVIEW = { step: 'overview', answers: {} };
const CHANGES = new Set([
  'save-calls',
  'save-schedule',
  'set-trust',
  'pause',
  'resume',
  'unsubscribe',
  'follow',
  'unfollow',
]);

/** The series of the channel's calls: a new call of one is announced to it (docs/calls-lifecycle.md). */
function seriesOf(ctx: DialogContext, sub: Subscription): string[] {
  return [...new Set(sub.callIds.flatMap((id) => ctx.catalog.get(id)?.series ?? []))];
}

type Result = StepResult;

export const remindersDialog: Dialog = {
  name: 'reminders',
  triggers: [
    { phrases: 'reminders.triggers.nudges-off', args: { nudges: false } },
    { phrases: 'reminders.triggers.nudges-on', args: { nudges: true } },
  ],
  async step(_state, event, ctx) {
    if (event.kind === 'start' && typeof event.args.nudges === 'boolean')
      return nudges(ctx, event.args.nudges);
    if (ctx.conversation.kind === 'personal') return personal(ctx);
    const fx = ctx.effects;
    if (!fx.channelSubscription || !fx.saveSubscription || !fx.removeSubscription) return personal(ctx);
    const current = await fx.channelSubscription();
    if (event.kind !== 'action') return overview(ctx, current);

    if (CHANGES.has(event.action) && !mayChange(ctx)) {
      return { state: OVERVIEW, replies: [message(ctx.t('reminders.dialog.not-allowed'))] };
    }
    switch (event.action) {
      case 'choose':
        return { state: { step: 'choose', answers: {} }, replies: [chooseCard(ctx, current)] };
      case 'schedule':
        return { state: { step: 'schedule', answers: {} }, replies: [scheduleCard(ctx, current)] };
      case 'save-calls': {
        const chosen = (list(event.inputs.calls) ?? []).filter((id) => ctx.catalog.get(id) !== undefined);
        if (chosen.length === 0) {
          return {
            state: { step: 'choose', answers: {} },
            replies: [
              { ...chooseCard(ctx, current), errors: { calls: ctx.t('reminders.dialog.calls-invalid') } },
            ],
          };
        }
        return save(ctx, { ...base(ctx, current), callIds: chosen });
      }
      case 'save-schedule': {
        const days = parseDays(event.inputs.days);
        const time = typeof event.inputs.time === 'string' ? event.inputs.time.trim() : '';
        const errors: Record<string, string> = {};
        if (!days) errors.days = ctx.t('reminders.dialog.days-invalid');
        if (!isTimeOfDay(time)) errors.time = ctx.t('reminders.dialog.time-invalid');
        if (!days || Object.keys(errors).length > 0) {
          return {
            state: { step: 'schedule', answers: {} },
            replies: [{ ...scheduleCard(ctx, current), errors }],
          };
        }
        return save(ctx, { ...base(ctx, current), daysBefore: days, timeOfDay: time });
      }
      case 'trust':
        return current
          ? { state: { step: 'trust', answers: {} }, replies: [trustCard(ctx, current)] }
          : overview(ctx, current);
      case 'set-trust': {
        if (!current) return overview(ctx, current);
        const trust = str(event.data.trust);
        const { trust: _old, ...rest } = base(ctx, current);
        return save(ctx, {
          ...rest,
          ...(trust && trustsOf(ctx).some((t) => t.id === trust) ? { trust } : {}),
        });
      }
      case 'pause':
      case 'resume':
        return current
          ? save(ctx, { ...base(ctx, current), paused: event.action === 'pause' })
          : overview(ctx, current);
      case 'follow':
      case 'unfollow': {
        if (!current) return overview(ctx, current);
        const { seriesOptOut: _old, ...rest } = base(ctx, current);
        return save(
          ctx,
          event.action === 'unfollow' ? { ...rest, seriesOptOut: seriesOf(ctx, current) } : rest,
        );
      }
      case 'unsubscribe':
        await fx.removeSubscription();
        return { state: null, replies: [message(ctx.t('reminders.dialog.unsubscribed'))] };
      default:
        return overview(ctx, current);
    }
  },
};

function mayChange(ctx: DialogContext): boolean {
  const admins = ctx.settings?.reminderAdmins ?? [];
  return admins.length === 0 || admins.some((a) => a.platform === ctx.platform && a.userId === ctx.user.id);
}

/** The subscription to change: the current one, or a new one with the default schedule. */
function base(ctx: DialogContext, current: Subscription | null): Subscription {
  return {
    conversationKey: `${ctx.platform}:${ctx.conversation.id}`,
    platform: ctx.platform,
    callIds: [],
    daysBefore: [...DEFAULT_DAYS_BEFORE],
    timeOfDay: DEFAULT_TIME_OF_DAY,
    paused: false,
    ...(ctx.user.trust === undefined ? {} : { trust: ctx.user.trust }),
    locale: ctx.locale,
    ...current,
    updatedAt: ctx.now.toISOString(),
    updatedBy: `${ctx.platform}:${ctx.user.id}`,
  };
}

function plan(ctx: DialogContext, sub: Subscription) {
  return planReminders({ calls: ctx.catalog.calls, subscriptions: [sub], applications: [], now: ctx.now });
}

async function save(ctx: DialogContext, sub: Subscription): Promise<Result> {
  await ctx.effects.saveSubscription?.(sub, plan(ctx, sub).map(toQueued));
  return overview(ctx, sub);
}

function overview(ctx: DialogContext, sub: Subscription | null): Result {
  const buttons = [
    button('reminders.choose', ctx.t('reminders.button.choose'), undefined, sub ? undefined : 'primary'),
    ...(sub
      ? [
          button('reminders.schedule', ctx.t('reminders.button.schedule')),
          button('reminders.trust', ctx.t('reminders.button.trust')),
          sub.paused
            ? button('reminders.resume', ctx.t('reminders.button.resume'))
            : button('reminders.pause', ctx.t('reminders.button.pause')),
          ...(seriesOf(ctx, sub).length === 0
            ? []
            : (sub.seriesOptOut ?? []).length > 0
              ? [button('reminders.follow', ctx.t('reminders.button.follow'))]
              : [button('reminders.unfollow', ctx.t('reminders.button.unfollow'))]),
          button('reminders.unsubscribe', ctx.t('reminders.button.unsubscribe'), undefined, 'danger'),
        ]
      : []),
  ];
  if (!sub)
    return {
      state: OVERVIEW,
      replies: [card(ctx.t('reminders.dialog.title'), [text(ctx.t('reminders.dialog.none'))], buttons)],
    };
  const titles = sub.callIds.map((id) => ctx.catalog.get(id)?.title[ctx.locale] ?? id);
  const next = plan(ctx, sub)
    .filter((r) => r.dueAt.getTime() > ctx.now.getTime())
    .slice(0, NEXT)
    .map((r) =>
      ctx.t('reminders.dialog.next-line', {
        when: formatDate(r.dueAt, ctx.locale),
        label: r.payload.label[ctx.locale],
        call: r.payload.callTitle[ctx.locale],
      }),
    );
  const list =
    sub.paused || next.length === 0
      ? ctx.t('reminders.dialog.next-none')
      : [ctx.t('reminders.dialog.next'), ...next.map((l) => `- ${l}`)].join('\n');
  const blocks = [
    facts([
      [ctx.t('reminders.dialog.calls'), titles.join(ctx.t('common.list-sep'))],
      [
        ctx.t('reminders.dialog.schedule'),
        ctx.t('reminders.dialog.schedule-value', {
          days: sub.daysBefore.join(', '),
          time: ctx.locale === 'nb' ? sub.timeOfDay.replace(':', '.') : sub.timeOfDay,
        }),
      ],
      [ctx.t('reminders.dialog.trust'), trustName(ctx, sub.trust)],
      [
        ctx.t('reminders.dialog.state'),
        ctx.t(sub.paused ? 'reminders.dialog.paused' : 'reminders.dialog.active'),
      ],
    ]),
    text(list),
  ];
  return { state: OVERVIEW, replies: [card(ctx.t('reminders.dialog.title'), blocks, buttons)] };
}

function chooseCard(ctx: DialogContext, sub: Subscription | null): Card {
  const options = ctx.catalog.calls.map((c) => ({ value: c.id, label: c.title[ctx.locale] }));
  return card(
    ctx.t('reminders.dialog.choose-title'),
    [],
    [
      button('reminders.save-calls', ctx.t('reminders.button.save'), undefined, 'primary'),
      button('reminders.back', ctx.t('common.back')),
    ],
    [
      {
        kind: 'choice',
        id: 'calls',
        label: ctx.t('reminders.dialog.calls'),
        multiple: true,
        options,
        value: sub?.callIds ?? [],
        required: true,
      },
    ],
  );
}

/** One button per trust: whose internal deadline the channel is reminded of ("none": the region's). */
function trustCard(ctx: DialogContext, sub: Subscription): Card {
  return card(
    ctx.t('reminders.dialog.trust-title'),
    [text(ctx.t('reminders.dialog.trust-text')), text(trustName(ctx, sub.trust), 'subtle')],
    [
      button('reminders.set-trust', ctx.t('reminders.dialog.trust-none'), { trust: NO_TRUST }),
      ...trustsOf(ctx).map((t) => button('reminders.set-trust', t.name, { trust: t.id })),
      button('reminders.back', ctx.t('common.back')),
    ],
  );
}

const NO_TRUST = 'none';

/** Every trust any call names (the same five today), once each. */
function trustsOf(ctx: DialogContext): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const call of ctx.catalog.calls)
    for (const t of call.trusts) if (!seen.has(t.id)) seen.set(t.id, t.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

function trustName(ctx: DialogContext, trust: string | undefined): string {
  const name = trust ? trustsOf(ctx).find((t) => t.id === trust)?.name : undefined;
  return name ?? ctx.t('reminders.dialog.trust-none');
}

function scheduleCard(ctx: DialogContext, sub: Subscription | null): Card {
  const days = (sub?.daysBefore ?? DEFAULT_DAYS_BEFORE).join(', ');
  return card(
    ctx.t('reminders.dialog.schedule-title'),
    [],
    [
      button('reminders.save-schedule', ctx.t('reminders.button.save'), undefined, 'primary'),
      button('reminders.back', ctx.t('common.back')),
    ],
    [
      { kind: 'text', id: 'days', label: ctx.t('reminders.dialog.days-label'), value: days, required: true },
      {
        kind: 'text',
        id: 'time',
        label: ctx.t('reminders.dialog.time-label'),
        value: sub?.timeOfDay ?? DEFAULT_TIME_OF_DAY,
        required: true,
      },
    ],
  );
}

function personal(ctx: DialogContext): Result {
  const on = ctx.profile?.nudges !== false;
  return {
    state: null,
    replies: [
      card(
        undefined,
        [
          text(ctx.t(on ? 'reminders.dialog.nudges-on' : 'reminders.dialog.nudges-off')),
          text(ctx.t('reminders.dialog.channel-only')),
        ],
        [
          // A start button: never stale, whatever the user did since.
          button(
            'reminders.start',
            ctx.t(on ? 'reminders.button.nudges-off' : 'reminders.button.nudges-on'),
            { nudges: !on },
          ),
        ],
      ),
    ],
  };
}

async function nudges(ctx: DialogContext, on: boolean): Promise<Result> {
  await ctx.effects.setNudges?.(on);
  return {
    state: null,
    replies: [message(ctx.t(on ? 'reminders.dialog.nudges-on' : 'reminders.dialog.nudges-off'))],
  };
}

function parseDays(raw: unknown): number[] | null {
  if (typeof raw !== 'string') return null;
  const parts = raw.split(/[,\s]+/).filter((p) => p !== '');
  if (parts.length === 0 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 365)) return null;
  return [...new Set(parts.map(Number))].sort((a, b) => b - a);
}
