import type { Catalog } from '../catalog.ts';
import { questionsOf } from './index.ts';
import { findMentions, type Mentions } from './mentions.ts';
import type { Ranked } from './search.ts';
import { readsAsQuestion, words } from './text.ts';
import { definingRule } from './topics.ts';

/**
 * The first pass over typed text: which calls and categories it names, whether it reads as a
 * question, and what the search found — an answer (one topic, or the same kind of topic in every
 * call the question fits), something near (the two nearest topics), or nothing.
 */

export interface Section {
  callId: string;
  topic: string;
  /** A category the question named, when its call has several. */
  category?: string;
}

export type Found =
  | { kind: 'answer'; sections: Section[]; top: Ranked }
  | { kind: 'near'; near: Ranked[] }
  | { kind: 'nothing' };

export interface Reading {
  text: string;
  mentions: Mentions;
  question: boolean;
  /** A word of the text is known to the index: the text is about the calls, even if nothing fits. */
  nearCalls: boolean;
  found: Found;
}

/** Below this score nothing counts as found (one common word in a long passage). */
const MIN_SCORE = 1.5;
/** An answer needs this share of the question's topic words, or a clear lead over the next topic. */
const MIN_COVERAGE = 0.34;
const LEAD = 1.3;
/** Another call gets its own answer when its best topic is the same and this close. */
const SAME_TOPIC_SHARE = 0.5;
const OTHER_TOPIC_SHARE = 0.85;

export function readQuestion(catalog: Catalog, text: string): Reading {
  const index = questionsOf(catalog);
  const mentions = findMentions(text, catalog.calls);
  const question = readsAsQuestion(text);
  const nearCalls = mentions.calls.length > 0 || index.knowsAnyWord(mentions.rest);
  const found = decide(catalog, mentions);
  return { text, mentions, question, nearCalls, found };
}

function categoryOf(mentions: Mentions, callId: string): string | undefined {
  return mentions.categories.find((c) => c.callId === callId)?.id;
}

function section(mentions: Mentions, r: Pick<Ranked, 'callId' | 'topic'>): Section {
  const category = categoryOf(mentions, r.callId);
  return { callId: r.callId, topic: r.topic, ...(category ? { category } : {}) };
}

function decide(catalog: Catalog, mentions: Mentions): Found {
  const index = questionsOf(catalog);
  const ranked = index.search(mentions.rest, { calls: mentions.calls, categories: mentions.categories }, 24);
  const top = ranked[0];
  if (!top || top.score < MIN_SCORE) {
    // Only a category was named ("overføring?"): what the call says about that category.
    const named = mentions.categories[0];
    if (named && !top) {
      // "Hva er overføring av tjenesteinnovasjon?": the rule quoting the category's name says what it
      // is. The category alone ("overføring?"): what the call says about it (cap, own financing).
      const call = catalog.calls.find((c) => c.id === named.callId);
      const asksWhat = words(mentions.rest).length > 0;
      const defining = asksWhat && call ? definingRule(call, named.id)?.id : undefined;
      const topic = defining ?? `category:${named.id}`;
      const t = { callId: named.callId, topic, score: 0, coverage: 1, matched: [] };
      return { kind: 'answer', sections: [section(mentions, t)], top: t };
    }
    return top ? { kind: 'near', near: nearest(ranked) } : { kind: 'nothing' };
  }
  const second = ranked.find((r) => r.topic !== top.topic || r.callId !== top.callId);
  const leads = !second || top.score >= second.score * LEAD;
  if (top.coverage < MIN_COVERAGE && !leads) {
    // Unsure between loud topics, but one says every topic word of the question: that one.
    const whole = ranked.find((r) => r.coverage === 1 && (r.covered ?? 0) >= 2 && r.score >= MIN_SCORE);
    return whole ? answerWith(catalog, mentions, ranked, whole) : { kind: 'near', near: nearest(ranked) };
  }
  // "Hvor mange søknader blir innvilget?": a topic that does not say "søknader" does not answer it.
  if (top.saysAsked === false) return { kind: 'near', near: nearest(ranked) };
  return answerWith(catalog, mentions, ranked, top);
}

/** The answer with `top`, and with the same (or as good a) topic of every other call when none was named. */
function answerWith(catalog: Catalog, mentions: Mentions, ranked: readonly Ranked[], top: Ranked): Found {
  const sections = [section(mentions, top)];
  if (mentions.calls.length === 0) {
    for (const call of catalog.calls) {
      if (call.id === top.callId) continue;
      // The same topic in the other call answers the same question ("frister": both deadlines), even
      // when a neighbouring topic of that call scores a little higher.
      const same = ranked.find((r) => r.callId === call.id && r.topic === top.topic);
      if (same && same.score >= top.score * SAME_TOPIC_SHARE) {
        sections.push(section(mentions, same));
        continue;
      }
      const best = ranked.find((r) => r.callId === call.id);
      if (!best) continue;
      const close = best.score >= top.score * OTHER_TOPIC_SHARE && best.coverage >= top.coverage;
      if (close) sections.push(section(mentions, best));
    }
  }
  return { kind: 'answer', sections, top };
}

/** The two best topics that differ (for "did you mean …" buttons). */
function nearest(ranked: readonly Ranked[]): Ranked[] {
  const out: Ranked[] = [];
  for (const r of ranked) {
    if (out.some((o) => o.topic === r.topic && o.callId === r.callId)) continue;
    out.push(r);
    if (out.length === 2) break;
  }
  return out;
}
