import { button, card, text } from '../src/bot/cards.ts';
import type { DialogContext } from '../src/bot/dialog.ts';
import type { Block, Button, Card } from '../src/bot/messages.ts';
import type { Call } from '../src/domain/call.ts';
import type { CategoryData, Text } from '../src/domain/call-schema.ts';
import { expectedCalls } from '../src/domain/call-series.ts';
import { hasPassed, localToInstant, milestoneInstant } from '../src/domain/timeline.ts';
import { formatDate, formatDeadline, formatMonth } from '../src/i18n/format.ts';
import { noteBlocks } from './call-notes.ts';

/** Helpers shared by the dialogs: choosing a call and a category, deadlines, reading stored answers. */

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * The values of a multi-select: an array, or "a,b" as Adaptive Cards submit it (an empty submit is an
 * empty list, "none of these"); undefined for anything else.
 */
export function list(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x !== '');
  return typeof v === 'string'
    ? v
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '')
    : undefined;
}

export function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function say(ctx: DialogContext, value: Text): string {
  return value[ctx.locale];
}

/** The application deadline of a call, if it has one. */
export function deadlineOf(call: Call): Date | null {
  const m = call.milestones.find((x) => x.kind === 'deadline');
  return m ? milestoneInstant(call, m.id) : null;
}

/**
 * The call's own sentences behind a deadline "no": the deadline milestone's quote and, where the call
 * has one, its rule that nothing can be submitted late (note topic `late-submission`).
 */
export function deadlineQuotes(ctx: DialogContext, call: Call): Block[] {
  const quotes: string[] = [];
  const m = call.milestones.find((x) => x.kind === 'deadline');
  if (m) quotes.push(m.cite.quote);
  const late = call.notes.find((n) => n.topic === 'late-submission');
  const rule = late ? call.rules.find((r) => r.id === late.rule) : undefined;
  if (rule) quotes.push(rule.cite.quote);
  const source = ctx.t('common.source', { call: say(ctx, call.title) });
  return quotes.map((q) => ({ kind: 'quote', text: q, source }));
}

/**
 * After the call's deadline: the notice that nothing can be handed in, with the call's own sentences
 * behind it; before it (or with no deadline), nothing.
 */
export function closedNotice(ctx: DialogContext, call: Call): Block[] {
  const deadline = deadlineOf(call);
  if (deadline === null || !hasPassed(deadline, ctx.now)) return [];
  return [
    text(
      ctx.t('application.closed', { call: say(ctx, call.title), date: formatDate(deadline, ctx.locale) }),
      'attention',
    ),
    ...deadlineQuotes(ctx, call),
  ];
}

/** "Frist 20. oktober 2022 kl. 15:00 (om 3 dager)" or "Fristen gikk ut …". */
export function deadlineText(call: Call, ctx: DialogContext): string {
  const at = deadlineOf(call);
  if (!at) return ctx.t('help.call-undated');
  if (hasPassed(at, ctx.now)) return ctx.t('help.call-closed', { date: formatDate(at, ctx.locale) });
  return ctx.t('help.call-open', { deadline: formatDeadline(at, ctx.now, ctx.locale) });
}

/** Calls still open first (soonest deadline first), then closed ones (latest first). */
export function callsByRelevance(ctx: DialogContext): Call[] {
  const now = ctx.now.getTime();
  const key = (c: Call) => deadlineOf(c)?.getTime() ?? Number.POSITIVE_INFINITY;
  // One boundary everywhere: open means now < deadline (timeline.hasPassed).
  const open = ctx.catalog.calls.filter((c) => key(c) > now).sort((a, b) => key(a) - key(b));
  const closed = ctx.catalog.calls.filter((c) => key(c) <= now).sort((a, b) => key(b) - key(a));
  return [...open, ...closed];
}

/** A series' next call while none of its calls is open, as rows for the menu and the call pickers. */
export function expectedFacts(ctx: DialogContext): { label: string; value: string }[] {
  return expectedCalls(ctx.catalog.calls, ctx.now).map((e) => ({
    label: say(ctx, e.title),
    value: ctx.t('help.call-expected', { month: formatMonth(localToInstant(e.deadline), ctx.locale) }),
  }));
}

/**
 * A card asking which call to start something new for (a check, an application): an ended call is
 * not offered, it stays only for what its awarded projects still do (docs/calls-lifecycle.md). With
 * none open the card says so and which calls are expected.
 */
export function chooseOpenCallCard(ctx: DialogContext, dialog: string, title: string): Card {
  const extra = navButtons(ctx, dialog, false);
  const open = callsByRelevance(ctx).filter((c) => {
    const at = deadlineOf(c);
    return at === null || !hasPassed(at, ctx.now);
  });
  if (open.length > 0)
    return card(
      title,
      open.map((c) => text(`**${say(ctx, c.title)}**: ${deadlineText(c, ctx)}`)),
      [...open.map((c) => button(`${dialog}.call`, say(ctx, c.title), { callId: c.id })), ...extra],
    );
  const expected = expectedFacts(ctx);
  return card(
    title,
    [
      text(ctx.t('common.no-calls')),
      ...(expected.length > 0 ? [{ kind: 'facts' as const, facts: expected }] : []),
    ],
    extra,
  );
}

/** A card asking which call, one button per call with its deadline. */
export function chooseCallCard(ctx: DialogContext, dialog: string, title: string): Card {
  const calls = callsByRelevance(ctx);
  return card(
    title,
    calls.map((c) => text(`**${say(ctx, c.title)}**: ${deadlineText(c, ctx)}`)),
    [
      ...calls.map((c) => button(`${dialog}.call`, say(ctx, c.title), { callId: c.id })),
      ...navButtons(ctx, dialog, false),
    ],
  );
}

/** A card asking which category, with each category's description; back goes to the call, if chosen. */
export function chooseCategoryCard(ctx: DialogContext, dialog: string, call: Call, title: string): Card {
  const categories = call.categories;
  const extra = navButtons(ctx, dialog, !onlyCall(ctx));
  return card(
    title,
    [
      text(say(ctx, call.title), 'subtle'),
      ...categories.map((c) =>
        text(`**${say(ctx, c.name)}**${c.description ? `: ${say(ctx, c.description)}` : ''}`),
      ),
      // What the text says of its categories (innovation: each has its own template and criteria).
      ...(categories.length > 1 ? noteBlocks(ctx, call, ['categories']) : []),
    ],
    [...categories.map((c) => button(`${dialog}.category`, say(ctx, c.name), { category: c.id })), ...extra],
  );
}

/** The only call, when the catalog has just one; then nobody is asked to choose. */
export function onlyCall(ctx: DialogContext): Call | undefined {
  return ctx.catalog.calls.length === 1 ? ctx.catalog.calls[0] : undefined;
}

export function onlyCategory(call: Call): string | undefined {
  return call.categories.length === 1 ? call.categories[0]?.id : undefined;
}

/** Whether the user chose the call or the category, so that "back" from the next question goes there. */
export function choseCallOrCategory(ctx: DialogContext, call: Call): boolean {
  return !onlyCall(ctx) || !onlyCategory(call);
}

/** The line under a card's title that says which call and category it is about. */
export function choiceHead(ctx: DialogContext, call: Call, category: CategoryData): Block {
  return text(`${say(ctx, call.title)} – ${say(ctx, category.name)}`, 'subtle');
}

/**
 * The call and category a dialog starts with: those the start names, else the call `remembered` (this
 * conversation's, unless the dialog has reason not to reuse it) with its remembered category, else the
 * only one there is.
 */
export function startingChoice(
  ctx: DialogContext,
  args: Record<string, unknown>,
  remembered: string | undefined,
): { callId?: string; category?: string } {
  const callId = str(args.callId) ?? remembered ?? onlyCall(ctx)?.id;
  const call = callId ? ctx.catalog.get(callId) : undefined;
  if (!call) return {};
  const fromMemory = ctx.memory.callId === call.id ? ctx.memory.category : undefined;
  const category = str(args.category) ?? fromMemory ?? onlyCategory(call);
  return { callId: call.id, ...(category ? { category } : {}) };
}

/** Back and cancel buttons of a dialog; the engine handles both generically. */
export function navButtons(ctx: DialogContext, dialog: string, back: boolean): Button[] {
  return [
    ...(back ? [button(`${dialog}.back`, ctx.t('common.back'))] : []),
    button(`${dialog}.cancel`, ctx.t('common.cancel')),
  ];
}
