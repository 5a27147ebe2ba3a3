import { button, card, text } from '../src/bot/cards.ts';
import type { Dialog, DialogContext, StepResult } from '../src/bot/dialog.ts';
import type { Outbound } from '../src/bot/messages.ts';
import type { Call } from '../src/domain/call.ts';
import { answerTopic, type TopicAnswer } from '../src/domain/questions/facts.ts';
import { type Found, readQuestion, type Section } from '../src/domain/questions/find.ts';
import type { Ranked } from '../src/domain/questions/search.ts';
import { answerCard, topicLabel } from './question-cards.ts';
import { say, str } from './shared.ts';

/**
 * Questions in free words about the calls ("når er fristen?", "how much can a transfer project
 * get?"). The engine routes text here when it reads as a question (src/bot/engine.ts); the search
 * and the facts are in src/domain/questions/. Transient: the dialog the user was in stays, and
 * "continue where I was" returns to it. See docs/questions.md.
 */

const D = 'question';

/** The answer to one section (a topic of one call), composed from the call model. */
export function answerSection(ctx: DialogContext, s: Section): TopicAnswer | undefined {
  const call = ctx.catalog.get(s.callId);
  if (!call) return undefined;
  const source = ctx.catalog.knowledge.sources[call.id];
  return answerTopic(call, s.topic, ctx.now, {
    ...(s.category ? { category: s.category } : {}),
    ...(source === undefined ? {} : { source }),
  });
}

function answers(
  ctx: DialogContext,
  sections: readonly Section[],
): { answers: TopicAnswer[]; replies: Outbound[] } {
  const out: TopicAnswer[] = [];
  const replies: Outbound[] = [];
  for (const s of sections) {
    const call = ctx.catalog.get(s.callId);
    const answer = answerSection(ctx, s);
    if (!call || !answer) continue;
    out.push(answer);
    replies.push(answerCard(ctx, call, answer));
  }
  return { answers: out, replies };
}

function contactLines(ctx: DialogContext, calls: readonly Call[]): string[] {
  return calls.map((c) =>
    ctx.t('question.none.contact', { call: say(ctx, c.title), contact: say(ctx, c.contact) }),
  );
}

function nearCard(ctx: DialogContext, typed: string, near: readonly Ranked[]): Outbound {
  const several = new Set(near.map((n) => n.callId)).size > 1;
  const labelled = near.flatMap((n) => {
    const call = ctx.catalog.get(n.callId);
    if (!call) return [];
    const label = topicLabel(ctx, call, n.topic);
    return [
      {
        n,
        label: several ? ctx.t('question.label.with-call', { label, call: say(ctx, call.title) }) : label,
      },
    ];
  });
  const calls = [...new Set(near.map((n) => n.callId))].flatMap((id) => ctx.catalog.get(id) ?? []);
  return card(
    ctx.t('question.near.title'),
    [
      text(
        ctx.t('question.near.text', {
          text: typed,
          topics: labelled.map((l) => `«${l.label}»`).join(ctx.t('question.or')),
        }),
      ),
      text(contactLines(ctx, calls).join('\n'), 'subtle'),
    ],
    [
      ...labelled.map(({ n, label }) => button(`${D}.topic`, label, { callId: n.callId, topic: n.topic })),
      button('help.start', ctx.t('common.help')),
    ],
  );
}

function noneCard(ctx: DialogContext, typed: string, named: readonly string[]): Outbound {
  const calls = named.length > 0 ? named.flatMap((id) => ctx.catalog.get(id) ?? []) : ctx.catalog.calls;
  return card(
    ctx.t('question.none.title'),
    [text(ctx.t('question.none.text', { text: typed })), text(contactLines(ctx, calls).join('\n'))],
    [button('help.start', ctx.t('common.help'))],
  );
}

/** What a question's reading comes to, for the dialog and for the question-set evaluation. */
export interface Answered {
  found: Found;
  answers: TopicAnswer[];
  replies: Outbound[];
}

/** Answers typed text as a question (pure: the catalog, the clock and the language come from `ctx`). */
export function answerQuestion(ctx: DialogContext, typed: string): Answered {
  const reading = readQuestion(ctx.catalog, typed);
  const found = reading.found;
  if (found.kind === 'answer') return { found, ...answers(ctx, found.sections) };
  if (found.kind === 'near') return { found, answers: [], replies: [nearCard(ctx, typed, found.near)] };
  return { found, answers: [], replies: [noneCard(ctx, typed, reading.mentions.calls)] };
}

export const questionDialog: Dialog = {
  name: D,
  transient: true,
  step(_state, event, ctx): StepResult {
    const args = event.kind === 'start' ? event.args : event.kind === 'action' ? event.data : {};
    const callId = str(args.callId);
    const topic = str(args.topic);
    if (callId && topic) {
      const category = str(args.category);
      return {
        state: null,
        replies: answers(ctx, [{ callId, topic, ...(category ? { category } : {}) }]).replies,
      };
    }
    const typed = str(args.text)?.trim();
    if (!typed) return { state: null, replies: [noneCard(ctx, '', [])] };
    return { state: null, replies: answerQuestion(ctx, typed).replies };
  },
};
