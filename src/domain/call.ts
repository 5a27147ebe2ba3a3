import type { CallFileData, Text } from './call-schema.ts';

/** A loaded, validated call. Its id is the file name without the extension. */
export type Call = CallFileData & { id: string };

/** Where a rule comes from: the call and a short verbatim quote of its text. */
export interface Citation {
  callId: string;
  quote: string;
}

export type Locale = 'nb' | 'en';

/** Picks the user's language from a bilingual text. */
export function t(text: Text, locale: Locale): string {
  return text[locale];
}
