import { afterEach, describe } from 'vitest';
import type { Store } from '../../src/store/store.ts';
import { Chat, type ChatOptions, transcriptStores } from '../support/transcript.ts';

type Locale = 'nb' | 'en';

export interface TranscriptRun {
  /** This test's store: opened on first use, closed after the test. */
  store(): Store;
  /** A chat on this test's store, at the suite's time unless `at` says otherwise. */
  chat(options?: Partial<Omit<ChatOptions, 'store'>>): Chat;
  /** Closes this test's store and opens an empty one: a second, independent run in the same test. */
  newStore(): Promise<Store>;
}

/**
 * The preamble every transcript suite shares: `body` runs once per store (memory, Redis), each test
 * on a fresh store that is closed after it. `file` keeps the Redis prefixes of suites apart.
 */
export function transcriptSuite(file: string, title: string, at: string, body: (run: TranscriptRun) => void) {
  describe.each(transcriptStores(file))(`${title} on $name`, ({ make }) => {
    let current: Store | undefined;
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });
    const store = () => {
      current ??= make();
      return current;
    };
    const newStore = async () => {
      await current?.close();
      current = make();
      return current;
    };
    body({ store, newStore, chat: (options = {}) => new Chat({ store: store(), at, ...options }) });
  });
}

/**
 * A transcript suite written once for both languages: `body` runs per locale with that locale's
 * words and `chatIn()`, a chat in that locale (each test still on a fresh store).
 */
export function transcriptsInBothLocales<T extends Record<Locale, unknown>>(
  file: string,
  title: string,
  at: string,
  words: T,
  body: (run: TranscriptRun & { locale: Locale; w: T[Locale]; chatIn: () => Chat }) => void,
) {
  transcriptSuite(file, title, at, (run) => {
    for (const locale of ['nb', 'en'] as const) {
      const chatIn = () => run.chat(locale === 'en' ? { locale } : {});
      body({ ...run, locale, w: words[locale], chatIn });
    }
  });
}
