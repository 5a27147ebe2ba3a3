import { normaliseWhitespace } from './quotes.ts';

/**
 * Finds where a quote of last year's call text went in this year's text. A quote still there verbatim
 * is kept; otherwise the passage with the fewest word edits is proposed, as words of the new text
 * (so the proposal passes the verbatim check) and with a similarity the reviewer can judge it by.
 */

export interface Anchor {
  /** `verbatim`: found as is; `proposed`: the closest passage, to review; `none`: nothing close. */
  status: 'verbatim' | 'proposed' | 'none';
  passage?: string;
  /** 1 for verbatim, else 1 - word edits / the longer length. */
  similarity: number;
  /** Where the passage starts and ends in the whitespace-normalised text. */
  start?: number;
  end?: number;
}

/** Below this the closest passage is more likely another sentence than the quote reworded. */
export const MIN_SIMILARITY = 0.5;

interface Word {
  text: string;
  key: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({
    text: m[0],
    key: m[0].toLowerCase().replace(/^[«"(•]+|[.,;:!?»")]+$/g, ''),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Word-level edit distance, the quote against every window start at once would cost more than it saves. */
function editDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[b.length]!;
}

export function anchorQuote(quote: string, newText: string): Anchor {
  const text = normaliseWhitespace(newText);
  const wanted = normaliseWhitespace(quote);
  const at = text.indexOf(wanted);
  if (at >= 0)
    return { status: 'verbatim', passage: wanted, similarity: 1, start: at, end: at + wanted.length };

  const words = wordsOf(text);
  const keys = wordsOf(wanted).map((w) => w.key);
  const n = keys.length;
  const vocabulary = new Set(keys);
  let best: { score: number; from: number; to: number } | undefined;
  for (let from = 0; from < words.length; from++) {
    // A passage starts on a word of the quote (or the one after, when its first word changed): saves
    // most of the work and keeps loose words off the front.
    if (!vocabulary.has(words[from]!.key) && !vocabulary.has(words[from + 1]?.key ?? '')) continue;
    for (let len = Math.max(1, n - 3); len <= n + 3 && from + len <= words.length; len++) {
      const window = words.slice(from, from + len).map((w) => w.key);
      const score = 1 - editDistance(keys, window) / Math.max(n, len);
      // On a tie the passage as long as the quote wins: "Publisert 28.08.2023", not "Publisert".
      const better =
        !best ||
        score > best.score ||
        (score === best.score && Math.abs(len - n) < Math.abs(best.to - best.from - n));
      if (better) best = { score, from, to: from + len };
    }
  }
  if (!best || best.score < MIN_SIMILARITY) return { status: 'none', similarity: best?.score ?? 0 };
  const start = words[best.from]!.start;
  // Trailing punctuation of the last word is not part of a quote ("…750 000 kr," → "…750 000 kr"),
  // except a full stop the quote itself ends with.
  const last = words[best.to - 1]!;
  const trailing = wanted.endsWith('.') ? /[,;:]+$/ : /[.,;:]+$/;
  const end = last.start + last.text.replace(trailing, '').length;
  return {
    status: 'proposed',
    passage: text.slice(start, end),
    similarity: Math.round(best.score * 100) / 100,
    start,
    end,
  };
}
