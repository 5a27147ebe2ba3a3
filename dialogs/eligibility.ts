import { message } from '../src/bot/cards.ts';
import type { Dialog, DialogContext, DialogEvent, StepResult, StepState } from '../src/bot/dialog.ts';
import type { Call } from '../src/domain/call.ts';
import type { QuestionData } from '../src/domain/call-schema.ts';
import {
  type Answer,
  type Answers,
  applicableQuestions,
  evaluateEligibility,
  judgeAnswer,
  nextQuestion,
  validateAnswer,
} from '../src/domain/eligibility.ts';
import { formatDeadline } from '../src/i18n/format.ts';
import { questionCard, verdictCard } from './eligibility-cards.ts';
import { mayStartFor, saveOnApplication } from './eligibility-link.ts';
import { readAnswer } from './read-answer.ts';
import {
  chooseCategoryCard,
  chooseOpenCallCard,
  choseCallOrCategory,
  onlyCall,
  onlyCategory,
  record,
  say,
  str,
} from './shared.ts';

/**
 * "Can I apply?": call, category, then one question at a time (only those that apply), a "no"
 * explained at once with its rule and quote, ending in the verdict with to-dos and alternatives.
 * Answers: { callId, category, answers: { [questionId]: Answer } }.
 */

const D = 'eligibility';

interface Progress {
  callId?: string;
  category?: string;
  answers: Answers;
  /** The application this check is for (started from its card): the verdict is saved on it. */
  app?: string;
}

function read(state: StepState | null): Progress {
  const a = state?.answers ?? {};
  const callId = str(a.callId);
  const category = str(a.category);
  const app = str(a.app);
  return {
    ...(callId ? { callId } : {}),
    ...(category ? { category } : {}),
    answers: record(a.answers) as Answers,
    ...(app ? { app } : {}),
  };
}

function trustOf(call: Call, answers: Answers): string | undefined {
  const v = answers.trust;
  return typeof v === 'string' && call.trusts.some((t) => t.id === v) ? v : undefined;
}

function remember(call: Call, p: Progress, verdict?: StepResult['remember']): StepResult['remember'] {
  const trust = trustOf(call, p.answers);
  return {
    callId: call.id,
    ...(p.category ? { category: p.category } : {}),
    eligibility: p.answers,
    ...(trust ? { trust } : {}),
    ...verdict,
  };
}

const linkOf = (p: Progress) => (p.app ? { app: p.app } : {});

/** Renders whatever comes next for the progress so far. */
function render(ctx: DialogContext, p: Progress, notes: StepResult['replies'] = []): StepResult {
  const call = p.callId ? ctx.catalog.get(p.callId) : undefined;
  if (!call) {
    return {
      state: { step: 'call', answers: {} },
      replies: [...notes, chooseOpenCallCard(ctx, D, ctx.t('eligibility.choose-call'))],
    };
  }
  if (!p.category || !call.categories.some((c) => c.id === p.category)) {
    return {
      state: { step: 'category', answers: { callId: call.id, ...linkOf(p) } },
      replies: [...notes, chooseCategoryCard(ctx, D, call, ctx.t('eligibility.choose-category'))],
      remember: { callId: call.id },
    };
  }
  const input = { category: p.category, answers: p.answers };
  const state = { answers: { callId: call.id, category: p.category, answers: p.answers, ...linkOf(p) } };
  const q = nextQuestion(call, input);
  if (!q) {
    const result = evaluateEligibility(call, input, trustOf(call, p.answers));
    return {
      state: { step: 'verdict', ...state },
      replies: [...notes, verdictCard(ctx, call, p.category, result, p.app)],
      remember: remember(call, p, { verdict: result.verdict }),
    };
  }
  const all = applicableQuestions(call, input);
  const answered = all.filter((x) => p.answers[x.id] !== undefined).length;
  const canGoBack = answered > 0 || choseCallOrCategory(ctx, call);
  const waitsForText = q.kind === 'number' || q.kind === 'percent' || q.kind === 'date';
  return {
    state: { step: 'question', ...state, ...(waitsForText ? { awaiting: q.id } : {}) },
    replies: [...notes, questionCard(ctx, call, q, { n: answered + 1, total: all.length }, canGoBack)],
    remember: remember(call, p),
  };
}

function answerQuestion(
  ctx: DialogContext,
  call: Call,
  p: Progress,
  q: QuestionData,
  raw: unknown,
): StepResult {
  const value: Answer | undefined = readAnswer(q, raw);
  if (value === undefined || validateAnswer(q, value) !== null) {
    // A number that was read but is out of range is told so, not called unreadable.
    const key =
      q.kind === 'date'
        ? 'eligibility.invalid.date'
        : typeof value === 'number' && q.kind === 'percent'
          ? 'eligibility.invalid.percent-range'
          : typeof value === 'number'
            ? 'eligibility.invalid.negative'
            : q.kind === 'number' || q.kind === 'percent'
              ? 'eligibility.invalid.number'
              : 'eligibility.invalid.choice';
    return render(ctx, p, [
      message(ctx.t(key, { input: Array.isArray(raw) ? raw.join(', ') : String(raw ?? '') })),
    ]);
  }
  const next: Progress = { ...p, answers: { ...p.answers, [q.id]: value } };
  const judged = judgeAnswer(
    call,
    { ...(next.category ? { category: next.category } : {}), answers: next.answers },
    q.id,
  );
  if (judged && 'dueAt' in judged) {
    const due = judged.dueAt
      ? formatDeadline(judged.dueAt, ctx.now, ctx.locale)
      : ctx.t('eligibility.todo.no-date');
    return render(ctx, next, [
      message(ctx.t('eligibility.todo.noted', { todo: say(ctx, judged.text), due })),
    ]);
  }
  if (judged) {
    // A disqualifying answer ends the questions: the verdict says the rule and its quote, once.
    const category = next.category ?? '';
    const result = evaluateEligibility(
      call,
      { category, answers: next.answers },
      trustOf(call, next.answers),
    );
    return {
      state: {
        step: 'verdict',
        answers: { callId: call.id, category, answers: next.answers, ...linkOf(next) },
      },
      replies: [verdictCard(ctx, call, category, result, next.app)],
      remember: remember(call, next, { verdict: result.verdict }),
    };
  }
  return render(ctx, next);
}

/** `known`: answers the application already settles (its trust); never read from a button's data. */
function check(
  state: StepState | null,
  event: DialogEvent,
  ctx: DialogContext,
  known: Answers = {},
): StepResult {
  if (event.kind === 'start') {
    const callId = str(event.args.callId) ?? onlyCall(ctx)?.id;
    const call = callId ? ctx.catalog.get(callId) : undefined;
    const category = str(event.args.category) ?? (call ? onlyCategory(call) : undefined);
    const app = str(event.args.app);
    return render(ctx, {
      ...(call ? { callId: call.id } : {}),
      ...(category ? { category } : {}),
      answers: known,
      ...(app ? { app } : {}),
    });
  }
  const p = read(state);
  if (event.kind === 'resume') return render(ctx, p);
  if (event.kind === 'action' && event.action === 'call') {
    const callId = str(event.data.callId);
    const call = callId ? ctx.catalog.get(callId) : undefined;
    const category = call ? onlyCategory(call) : undefined;
    return render(ctx, {
      ...(call ? { callId: call.id } : {}),
      ...(category ? { category } : {}),
      answers: {},
      ...linkOf(p),
    });
  }
  const call = p.callId ? ctx.catalog.get(p.callId) : undefined;
  if (!call) return render(ctx, p);
  if (event.kind === 'action' && event.action === 'category') {
    const category = str(event.data.category);
    return render(ctx, { callId: call.id, ...(category ? { category } : {}), answers: {}, ...linkOf(p) });
  }
  const q = p.category ? nextQuestion(call, { category: p.category, answers: p.answers }) : undefined;
  if (!q) return render(ctx, p);
  if (event.kind === 'text') return answerQuestion(ctx, call, p, q, event.text);
  if (event.kind === 'action' && event.action === 'answer' && event.data.q === q.id) {
    return answerQuestion(ctx, call, p, q, event.data.value ?? event.inputs[q.id]);
  }
  return render(ctx, p);
}

export const eligibilityDialog: Dialog = {
  name: D,
  personal: { label: 'help.button.eligibility' },
  triggers: [{ phrases: 'routing.eligibility' }],
  async step(state, event, ctx) {
    const appId = event.kind === 'start' ? str(event.args.app) : undefined;
    if (!appId) return saveOnApplication(ctx, state, check(state, event, ctx));
    const start = await mayStartFor(ctx, appId);
    if ('refused' in start) return start.refused;
    return saveOnApplication(ctx, state, check(state, event, ctx, start.known));
  },
};
