import { button, card, text } from '../src/bot/cards.ts';
import type { DialogContext } from '../src/bot/dialog.ts';
import type { Block, Button, Card } from '../src/bot/messages.ts';
import type { Call } from '../src/domain/call.ts';
import type { Text } from '../src/domain/call-schema.ts';
import { formatMoney } from '../src/domain/money.ts';
import type { Fact, NextStep, TopicAnswer } from '../src/domain/questions/facts.ts';
import { ruleOfQuote } from '../src/domain/questions/topics.ts';
import { formatDateLong, formatDaysLeft } from '../src/i18n/format.ts';
import { say } from './shared.ts';

/** How an answer reads: the fact first, then the rule in plain words, then its quote with the source. */

function list(ctx: DialogContext, items: readonly Text[]): string {
  return items.map((i) => say(ctx, i)).join(ctx.t('common.list-sep'));
}

function amountLine(ctx: DialogContext, fact: Extract<Fact, { kind: 'amount' }>): string {
  const c = fact.category;
  const parts = [
    c.maxAmount === undefined
      ? ctx.t('question.amount.no-cap')
      : ctx.t('question.amount.cap', { amount: formatMoney(c.maxAmount, ctx.locale) }),
    c.ownFinancingPercent > 0
      ? ctx.t('question.amount.own', { percent: c.ownFinancingPercent })
      : ctx.t('question.amount.no-own'),
    ...(c.maxAwards === undefined ? [] : [ctx.t('question.amount.awards', { n: c.maxAwards })]),
  ];
  return ctx.t('question.amount.line', { category: say(ctx, c.name), parts: parts.join(', ') });
}

/** The lines one fact is told in. */
export function factLines(ctx: DialogContext, fact: Fact): string[] {
  switch (fact.kind) {
    case 'date': {
      const e = fact.entry;
      const at = e.at ?? ctx.now;
      const params = {
        label: say(ctx, e.label),
        date: formatDateLong(at, ctx.locale, e.allDay === true),
        days: formatDaysLeft(e.daysLeft ?? 0, ctx.locale),
      };
      return [e.passed ? ctx.t('question.date.passed', params) : ctx.t('question.date', params)];
    }
    case 'undated': {
      const e = fact.entry;
      if (e.note) return [ctx.t('question.undated', { label: say(ctx, e.label), note: say(ctx, e.note) })];
      const after = fact.after ? say(ctx, fact.after.label) : '';
      return [ctx.t('question.undated.after', { label: say(ctx, e.label), after })];
    }
    case 'amount':
      return [amountLine(ctx, fact)];
    case 'people':
      return [ctx.t('question.people', { roles: list(ctx, fact.roles) })];
    case 'submission':
      return [ctx.t('question.submission', { where: say(ctx, fact.where) }), say(ctx, fact.portal)];
    case 'costs':
      return [
        ...(fact.eligible.length > 0
          ? [ctx.t('question.costs.eligible', { items: list(ctx, fact.eligible) })]
          : []),
        ctx.t('question.costs.ineligible', { items: list(ctx, fact.ineligible) }),
      ];
    case 'list':
      return fact.items.map((i) => `- ${say(ctx, i)}`);
    case 'priority-area': {
      const a = fact.area;
      const forText =
        fact.categories.length > 0
          ? ctx.t('question.area.for', { categories: list(ctx, fact.categories) })
          : '';
      const key = a.level === 'prioritised' ? 'question.area.prioritised' : 'question.area.encouraged';
      const lines = [ctx.t(key, { area: say(ctx, a.label), for: forText })];
      if (a.examples.length > 0)
        lines.push(ctx.t('question.area.examples', { examples: list(ctx, a.examples) }));
      return lines;
    }
    case 'text':
      return [say(ctx, fact.text)];
  }
}

const SHORT = 48;

function shorten(s: string): string {
  if (s.length <= SHORT) return s;
  const cut = s.slice(0, SHORT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 20)).replace(/[,;:.–-]+$/, '')}…`;
}

/** A short name for a topic, for a button ("Søknadsfrist", "Pasientmedvirkning", "Kontakt"). */
export function topicLabel(ctx: DialogContext, call: Call, topic: string): string {
  const [kind, id = ''] = topic.includes(':') ? topic.split(':', 2) : [topic];
  switch (kind) {
    case 'milestone': {
      const m = call.milestones.find((x) => x.id === id);
      return m ? say(ctx, m.label) : topic;
    }
    case 'priority-area': {
      const p = call.priorityAreas.find((x) => x.id === id);
      return p ? shorten(say(ctx, p.label)) : topic;
    }
    case 'category': {
      const c = call.categories.find((x) => x.id === id);
      return c ? shorten(say(ctx, c.name)) : topic;
    }
    case 'contact':
      return ctx.t('question.label.contact');
    case 'guidance':
      return ctx.t('question.label.guidance');
    case 'trusts':
      return ctx.t('question.label.trusts');
    case 'purpose':
      return ctx.t('question.label.purpose');
    case 'source':
      return ctx.t('question.label.passage');
  }
  const rule = call.rules.find((r) => r.id === topic);
  if (!rule) return topic;
  const milestone = call.milestones.find((m) => ruleOfQuote(call, m.cite.quote)?.id === rule.id);
  return milestone ? say(ctx, milestone.label) : shorten(say(ctx, rule.text));
}

function nextButton(ctx: DialogContext, step: NextStep, answer: TopicAnswer, primary: boolean): Button {
  // Reminders and status start without a call: neither is about one call.
  const where =
    step === 'reminders' || step === 'status'
      ? undefined
      : { callId: answer.callId, ...(answer.category ? { category: answer.category } : {}) };
  return button(`${step}.start`, ctx.t(`question.next.${step}`), where, primary ? 'primary' : undefined);
}

/** One call's answer: the fact, the rule's plain words, the verbatim quote, and the dialog that acts on it. */
export function answerCard(ctx: DialogContext, call: Call, answer: TopicAnswer): Card {
  const lines = answer.facts.flatMap((f) => factLines(ctx, f));
  const blocks: Block[] = [];
  if (lines.length > 0) blocks.push(text(lines.map((l, i) => (i === 0 ? `**${l}**` : l)).join('\n')));
  const ruleText = answer.rule ? say(ctx, answer.rule.text) : undefined;
  if (ruleText && !lines.includes(ruleText))
    blocks.push(text(ruleText, lines.length > 0 ? 'subtle' : 'normal'));
  if (lines.length === 0 && !ruleText && answer.quote) blocks.push(text(ctx.t('question.passage')));
  if (answer.quote)
    blocks.push({
      kind: 'quote',
      text: answer.quote,
      source: ctx.t('common.source', { call: say(ctx, call.title) }),
    });
  const buttons = answer.next.map((s, i) => nextButton(ctx, s, answer, i === 0));
  return card(say(ctx, call.title), blocks, buttons);
}
