import { describe } from 'vitest';
import { type Kit, useKit } from '../kit/index.ts';

type Locale = 'nb' | 'en';

/**
 * The call-text suites run once per locale on the engine kit at `at` (memory store); `body` gets the
 * kit, the locale's words and the locale. `%s` in the title is the locale.
 */
export function inBothLocales<T extends Record<Locale, unknown>>(
  title: string,
  words: T,
  at: string,
  body: (run: { kit: Kit; w: T[Locale]; locale: Locale }) => void,
): void {
  describe.each(['nb', 'en'] as const)(title, (locale) => {
    body({ kit: useKit('engine', { at, store: 'memory' }), w: words[locale], locale });
  });
}
