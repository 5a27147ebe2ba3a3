import { fold, isStopWord, type Lang, term, terms, wordSet, words } from './text.ts';

/**
 * The synonym groups compiled for matching: every member of group `i` stands for the marker term
 * `~i`, added beside the words themselves both in the index and in a question. Members match on
 * their stems in either language, so "fristen" meets "frist" and "deadlines" meets "deadline".
 */
export interface Vocabulary {
  /** Marker terms for one word. */
  markersOf(word: string): string[];
  /** Marker terms of the phrases (two or more words) found in a word sequence, with where they start. */
  phrasesIn(ws: readonly string[]): { marker: string; at: number; length: number }[];
  /** True when the word belongs to a synonym group (then it is searched even if it is a stop word). */
  known(word: string): boolean;
}

const markerOf = (group: number) => `~${group}`;

/** At most this many small words between the words of a phrase. */
const MAX_GAP = 2;

export function isMarker(t: string): boolean {
  return t.startsWith('~');
}

export function compileVocabulary(groups: readonly (readonly string[])[]): Vocabulary {
  const singles = new Map<string, Set<string>>();
  const phrases: { marker: string; parts: Set<string>[] }[] = [];
  groups.forEach((group, i) => {
    for (const member of group) {
      const ws = words(member);
      if (ws.length === 0) continue;
      if (ws.length === 1) {
        for (const t of [...terms(ws[0] ?? ''), fold(ws[0] ?? '')]) {
          const set = singles.get(t) ?? new Set<string>();
          set.add(markerOf(i));
          singles.set(t, set);
        }
      } else {
        phrases.push({ marker: markerOf(i), parts: ws.map((w) => new Set([...terms(w), fold(w)])) });
      }
    }
  });
  const markersOf = (word: string): string[] => {
    const found = new Set<string>();
    for (const t of [...terms(word), fold(word)]) for (const m of singles.get(t) ?? []) found.add(m);
    return [...found];
  };
  return {
    markersOf,
    known: (word) => markersOf(word).length > 0,
    phrasesIn(ws) {
      const out: { marker: string; at: number; length: number }[] = [];
      const wordTerms = ws.map((w) => [...terms(w), fold(w)]);
      const fitsAt = (part: Set<string>, i: number) => wordTerms[i]?.some((t) => part.has(t)) === true;
      for (const p of phrases) {
        for (let at = 0; at < ws.length; at++) {
          if (!fitsAt(p.parts[0] ?? new Set(), at)) continue;
          // Small words may come between a phrase's words: "får vi vite" is "får vite".
          let i = at;
          let skipped = 0;
          const fits = p.parts.slice(1).every((part) => {
            i++;
            while (!fitsAt(part, i) && isStopWord(ws[i] ?? '') && skipped < MAX_GAP && i < ws.length) {
              i++;
              skipped++;
            }
            return fitsAt(part, i);
          });
          if (fits) out.push({ marker: p.marker, at, length: i - at + 1 });
        }
      }
      return out;
    },
  };
}

/**
 * A text as index terms in one language, with the synonym markers of its words and phrases. Stop
 * words give markers only in a document's kind words (`keys`: "når", "who"), so a rule that says
 * "hvem" in passing does not answer every "hvem"-question.
 */
export function indexTerms(
  text: string,
  lang: Lang,
  vocabulary: Vocabulary,
  keys = false,
): { terms: string[]; markers: string[] } {
  const ws = words(text);
  const markers = new Set<string>();
  for (const w of ws) if (keys || !isStopWord(w)) for (const m of vocabulary.markersOf(w)) markers.add(m);
  // "Det er ikke mulig å søke om midler til …" does not say what one can apply for.
  for (const p of vocabulary.phrasesIn(ws)) if (!negated(ws, p.at)) markers.add(p.marker);
  return { terms: ws.filter((w) => !isStopWord(w)).map((w) => term(w, lang)), markers: [...markers] };
}

/** Words that make "hvor"/"how" before them ask how much, many, long or often. */
export const DEGREE = wordSet('mye mange stor store lenge ofte much many long big often');

const NEGATIONS = wordSet('ikke ingen aldri uten not no never without cannot');

/** A negation among the few words before position `at`. */
function negated(ws: readonly string[], at: number): boolean {
  return ws.slice(Math.max(0, at - 4), at).some((w) => NEGATIONS.has(fold(w)));
}

/** One unit of a question: a word (its terms in each language and its markers) or a phrase marker. */
export interface QueryUnit {
  /** What was typed, for explaining a match. */
  text: string;
  /** The word's term read as Norwegian and as English (absent for a stop word or a phrase). */
  nb?: string;
  en?: string;
  markers: string[];
  /** A question word ("når", "who"), a year, or a word inside a phrase unit: it steers, it is not a topic. */
  steering: boolean;
}

/**
 * The units of a question, without stop words that belong to no synonym group. A phrase of a
 * synonym group ("own financing", "hvor mye") is one unit; its words then only steer, so they do
 * not count twice. Question words ("når", "who") and years steer too.
 */
export function queryUnits(text: string, vocabulary: Vocabulary): QueryUnit[] {
  const ws = words(text);
  const phrases = vocabulary.phrasesIn(ws);
  const inPhrase = new Set(phrases.flatMap((p) => Array.from({ length: p.length }, (_, k) => p.at + k)));
  const units: QueryUnit[] = [];
  ws.forEach((w, i) => {
    const markers = vocabulary.markersOf(w);
    const stop = isStopWord(w);
    if (stop && markers.length === 0) return;
    // "hvor" in "hvor mye", "hvor mange", "how long" asks for a degree, not a place.
    if (stop && DEGREE.has(fold(ws[i + 1] ?? ''))) return;
    units.push({
      text: w,
      ...(stop ? {} : { nb: term(w, 'nb'), en: term(w, 'en') }),
      markers,
      steering: stop || inPhrase.has(i),
    });
  });
  for (const p of phrases) {
    units.push({ text: ws.slice(p.at, p.at + p.length).join(' '), markers: [p.marker], steering: false });
  }
  return units;
}
