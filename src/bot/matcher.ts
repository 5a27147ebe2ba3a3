/**
 * Tolerant phrase matching for typed commands: case, diacritics (søke/soke), punctuation, extra
 * words and small typos. Small on purpose: a handful of phrases per intent, no NLP.
 */

/** Lowercase, æ/ø/å folded to ASCII, accents and punctuation removed, single spaces. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function tokens(text: string): string[] {
  const n = normalize(text);
  return n === '' ? [] : n.split(' ');
}

/** Optimal string alignment distance: insert, delete, substitute, swap two neighbours. */
export function editDistance(a: string, b: string): number {
  // Three rolling rows (the swap looks two rows back) instead of a full table: this runs for every
  // candidate word pair of a routed text.
  const cols = b.length + 1;
  let before = new Int32Array(cols);
  let prev = new Int32Array(cols);
  let row = new Int32Array(cols);
  for (let j = 0; j < cols; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, before[j - 2]! + 1);
      row[j] = best;
    }
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length]!;
}

/** Short words must be exact ("ny", "om"); longer ones allow one typo, long ones two. */
export function sameWord(typed: string, expected: string): boolean {
  if (typed === expected) return true;
  const allowed = expected.length <= 3 ? 0 : expected.length <= 6 ? 1 : 2;
  return (
    allowed > 0 &&
    Math.abs(typed.length - expected.length) <= allowed &&
    editDistance(typed, expected) <= allowed
  );
}

/** A short word (2–3 letters) one edit away ("my" for "mye"): only inside longer phrases, once. */
function nearWord(typed: string, expected: string): boolean {
  return (
    expected.length >= 2 &&
    expected.length <= 3 &&
    typed.length >= 2 &&
    Math.abs(typed.length - expected.length) <= 1 &&
    editDistance(typed, expected) === 1
  );
}

/**
 * Words written together or apart ("hvormye", "søknads berettiget"): at most one typo besides the
 * space, and only in long words, so a short word is never silently dropped ("nysoknad" ≠ "soknad").
 */
function joinedWord(typed: string, expected: string): boolean {
  if (typed === expected) return true;
  return (
    expected.length >= 7 &&
    Math.abs(typed.length - expected.length) <= 1 &&
    editDistance(typed, expected) <= 1
  );
}

/** Phrases of at least this many words tolerate one short word with a typo. */
const NEAR_MIN_WORDS = 3;

/**
 * Scores a phrase against typed words: every phrase word must appear, in order, among the typed
 * words (extra words are fine). A typed word may also stand for two or three phrase words written
 * together ("hvormye", "howmuch"), two typed words for one phrase word ("søknads berettiget"), and
 * in phrases of three or more words one short word may have a typo ("hvor my kan jeg søke om").
 * The score is the matched letters of the phrase (a short word with a typo counts one letter
 * less), so the most specific phrase wins ("hvor mye kan jeg søke om" beats "kan jeg søke") even
 * when it was typed with typos or joined words. With `whole`, no extra words are allowed.
 */
export function scorePhrase(
  typed: readonly string[],
  phrase: readonly string[],
  whole = false,
  words: WordTests = DIRECT,
): number | null {
  const n = phrase.length;
  const m = typed.length;
  if (n === 0) return null;
  const allowNear = n >= NEAR_MIN_WORDS;
  // best(i, j, near): the best score covering phrase[i..] with typed[j..]; near = a typo used. Filled
  // bottom-up (every step consumes a typed word, so row j needs only rows after it): no recursion, so
  // no stack depth that grows with the typed text (docs/reliability.md, "Bounded input").
  const NONE = -1;
  const width = n + 1;
  const table = new Float64Array((m + 2) * width * 2).fill(NONE);
  const at = (i: number, j: number, near: boolean) => (j * width + i) * 2 + (near ? 1 : 0);
  const get = (i: number, j: number, near: boolean): number | null => {
    if (i === n) return !whole || j === m ? 0 : null;
    if (j >= m) return null;
    const v = table[at(i, j, near)] ?? NONE;
    return v === NONE ? null : v;
  };
  for (let j = m - 1; j >= 0; j--) {
    const t = typed[j]!;
    for (let i = n - 1; i >= 0; i--) {
      const word = phrase[i]!;
      for (const near of [false, true]) {
        let top: number | null = null;
        const consider = (gain: number, rest: number | null) => {
          if (rest !== null && (top === null || gain + rest > top)) top = gain + rest;
        };
        if (!whole) consider(0, get(i, j + 1, near));
        if (words.same(t, word)) consider(word.length, get(i + 1, j + 1, near));
        else if (allowNear && !near && words.near(t, word))
          consider(word.length - 1, get(i + 1, j + 1, true));
        for (let k = 2; k <= 3 && i + k <= n; k++) {
          const joined = phrase.slice(i, i + k).join('');
          if (words.joined(t, joined)) consider(joined.length, get(i + k, j + 1, near));
        }
        if (j + 1 < m && words.joined(t + typed[j + 1]!, word))
          consider(word.length, get(i + 1, j + 2, near));
        table[at(i, j, near)] = top ?? NONE;
      }
    }
  }
  return get(0, 0, false);
}

/** The word comparisons a phrase score is made of; memoised per routed text by `PhraseIndex`. */
export interface WordTests {
  same(typed: string, expected: string): boolean;
  near(typed: string, expected: string): boolean;
  joined(typed: string, expected: string): boolean;
}

const DIRECT: WordTests = { same: sameWord, near: nearWord, joined: joinedWord };

/** Each comparison computed once per text: phrases share words ("søke", "søknad") across routes. */
function memoWordTests(): WordTests {
  const memo = (test: (a: string, b: string) => boolean) => {
    const seen = new Map<string, boolean>();
    return (a: string, b: string) => {
      const key = `${a} ${b}`;
      let hit = seen.get(key);
      if (hit === undefined) {
        hit = test(a, b);
        seen.set(key, hit);
      }
      return hit;
    };
  };
  return { same: memo(sameWord), near: memo(nearWord), joined: memo(joinedWord) };
}

export interface PhraseTable<T> {
  phrases: readonly string[][];
  target: T;
}

interface IndexedPhrase<T> {
  words: readonly string[];
  target: T;
  /** Index into the compiled vocabulary of each word. */
  wordIds: readonly number[];
  /** The phrase's words written together, two or three at a time: join id and the positions covered. */
  joins: readonly { id: number; from: number; to: number }[];
}

/**
 * A phrase table compiled once: the distinct phrase words and their joined forms. Routing a text
 * first asks, once per distinct word, whether any typed word could stand for it (the same checks the
 * scorer makes, so the answer is exact); only phrases whose every word can be covered are scored.
 * Most texts leave a handful of candidates out of hundreds of phrases.
 */
export interface PhraseIndex<T> {
  best(text: string, whole?: boolean): { target: T; phrase: readonly string[] } | undefined;
}

export function compilePhrases<T>(table: readonly PhraseTable<T>[]): PhraseIndex<T> {
  const vocabulary: string[] = [];
  const joinTexts: string[] = [];
  const idOf = (list: string[], ids: Map<string, number>, text: string) => {
    let id = ids.get(text);
    if (id === undefined) {
      id = list.push(text) - 1;
      ids.set(text, id);
    }
    return id;
  };
  const wordIds = new Map<string, number>();
  const joinIds = new Map<string, number>();
  const phrases: IndexedPhrase<T>[] = table.flatMap((entry) =>
    entry.phrases
      .filter((words) => words.length > 0)
      .map((words) => {
        const joins: { id: number; from: number; to: number }[] = [];
        for (let from = 0; from < words.length; from++)
          for (let k = 2; k <= 3 && from + k <= words.length; k++)
            joins.push({
              id: idOf(joinTexts, joinIds, words.slice(from, from + k).join('')),
              from,
              to: from + k,
            });
        return {
          words,
          target: entry.target,
          wordIds: words.map((w) => idOf(vocabulary, wordIds, w)),
          joins,
        };
      }),
  );
  // The same few commands are typed again and again ("hjelp", "status"), and one turn asks about its
  // text several times (whole, with extra words, for the question route): answers are kept, bounded.
  const known = new Map<string, { target: T; phrase: readonly string[] } | undefined>();
  const best = (text: string, whole: boolean) => {
    const key = `${whole ? 1 : 0}${text}`;
    if (known.has(key)) return known.get(key);
    const found = search(text, whole);
    if (known.size >= 1_000) known.clear();
    known.set(key, found);
    return found;
  };
  return { best: (text, whole = false) => best(text, whole) };

  function search(text: string, whole: boolean): { target: T; phrase: readonly string[] } | undefined {
    const typed = tokens(text);
    if (typed.length === 0) return undefined;
    const words = memoWordTests();
    const pairs = typed.slice(0, -1).map((t, j) => t + typed[j + 1]!);
    const wordOk = vocabulary.map(
      (w) => typed.some((t) => sameWord(t, w) || nearWord(t, w)) || pairs.some((p) => joinedWord(p, w)),
    );
    const joinOk = joinTexts.map((j) => typed.some((t) => joinedWord(t, j)));
    let top: { score: number; target: T; phrase: readonly string[] } | undefined;
    for (const p of phrases) {
      const possible = p.wordIds.every(
        (id, i) => wordOk[id] || p.joins.some((j) => joinOk[j.id] && j.from <= i && i < j.to),
      );
      if (!possible) continue;
      const score = scorePhrase(typed, p.words, whole, words);
      if (score !== null && (top === undefined || score > top.score))
        top = { score, target: p.target, phrase: p.words };
    }
    return top && { target: top.target, phrase: top.phrase };
  }
}

/** The best-scoring phrase and its target, or undefined when nothing matches. */
export function bestPhrase<T>(
  text: string,
  table: readonly PhraseTable<T>[],
  whole = false,
): { target: T; phrase: readonly string[] } | undefined {
  return compilePhrases(table).best(text, whole);
}

/** The target of the best-scoring phrase, or undefined when nothing matches. */
export function bestMatch<T>(text: string, table: readonly PhraseTable<T>[], whole = false): T | undefined {
  return bestPhrase(text, table, whole)?.target;
}

const hasDigit = (s: string) => /[0-9]/.test(s);

/** Like `sameWord`, but numbers must be exact ("2023" is not "2024", "1" is not "2"). */
function sameLabelWord(typed: string, expected: string): boolean {
  return hasDigit(typed) || hasDigit(expected) ? typed === expected : sameWord(typed, expected);
}

/**
 * How well typed text names a button label, as a whole (no extra words): 2 = the same once case,
 * æ/ø/å and punctuation are folded; 1 = the same with small typos or words joined or split
 * ("vetikke enna"), or a number alone that starts the label; 0 = not the label.
 */
export function labelMatch(text: string, label: string): 0 | 1 | 2 {
  const typed = tokens(text);
  const wanted = tokens(label);
  if (typed.length === 0 || wanted.length === 0) return 0;
  if (typed.join(' ') === wanted.join(' ')) return 2;
  const a = typed.join('');
  const b = wanted.join('');
  if (a === b) return 1;
  if (typed.length === wanted.length && typed.every((w, i) => sameLabelWord(w, wanted[i]!))) return 1;
  // A number alone names the label that starts with it ("3" for "3 eller flere").
  if (typed.length === 1 && /^[0-9]+$/.test(a) && wanted.length > 1 && wanted[0] === a) return 1;
  const digits = (s: string) => s.replace(/[^0-9]/g, '');
  return digits(a) === digits(b) && joinedWord(a, b) ? 1 : 0;
}

/**
 * The one label that typed text names: the label it equals once folded, when exactly one does;
 * otherwise the one label it matches with typos. Undefined when none or several match (ambiguous).
 */
export function pickLabel(text: string, labels: readonly string[]): number | undefined {
  const scores = labels.map((label) => labelMatch(text, label));
  for (const level of [2, 1] as const) {
    const hits = scores.flatMap((s, i) => (s === level ? [i] : []));
    if (hits.length === 1) return hits[0];
    if (hits.length > 1) return undefined;
  }
  return undefined;
}
