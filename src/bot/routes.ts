import { messages } from '../i18n/catalog/index.ts';
import type { MessageKey } from '../i18n/t.ts';
import type { Dialog } from './dialog.ts';
import { compilePhrases, type PhraseTable, tokens } from './matcher.ts';

/** What typed text asks for. */
export type Route =
  | { kind: 'cancel' }
  | { kind: 'back' }
  | { kind: 'dialog'; dialog: string; args: Record<string, unknown> };

/** Engine-level words, recognised even while a dialog waits for typed input (whole text only). */
const globalRoutes: { phrases: MessageKey; route: Route }[] = [
  { phrases: 'routing.cancel', route: { kind: 'cancel' } },
  { phrases: 'routing.back', route: { kind: 'back' } },
  { phrases: 'routing.help', route: { kind: 'dialog', dialog: 'help', args: {} } },
  { phrases: 'routing.english', route: { kind: 'dialog', dialog: 'language', args: { locale: 'en' } } },
  { phrases: 'routing.norwegian', route: { kind: 'dialog', dialog: 'language', args: { locale: 'nb' } } },
];

/**
 * Words for features whose dialog another issue adds (reminders: issue 8). Routed to the dialog by
 * name; until it is registered the engine says the feature is not available yet.
 */
const reservedRoutes: { phrases: MessageKey; route: Route }[] = [
  { phrases: 'routing.reminders', route: { kind: 'dialog', dialog: 'reminders', args: {} } },
];

function phrasesOf(key: MessageKey): string[][] {
  const msg = messages[key];
  return [...msg.nb.split('|'), ...msg.en.split('|')].map(tokens).filter((p) => p.length > 0);
}

export interface Router {
  /** Best route for free text, tolerating extra words. */
  route(text: string): Route | undefined;
  /** Global words only, and only when they are the whole text (a dialog is waiting for input). */
  routeGlobal(text: string): Route | undefined;
  /**
   * Any command, only when the whole text is one of its phrases exactly (case, æ/ø/å and punctuation
   * folded; no typos, no extra words): at a prompt for free text, "status" is the command, not a title.
   */
  routeCommand(text: string): Route | undefined;
  /** Any route, but only when its phrase is the whole text ("status", "ny søknad", "kan jeg søke?"). */
  routeWhole(text: string): Route | undefined;
  /** The best route with the words of the phrase that matched (what a question adds beyond it). */
  match(text: string): { route: Route; phrase: readonly string[] } | undefined;
}

export function createRouter(dialogs: readonly Dialog[]): Router {
  const globals: PhraseTable<Route>[] = globalRoutes.map((g) => ({
    phrases: phrasesOf(g.phrases),
    target: g.route,
  }));
  const fromDialogs: PhraseTable<Route>[] = dialogs.flatMap((d) =>
    (d.triggers ?? []).map((tr) => ({
      phrases: phrasesOf(tr.phrases),
      target: { kind: 'dialog', dialog: d.name, args: tr.args ?? {} } satisfies Route,
    })),
  );
  const reserved = reservedRoutes.map((r) => ({ phrases: phrasesOf(r.phrases), target: r.route }));
  const all = [...globals, ...fromDialogs, ...reserved];
  const exact = new Map<string, Route>();
  for (const entry of all)
    for (const phrase of entry.phrases)
      if (!exact.has(phrase.join(' '))) exact.set(phrase.join(' '), entry.target);
  // Compiled once per engine: routing is on every typed turn's path (docs/performance.md).
  const allIndex = compilePhrases(all);
  const globalIndex = compilePhrases(globals);
  return {
    route: (text) => allIndex.best(text)?.target,
    routeGlobal: (text) => globalIndex.best(text, true)?.target,
    routeCommand: (text) => exact.get(tokens(text).join(' ')),
    routeWhole: (text) => allIndex.best(text, true)?.target,
    match(text) {
      const best = allIndex.best(text);
      return best ? { route: best.target, phrase: best.phrase } : undefined;
    },
  };
}
