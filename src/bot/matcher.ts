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
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      const prev = d[i - 1]!;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      row[j] = best;
    }
  }
  return d[a.length]![b.length]!;
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

/**
 * Scores a phrase against typed words: every phrase word must appear, in order, among the typed
 * words (extra words are fine). The score is the matched letters, so the most specific phrase wins
 * ("hvor mye kan jeg søke om" beats "kan jeg søke"). With `whole`, no extra words are allowed.
 */
export function scorePhrase(
  typed: readonly string[],
  phrase: readonly string[],
  whole = false,
): number | null {
  if (phrase.length === 0 || (whole && typed.length !== phrase.length)) return null;
  let at = 0;
  let score = 0;
  for (const word of phrase) {
    while (at < typed.length && !sameWord(typed[at]!, word)) at++;
    if (at >= typed.length) return null;
    score += word.length;
    at++;
  }
  return score;
}

export interface PhraseTable<T> {
  phrases: readonly string[][];
  target: T;
}

/** The target of the best-scoring phrase, or undefined when nothing matches. */
export function bestMatch<T>(text: string, table: readonly PhraseTable<T>[], whole = false): T | undefined {
  const typed = tokens(text);
  let best: { score: number; target: T } | undefined;
  for (const entry of table) {
    for (const phrase of entry.phrases) {
      const score = scorePhrase(typed, phrase, whole);
      if (score !== null && (best === undefined || score > best.score))
        best = { score, target: entry.target };
    }
  }
  return best?.target;
}
