import { fold, guessLang, type Lang, wordSet, words } from './questions/text.ts';

/**
 * The language a person wrote a message in, when the message makes it clear: its small words
 * (guessLang), else the words people type to the bot on their own ("hjelp", "frist", "help"), else
 * æ, ø or å. Undefined for names, titles, amounts and words both languages share ("status", "ok").
 */

const NB_WORDS = wordSet(
  'hjelp hei hallo takk ja nei avbryt tilbake fortsett soknad soknader soke frist fristen fristene belop paminnelser paminnelse personvern godkjenning godkjenn avsla ny mine min mitt prioriter prioritering norsk utlysning utlysninger kanal sjekk slett',
);
const EN_WORDS = wordSet(
  'help hi hello thanks thank yes no cancel back continue application applications apply deadline deadlines amount reminders reminder privacy approval approve decline new prioritise prioritize english call calls channel check delete',
);

export function writtenLanguage(text: string): Lang | undefined {
  const bySmallWords = guessLang(text);
  if (bySmallWords) return bySmallWords;
  let nb = 0;
  let en = 0;
  for (const w of words(text).map(fold)) {
    if (NB_WORDS.has(w)) nb++;
    if (EN_WORDS.has(w)) en++;
  }
  if (nb !== en) return nb > en ? 'nb' : 'en';
  return /[æøå]/i.test(text) ? 'nb' : undefined;
}
