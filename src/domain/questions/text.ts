import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemNorwegian } from '@orama/stemmers/norwegian';

/**
 * Words as the question search sees them: lowercased, split on anything that is not a letter or a
 * digit, stemmed (Snowball Norwegian and English, from @orama/stemmers) and then folded (æ→ae, ø→o,
 * å→a, accents dropped), so "søknadsfristen", "Søknadsfrist" and "soknadsfrist" meet in one term.
 * Stemming comes before folding because the Norwegian stemmer knows the letters æ, ø and å.
 */

export type Lang = 'nb' | 'en';

/** æ, ø and å to ASCII (as people type them without a Norwegian keyboard), accents dropped. */
export function fold(word: string): string {
  return word
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** The words of a text, lowercased but not folded (the stemmers need æ/ø/å). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * One word's search term in one language. Short words and numbers are not stemmed. Norwegian is
 * stemmed twice: Snowball takes one suffix per pass, so "lederen" → "leder" but "leder" → "led";
 * the second pass brings both to "led".
 */
export function term(word: string, lang: Lang): string {
  const key = `${lang}:${word}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const t =
    word.length <= 3 || /\d/.test(word)
      ? fold(word)
      : fold(lang === 'nb' ? stemNorwegian(stemNorwegian(word)) : stemEnglish(word));
  // Stemming is the costly part of reading a question; the words people use repeat a lot.
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, t);
  return t;
}

const MEMO_LIMIT = 50_000;
const memo = new Map<string, string>();

/** The word's terms in both languages (a question's language is not known in advance). */
export function terms(word: string): string[] {
  const nb = term(word, 'nb');
  const en = term(word, 'en');
  return nb === en ? [nb] : [nb, en];
}

/** A set of words written as lines of words separated by single spaces. */
export function wordSet(...lines: string[]): Set<string> {
  return new Set(lines.join(' ').split(' '));
}

/**
 * Words that carry no topic of their own in a question about a call, in both languages (folded).
 * Question words are here too: what they ask for is read by `asksFor`, not by the search.
 */
const STOP = wordSet(
  // nb
  'jeg meg min mitt mine du deg din ditt dine vi oss var vart vare dere han hun den det de dem',
  'seg sin sitt sine man en ei et og eller men i pa til for fra om av med ved hos under over etter',
  'for a er var blir ble bli vaere vart har hadde ha kan kunne ma matte skal skulle vil ville bor',
  'far fikk fa gjor gjore hva hvem hvor hvordan hvorfor nar hvilke hvilken hvilket noe noen',
  'alle alt dette disse denne sa ogsa ikke nei ja hvis dersom at som der her mye mange lurer',
  'gjelder finnes trenger trengs egentlig bare litt hei hallo takk vennligst kanskje da na enn',
  'selv samme annen andre hele',
  // en
  'a an the is are was were be been being am do does did i me my mine we us our you your it its',
  'they them their he she his her what who whom when where how which why can could may might',
  'must should shall will would to of for in on at by from with about as into than then there',
  'this that these those and or but not no yes if so any some there here much many get got have',
  'has had need needs please hi hello thanks just also',
);

export function isStopWord(word: string): boolean {
  return STOP.has(fold(word));
}

/** Words that open a question, folded (the first word of the text decides). */
const ASKING = wordSet(
  'hva hvem hvor hvordan hvorfor nar hvilke hvilken hvilket kan ma skal er far trenger gjelder',
  'finnes blir har bor vil hvis stemmer dekkes dekker',
  'what who whom when where how which why can could do does did is are must should will may',
  'shall would has have',
);

/**
 * True when the text reads as a question: it ends with "?", opens with a question word ("når",
 * "hvem", "what", "can"), or says it is one ("jeg lurer på", "I wonder").
 */
export function readsAsQuestion(text: string): boolean {
  const trimmed = text.trim();
  const ws = words(trimmed).map(fold);
  if (ws.length === 0) return false;
  if (trimmed.endsWith('?')) return true;
  if (ASKING.has(ws[0] ?? '')) return true;
  const joined = ` ${ws.join(' ')} `;
  return / lurer pa | wonder /.test(joined);
}

/** True when the text opens with a question word (not only a question mark). */
export function opensWithQuestionWord(text: string): boolean {
  return ASKING.has(fold(words(text)[0] ?? ''));
}

/** Words only one of the two languages uses, to tell which a question is in (folded). */
const ONLY_NB = wordSet(
  'er jeg hva nar hvem hvor hvordan hvilke hvilken hvilket og pa til kan ma vi det som av med skal har en et var min mitt fa far om ikke vare blir gjelder hos eller',
);
const ONLY_EN = wordSet(
  'the is are what when who where how which can do does we to of and my our an have has must will be should there get if with at it this that from about need any',
);

/** The language a text is written in, by its small words; undefined when they do not tell (keywords). */
export function guessLang(text: string): Lang | undefined {
  let nb = 0;
  let en = 0;
  for (const w of words(text).map(fold)) {
    if (ONLY_NB.has(w)) nb++;
    if (ONLY_EN.has(w)) en++;
  }
  if (nb === en) return undefined;
  return nb > en ? 'nb' : 'en';
}
