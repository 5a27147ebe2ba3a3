import { normaliseWhitespace } from './quotes.ts';

/**
 * The dates, times, amounts and percentages of a call text, each with its sentence, so a draft can
 * set them beside the fields they probably belong to. Written for the Norwegian call texts of Helse
 * Midt-Norge ("20. oktober klokken 15.00", "750 000 kr", "25 %", "29.08.2022").
 */

export type FactKind = 'date' | 'time' | 'amount' | 'percent' | 'count' | 'year';

export interface TextFact {
  kind: FactKind;
  /** As written in the text. */
  text: string;
  /** date: `MM-DD` or `YYYY-MM-DD`; time: `HH:mm`; amount and percent: the number; year: `YYYY`. */
  value: string;
  /** Where it starts in the whitespace-normalised text. */
  at: number;
  sentence: string;
}

export interface Sentence {
  text: string;
  start: number;
}

/** The month names as the Norwegian texts write them, January first. */
export const NB_MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];

/** Number words as the texts write an award limit ("kun tre tildelinger"); én/en/ett are one. */
const COUNTS = ['', 'en', 'to', 'tre', 'fire', 'fem', 'seks'];

const two = (n: string | number) => String(n).padStart(2, '0');

interface Pattern {
  kind: FactKind;
  re: RegExp;
  value: (m: RegExpExecArray) => string;
}

const PATTERNS: readonly Pattern[] = [
  {
    kind: 'date',
    re: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g,
    value: (m) => `${m[3]}-${two(m[2]!)}-${two(m[1]!)}`,
  },
  {
    kind: 'date',
    re: new RegExp(`\\b(\\d{1,2})\\.\\s?(${NB_MONTHS.join('|')})(?:\\s(\\d{4}))?`, 'gi'),
    value: (m) => {
      const md = `${two(NB_MONTHS.indexOf(m[2]!.toLowerCase()) + 1)}-${two(m[1]!)}`;
      return m[3] ? `${m[3]}-${md}` : md;
    },
  },
  {
    kind: 'time',
    re: /\b(?:kl\.?|klokken)\s?(\d{1,2})[.:](\d{2})\b/gi,
    value: (m) => `${two(m[1]!)}:${m[2]}`,
  },
  {
    kind: 'amount',
    re: /\b(\d+(?:,\d+)?)\s?(?:mill\.?|millioner)\s?(?:kr\b|kroner)/gi,
    value: (m) => String(Math.round(Number(m[1]!.replace(',', '.')) * 1_000_000)),
  },
  {
    kind: 'amount',
    re: /\b(\d{1,3}(?:[ {2}]\d{3})+|\d+)\s?(?:kr\b|kroner|NOK)/g,
    value: (m) => m[1]!.replace(/\D/g, ''),
  },
  {
    kind: 'count',
    re: /(?<!\S)(én|en|ett|to|tre|fire|fem|seks|\d+)\s(?:tildelinger|tildeling)\b/gi,
    value: (m) =>
      String(
        COUNTS.indexOf(m[1]!.toLowerCase()) > 0 ? COUNTS.indexOf(m[1]!.toLowerCase()) : Number(m[1]) || 1,
      ),
  },
  { kind: 'percent', re: /\b(\d{1,3})\s?(?:%|prosent)/g, value: (m) => m[1]! },
  { kind: 'year', re: /\b(20\d{2})\b/g, value: (m) => m[1]! },
];

/**
 * Sentences, with their start in the whitespace-normalised text. A line break of the original ends
 * one too: headings and bullets have no full stop ("Publisert 29.08.2022" is a line of its own).
 */
export function sentencesOf(original: string): Sentence[] {
  const parts: Sentence[] = [];
  // A sentence ends at . ! ? before a capital letter; "20. oktober" and "kl. 15.00" do not.
  const boundary = /(?<=[.!?])\s+(?=[A-ZÆØÅ«•])/g;
  let offset = 0;
  for (const line of original
    .split('\n')
    .map(normaliseWhitespace)
    .filter((l) => l !== '')) {
    let start = 0;
    for (const m of line.matchAll(boundary)) {
      parts.push({ text: line.slice(start, m.index), start: offset + start });
      start = m.index + m[0].length;
    }
    parts.push({ text: line.slice(start), start: offset + start });
    offset += line.length + 1;
  }
  return parts;
}

/** Every fact in the text, in text order. A year inside a date found is not listed again. */
export function factsOf(original: string): TextFact[] {
  const text = normaliseWhitespace(original);
  const sentences = sentencesOf(original);
  const sentenceAt = (at: number) => [...sentences].reverse().find((s) => s.start <= at)?.text ?? text;
  const found: TextFact[] = [];
  const taken: [number, number][] = [];
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const from = m.index;
      const to = from + m[0].length;
      if (taken.some(([a, b]) => from < b && to > a)) continue;
      taken.push([from, to]);
      found.push({
        kind: p.kind,
        text: m[0].trim(),
        value: p.value(m),
        at: from,
        sentence: sentenceAt(from),
      });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The facts of one kind inside a stretch of the normalised text. */
export function factsWithin(
  facts: readonly TextFact[],
  from: number,
  to: number,
  kind: FactKind,
): TextFact[] {
  return facts.filter((f) => f.kind === kind && f.at >= from && f.at < to);
}
