import { performance } from 'node:perf_hooks';
import { answerQuestion } from '../dialogs/question.ts';
import type { DialogContext, Effects } from '../src/bot/dialog.ts';
import type { Outbound } from '../src/bot/messages.ts';
import type { Catalog } from '../src/domain/catalog.ts';
import { MidlerError } from '../src/domain/errors.ts';
import type { TopicAnswer } from '../src/domain/questions/facts.ts';
import type { QuestionCase } from '../src/domain/questions/knowledge.ts';
import { translator } from '../src/i18n/t.ts';
import { type SectionResult, summarise } from './stats.ts';

/**
 * Scores the question sets (calls/questions/): a question is a hit when the answer for its call
 * quotes the expected topic (or rule) first and states every expected fact outside the quote; for
 * `expect: none` when no answer is claimed; with `both: true` only when every call is answered.
 * Used by the accuracy test (test/questions/question-set.test.ts) and `npm run bench -- --only questions`.
 */

export interface CaseResult {
  question: QuestionCase;
  hit: boolean;
  /** What the bot did, for the list of misses. */
  got: string;
  /** What was wrong. */
  why?: string;
}

/** Answering reads nothing from the Store; a question that tried would be a bug worth a loud error. */
const noEffects = new Proxy({} as Effects, {
  get: (_t, name) => () => {
    throw new MidlerError('input.invalid', `question answering must not use effects (${String(name)})`);
  },
});

function contextFor(catalog: Catalog, locale: 'nb' | 'en', now: Date): DialogContext {
  return {
    locale,
    t: translator(locale),
    now,
    catalog,
    platform: 'console',
    user: { id: 'question-set', name: 'Question set' },
    conversation: { id: 'question-set', kind: 'personal' },
    profile: null,
    memory: {},
    effects: noEffects,
  };
}

const flat = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();

/**
 * What a reply says outside its quotes (facts must be stated, not only quoted). An answer from a
 * passage of the call text has no fact of its own to state — a fact is never copied out of the
 * text (DESIGN.md §6) — so the passage it quotes is what it says.
 */
function statedText(out: Outbound, passage = false): string {
  if (out.kind === 'text') return out.text;
  const parts = out.blocks.flatMap((b) =>
    b.kind === 'text'
      ? [b.text]
      : b.kind === 'facts'
        ? b.facts.map((f) => `${f.label}: ${f.value}`)
        : b.kind === 'quote' && passage
          ? [b.text]
          : [],
  );
  return [out.title ?? '', ...parts].join('\n').replace(/\*\*/g, '');
}

function matches(answer: TopicAnswer, expect: string): boolean {
  if (expect === 'source') return answer.topic.startsWith('source:');
  return answer.topic === expect || answer.rule?.id === expect;
}

export function evaluateCase(catalog: Catalog, q: QuestionCase, now: Date): CaseResult {
  const answered = answerQuestion(contextFor(catalog, q.lang, now), q.q);
  const { found, answers, replies } = answered;
  const got =
    found.kind === 'answer'
      ? answers.map((a) => `${a.callId}:${a.topic}`).join(' + ')
      : found.kind === 'near'
        ? `near ${found.near.map((n) => `${n.callId}:${n.topic}`).join(', ')}`
        : 'nothing';
  const miss = (why: string): CaseResult => ({ question: q, hit: false, got, why });
  let stated: string;
  if (q.expect === 'none') {
    if (found.kind === 'answer') return miss('claimed an answer');
    stated = replies.map((r) => statedText(r)).join('\n');
  } else {
    const at = answers.findIndex((a) => a.callId === q.callId);
    const mine = answers[at];
    if (!mine) return miss('no answer for the call');
    if (!matches(mine, q.expect)) return miss(`quoted ${mine.topic}`);
    if (q.both && new Set(answers.map((a) => a.callId)).size < catalog.calls.length)
      return miss('did not answer for every call');
    stated = statedText(replies[at] ?? { kind: 'text', text: '' }, mine.topic.startsWith('source:'));
  }
  const missing = q.facts.filter((f) => !flat(stated).includes(flat(f)));
  return missing.length > 0
    ? miss(`does not state ${missing.map((f) => `"${f}"`).join(', ')}`)
    : { question: q, hit: true, got };
}

export interface SetScore {
  total: number;
  hits: number;
  /** Hits / total, 0..1. */
  accuracy: number;
  misses: CaseResult[];
}

export function scoreQuestionSet(catalog: Catalog, cases: readonly QuestionCase[], now: Date): SetScore {
  const results = cases.map((q) => evaluateCase(catalog, q, now));
  const hits = results.filter((r) => r.hit).length;
  return {
    total: results.length,
    hits,
    accuracy: results.length === 0 ? 0 : hits / results.length,
    misses: results.filter((r) => !r.hit),
  };
}

/** The clock the question sets are scored at: inside both calls' application windows (2022). */
export const QUESTION_SET_NOW = '2022-10-03T10:00:00+02:00';

/** The bench's `questions` section: accuracy of the tuned and the held-out set, and every miss. */
export function questionRows(
  catalog: Catalog,
  cases: readonly QuestionCase[],
  options: { quick: boolean },
): SectionResult {
  const now = new Date(QUESTION_SET_NOW);
  const latencies: number[] = [];
  const started = performance.now();
  const score = (set: readonly QuestionCase[]) => {
    const results = set.map((q) => {
      const t0 = performance.now();
      const r = evaluateCase(catalog, q, now);
      latencies.push(performance.now() - t0);
      return r;
    });
    const hits = results.filter((r) => r.hit).length;
    return { results, hits, total: set.length };
  };
  const tuned = score(cases.filter((q) => !q.heldOut));
  const held = score(cases.filter((q) => q.heldOut));
  const pct = (hits: number, total: number) =>
    total === 0 ? 'n/a' : `${((hits / total) * 100).toFixed(1)} %`;
  const notes = [
    `top-1 accuracy, tuned set:    ${pct(tuned.hits, tuned.total)} (${tuned.hits}/${tuned.total})`,
    `top-1 accuracy, held-out set: ${pct(held.hits, held.total)} (${held.hits}/${held.total})`,
    `top-1 accuracy, whole set:    ${pct(tuned.hits + held.hits, tuned.total + held.total)} (${tuned.hits + held.hits}/${tuned.total + held.total})`,
  ];
  const misses = [...tuned.results, ...held.results].filter((r) => !r.hit);
  const shown = options.quick ? misses.slice(0, 10) : misses;
  if (misses.length > 0)
    notes.push(
      '',
      `misses (${misses.length}${shown.length < misses.length ? `, first ${shown.length}` : ''}):`,
    );
  for (const m of shown) {
    const q = m.question;
    notes.push(
      `  ${q.heldOut ? '[held-out] ' : ''}${q.callId} ${q.lang}: "${q.q}" → want ${q.expect}, got ${m.got} (${m.why ?? ''})`,
    );
  }
  return {
    rows: [
      summarise(
        'questions',
        'answer one question (search + facts + card)',
        latencies,
        performance.now() - started,
      ),
    ],
    notes,
  };
}
