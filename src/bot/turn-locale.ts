import type { Locale } from '../domain/call.ts';
import { writtenLanguage } from '../domain/written-language.ts';
import type { UserProfile } from '../store/store.ts';
import type { Inbound } from './messages.ts';

/**
 * The language of one turn (docs/conversation.md, "Language"): the person's explicit choice wins;
 * otherwise the language they write in, when the text makes it clear (many Norwegians run Teams in
 * English, and Microsoft's playground always says en-US); a button press or an unclear text keeps
 * the language they last wrote in; otherwise the client's locale of this turn, then the profile's,
 * then bokmål. `remember` is the profile change that keeps a newly written language for later turns.
 */
export function turnLocale(
  event: Inbound,
  profile: UserProfile | null,
): { locale: Locale; remember?: Pick<UserProfile, 'locale' | 'localeFrom'> } {
  if (profile?.localeFrom === 'choice' && profile.locale) return { locale: profile.locale };
  const written = event.text && !event.generated ? writtenLanguage(event.text) : undefined;
  if (written) {
    // Kept where the turn keeps a profile anyway (the adapters ask for it), never as a turn's only write.
    const keeps = event.bookkeeping?.keepProfile === true || profile !== null;
    const known = !keeps || (profile?.localeFrom === 'text' && profile.locale === written);
    return { locale: written, ...(known ? {} : { remember: { locale: written, localeFrom: 'text' } }) };
  }
  if (profile?.localeFrom === 'text' && profile.locale) return { locale: profile.locale };
  return { locale: event.user.locale ?? profile?.locale ?? 'nb' };
}
