import { describe } from 'vitest';
import type { Application } from '../../src/domain/application.ts';
import { type Kit, type Persona, useKit } from '../kit/index.ts';

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

/**
 * The application whose later steps the call-text suites read: `applicant`'s "Trygg utskrivning" at
 * `stage`, approved by Nils Leder (nearest) and Lise Klinikk (clinic leader).
 */
export function endorsedApplication(
  kit: Kit,
  applicant: Persona,
  stage: 'endorsed' | 'submitted',
): Promise<Application> {
  const [nils, lise] = [kit.user('Nils Leder'), kit.user('Lise Klinikk')];
  return applicant.applies({ title: 'Trygg utskrivning', stage, leaders: [nils.person, lise.person] });
}
