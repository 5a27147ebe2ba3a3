import { button, card, facts, message, text } from '../src/bot/cards.ts';
import type { DialogContext } from '../src/bot/dialog.ts';
import type { Block, Card, Outbound } from '../src/bot/messages.ts';
import type { Application, ApplicationStep } from '../src/domain/application.ts';
import type { Call, Locale } from '../src/domain/call.ts';
import { asksOwnFinancing, hasAmountRule } from '../src/domain/call-lookup.ts';
import type { Catalog } from '../src/domain/catalog.ts';
import { requestRefId } from '../src/domain/endorsement-request.ts';
import { formatMoney } from '../src/domain/money.ts';
import { trustInternalDeadline } from '../src/domain/timeline.ts';
import { formatDate, formatDeadline } from '../src/i18n/format.ts';
import { type Translate, translator } from '../src/i18n/t.ts';
import { deadlineOf } from './shared.ts';

/**
 * The leader's endorsement card and what it turns into: decided (outcome, who, when, no buttons) or
 * no longer current. Built for the reader's language, which for a notification is the recipient's.
 */

export interface View {
  t: Translate;
  locale: Locale;
  now: Date;
  catalog: Catalog;
}

export function viewOf(ctx: DialogContext, locale: Locale = ctx.locale): View {
  return {
    t: locale === ctx.locale ? ctx.t : translator(locale),
    locale,
    now: ctx.now,
    catalog: ctx.catalog,
  };
}

/** The recipient's view: their stored language, else the sender's. */
export async function viewFor(
  ctx: DialogContext,
  person: { platform: Application['applicant']['platform']; userId: string },
): Promise<View> {
  const profile = await ctx.effects.profileOf?.(person);
  return viewOf(ctx, profile?.locale ?? ctx.locale);
}

export function stepLabel(view: View, call: Call | undefined, stepId: string): string {
  return call?.steps.find((s) => s.id === stepId)?.label[view.locale] ?? stepId;
}

export function when(view: View, iso: string | undefined): string {
  return iso ? formatDate(new Date(iso), view.locale) : '';
}

function facts_(view: View, app: Application, call: Call): Block {
  const { t } = view;
  const category = call.categories.find((c) => c.id === app.category);
  const trust = call.trusts.find((x) => x.id === app.applicant.trust);
  const money = (n: number) => formatMoney(n, view.locale);
  const rows: [string, string][] = [
    [t('endorsement.leader.fact.applicant'), `${app.applicant.name}, ${trust?.name ?? app.applicant.trust}`],
    [t('endorsement.leader.fact.project'), app.title],
    [t('endorsement.leader.fact.call'), call.title[view.locale]],
    [t('endorsement.leader.fact.category'), category?.name[view.locale] ?? app.category],
  ];
  const a = app.amount;
  if (a?.requested !== undefined) rows.push([t('endorsement.leader.fact.amount'), money(a.requested)]);
  else if (a?.maxRequest !== undefined && hasAmountRule(category))
    rows.push([t('endorsement.leader.fact.max'), money(a.maxRequest)]);
  // Own financing is shown only where the call requires a share of it.
  const own = a?.own ?? a?.requiredOwnFinancing;
  if (own !== undefined && asksOwnFinancing(category))
    rows.push([t('endorsement.leader.fact.own'), money(own)]);
  rows.push([
    t('endorsement.leader.fact.verdict'),
    app.verdict ? t(`endorsement.leader.verdict.${app.verdict}`) : t('endorsement.leader.fact.verdict-none'),
  ]);
  const deadline = deadlineOf(call);
  rows.push([
    t('endorsement.leader.fact.deadline'),
    deadline ? formatDeadline(deadline, view.now, view.locale) : t('endorsement.leader.fact.none'),
  ]);
  const internal = trustInternalDeadline(call, app.applicant.trust);
  if (internal)
    rows.push([t('endorsement.leader.fact.internal'), formatDeadline(internal, view.now, view.locale)]);
  return facts(rows);
}

/** Note, open question and answer of the current request. */
function exchange(view: View, app: Application, step: ApplicationStep): Block[] {
  const { t } = view;
  const blocks: Block[] = [];
  if (step.note) blocks.push(text(t('endorsement.leader.note', { note: step.note })));
  if (step.question) {
    blocks.push(text(t('endorsement.leader.question', { question: step.question }), 'subtle'));
    blocks.push(
      step.answer
        ? text(t('endorsement.leader.answer', { name: app.applicant.name, answer: step.answer }), 'good')
        : text(t('endorsement.leader.no-answer'), 'subtle'),
    );
  }
  return blocks;
}

export interface LeaderCardOptions {
  replaces?: string;
  errors?: Record<string, string>;
}

/** The card that asks the named leader: facts, the applicant's note, a comment and three decisions. */
export function leaderCard(
  view: View,
  app: Application,
  call: Call,
  step: ApplicationStep,
  options: LeaderCardOptions = {},
): Card {
  const { t } = view;
  // `ref` names the messages this card was sent as: the turn reads them with its first round trip, so
  // the other copies are updated without another read (src/bot/bookkeeping.ts).
  const data = {
    app: app.id,
    step: step.id,
    round: step.round ?? 0,
    ref: requestRefId(app.id, step.id, step.round),
  };
  const decide = (decision: string) => ({ ...data, decision });
  const out = card(
    t('endorsement.leader.title', { title: app.title }),
    [
      text(t('endorsement.leader.asks', { name: app.applicant.name, step: stepLabel(view, call, step.id) })),
      facts_(view, app, call),
      ...exchange(view, app, step),
    ],
    [
      button('leader.decide', t('endorsement.leader.button.approve'), decide('approve'), 'primary'),
      button('leader.decide', t('endorsement.leader.button.decline'), decide('decline'), 'danger'),
      button('leader.decide', t('endorsement.leader.button.more-info'), decide('more-info')),
    ],
    [
      {
        kind: 'text',
        id: 'comment',
        label: t('endorsement.leader.input.comment'),
        multiline: true,
        maxLength: 1000,
      },
    ],
  );
  return {
    ...out,
    cardId: requestRefId(app.id, step.id, step.round),
    ...(options.replaces ? { replaces: options.replaces } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
  };
}

/** The outcome line of a decided step: who, what and when (and the comment). */
export function outcomeLine(view: View, step: ApplicationStep): string {
  const key =
    step.state === 'declined' ? 'endorsement.leader.outcome.decline' : 'endorsement.leader.outcome.approve';
  return view.t(key, { name: step.decidedBy?.name ?? '', date: when(view, step.decidedAt) });
}

/** The card once decided: the facts, the outcome, who and when; no buttons. */
export function decidedCard(
  view: View,
  app: Application,
  call: Call,
  step: ApplicationStep,
  replaces?: string,
): Card {
  const blocks: Block[] = [
    text(
      view.t('endorsement.leader.asks', { name: app.applicant.name, step: stepLabel(view, call, step.id) }),
    ),
    facts_(view, app, call),
    text(`**${outcomeLine(view, step)}**`, step.state === 'declined' ? 'attention' : 'good'),
  ];
  if (step.comment) blocks.push(text(view.t('endorsement.notice.comment', { comment: step.comment })));
  return {
    ...card(view.t('endorsement.leader.title', { title: app.title }), blocks),
    cardId: requestRefId(app.id, step.id, step.round),
    ...(replaces ? { replaces } : {}),
  };
}

/** The card of a withdrawn or replaced request. */
export function staleCard(
  view: View,
  app: Pick<Application, 'id' | 'title'>,
  stepId: string,
  round: number,
  replaces?: string,
): Card {
  return {
    ...card(view.t('endorsement.leader.title', { title: app.title }), [
      text(view.t('endorsement.leader.stale'), 'subtle'),
    ]),
    cardId: requestRefId(app.id, stepId, round),
    ...(replaces ? { replaces } : {}),
  };
}

/** What the applicant is told about a leader's decision, with a way forward. */
export function applicantNotice(
  view: View,
  app: Application,
  call: Call,
  before: ApplicationStep,
  after: ApplicationStep,
): Outbound {
  const { t } = view;
  const name = after.decidedBy?.name ?? before.waitingOn?.name ?? '';
  const step = stepLabel(view, call, after.id);
  if (after.state === 'done') {
    const lines = [t('endorsement.notice.approve', { name, title: app.title, step })];
    if (after.comment) lines.push(t('endorsement.notice.comment', { comment: after.comment }));
    return message(lines.join('\n'));
  }
  if (after.state === 'declined') {
    return card(
      undefined,
      [
        text(
          t('endorsement.notice.decline', { name, title: app.title, step, comment: after.comment ?? '' }),
          'attention',
        ),
      ],
      [
        button('endorsement.request', t('endorsement.button.request'), { app: app.id }, 'primary'),
        button('progress.edit', t('progress.button.edit'), { app: app.id }),
      ],
    );
  }
  return answerCard(view, app, call, after);
}

/** The applicant's card to answer a leader's question. */
export function answerCard(
  view: View,
  app: Application,
  call: Call,
  step: ApplicationStep,
  errors?: Record<string, string>,
): Card {
  const { t } = view;
  const name = step.waitingOn?.name ?? '';
  const out = card(
    t('endorsement.answer.title', { name }),
    [
      text(
        t('endorsement.notice.more-info', {
          name,
          title: app.title,
          step: stepLabel(view, call, step.id),
          question: step.question ?? '',
        }),
      ),
    ],
    [
      button(
        'endorsement.answer',
        t('endorsement.button.send-answer'),
        { app: app.id, step: step.id, round: step.round ?? 0 },
        'primary',
      ),
    ],
    [
      {
        kind: 'text',
        id: 'answer',
        label: t('endorsement.input.answer'),
        multiline: true,
        required: true,
        maxLength: 2000,
      },
    ],
  );
  return errors ? { ...out, errors } : out;
}
