import { fold, words } from './text.ts';
import type { FactKind } from './topics.ts';
import { DEGREE } from './vocabulary.ts';

/**
 * What a question asks for, read from its question words: the kind of fact ("når" → a date,
 * "hvor mye" → an amount), the word a "which" question is about, and the thing it asks whether or
 * how many of. The search (search.ts) prefers topics holding that kind of fact; the decision
 * (find.ts) answers only with a topic that says the thing asked about.
 */

/**
 * The kind of fact a question's words ask for: "når"/"when" a date, "hvem"/"who" people, "hvor
 * mye"/"how much" an amount, "hvor"/"where" a place. Undefined for "hva"/"what" and keywords.
 */
export function asksFor(text: string): FactKind | undefined {
  const ws = words(text).map(fold);
  const pair = (i: number) => `${ws[i]} ${ws[i + 1] ?? ''}`;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] ?? '';
    const two = pair(i);
    if (/^(hvor mange|how many)$/.test(two)) return 'count';
    if (/^(hvor (mye|store?)|how (much|big))$/.test(two)) return 'amount';
    if (/^(hvor lenge|how long)$/.test(two) || ['varighet', 'duration'].includes(w)) return 'duration';
    if (/^(what time|hvilken dag|what day|what date)$/.test(two)) return 'date';
    if (['nar', 'when', 'dato', 'date', 'tidspunkt', 'klokkeslett'].includes(w)) return 'date';
    // A deadline is a date ("frist?", "deadline for …"), unless the question asks whether, not when
    // ("kan jeg levere etter fristen?").
    if (/frist|deadline/.test(w) && !YES_NO.has(ws[0] ?? '')) return 'date';
    if (['hvem', 'who', 'whom'].includes(w)) return 'people';
    if (['hvor', 'where'].includes(w)) return 'place';
    // "Hvordan"/"how" (not "how much"): the way to do it, which for a call is where and how to submit.
    if (['hvordan', 'how'].includes(w) && !DEGREE.has(ws[i + 1] ?? '')) return 'place';
    if (['belop', 'amount', 'maks', 'maksimalt', 'maximum', 'cap'].includes(w)) return 'amount';
  }
  return undefined;
}
/** Words that open a question answered by yes or no (folded). */
const YES_NO = new Set(
  'kan ma er skal far blir har finnes can may must is are do does will shall has have'.split(' '),
);

const WHICH = new Set(['hvilke', 'hvilken', 'hvilket', 'which', 'what']);

/** The word right after "hvilke"/"which" ("hvilke helseforetak", "which categories"): what is asked for. */
export function headOf(text: string): string | undefined {
  const ws = words(text);
  const at = ws.findIndex((w) => WHICH.has(fold(w)));
  return at >= 0 ? ws[at + 1] : undefined;
}

const ARTICLES = new Set('a an en et ei noen any'.split(' '));

/**
 * The thing a question asks about, which an answer must say: the word after "hvilke"/"which",
 * "hvor mange"/"how many", or "finnes det"/"er det"/"is there" ("er det en intern frist" →
 * "intern"). Undefined when the word only says what kind of fact is asked for ("hvilket
 * klokkeslett": a date), or the question has no such form.
 */
export function askedThing(text: string): string | undefined {
  const ws = words(text);
  const f = ws.map(fold);
  // Only the question's own opening: "hvem informeres om hvilke søknader …" asks "hvem".
  const one = f[0] ?? '';
  const two = `${one} ${f[1] ?? ''}`;
  let at: number | undefined;
  if (['hvilke', 'hvilken', 'hvilket', 'which'].includes(one)) at = 1;
  else if (/^(hvor mange|how many)$/.test(two)) at = 2;
  else if (/^(finnes det|er det|is there|are there)$/.test(two)) at = 2;
  if (at === undefined) return undefined;
  if (ARTICLES.has(f[at] ?? '')) at++;
  const w = ws[at];
  return w === undefined || asksFor(w) !== undefined ? undefined : w;
}
