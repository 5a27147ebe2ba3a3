import type { Catalog } from '../domain/catalog.ts';
import { type Reading, readQuestion } from '../domain/questions/find.ts';
import { isStopWord, words } from '../domain/questions/text.ts';
import { messages } from '../i18n/catalog/index.ts';
import { normalize, sameWord, tokens } from './matcher.ts';
import type { Route, Router } from './routes.ts';

/**
 * Telling a command from a question (docs/questions.md). A command is a route's phrase as the whole
 * text, possibly with the call or category it is about ("kan jeg søke om innovasjonsmidler?"). A
 * question is text that reads as one, or that the search answers with words beyond any command's
 * phrase ("hvor mye kan et overføringsprosjekt få?" is more than "hvor mye").
 */
export interface QuestionRouting {
  /** Text that says it is a question ("spør når er fristen", `/midler spør …`): the question itself. */
  asked(text: string): string | undefined;
  /** The command the whole text is, with the named call and category as its arguments. */
  command(text: string): Route | undefined;
  /** The question reading of the text (remembered for the turn's text). */
  read(text: string): Reading;
  /** True when the search found an answer in words the best-matching command's phrase does not hold. */
  beyondCommand(text: string): boolean;
}

/** Small words left dangling when a call's name is taken out ("kan jeg søke om …"). */
const DANGLING = new Set(['om', 'pa', 'for', 'til', 'i', 'av', 'fra', 'on', 'to', 'in', 'about', 'the']);

export function createQuestionRouting(router: Router, catalog: Catalog): QuestionRouting {
  const askWords = [...messages['routing.ask'].nb.split('|'), ...messages['routing.ask'].en.split('|')].map(
    normalize,
  );
  let last: Reading | undefined;
  const read = (text: string): Reading => {
    if (last?.text !== text) last = readQuestion(catalog, text);
    return last;
  };
  return {
    read,
    asked(text) {
      const trimmed = text.trim();
      const first = trimmed.split(/\s+/, 1)[0] ?? '';
      if (!askWords.includes(normalize(first))) return undefined;
      // "ask for endorsement" is a command that starts with the word: the command as a whole wins.
      if (router.routeWhole(trimmed)) return undefined;
      const rest = trimmed.slice(first.length).replace(/^[\s:,-]+/, '');
      return rest === '' ? undefined : rest;
    },
    command(text) {
      const whole = router.routeWhole(text);
      if (whole) return whole;
      const { mentions } = read(text);
      if (mentions.at.size === 0) return undefined;
      const kept = words(text).filter((_, i) => !mentions.at.has(i));
      while (kept.length > 0 && DANGLING.has(normalize(kept.at(-1) ?? ''))) kept.pop();
      const route = kept.length > 0 ? router.routeWhole(kept.join(' ')) : undefined;
      if (route?.kind !== 'dialog') return route;
      const callId = mentions.calls.length === 1 ? mentions.calls[0] : undefined;
      const category = mentions.categories.length === 1 ? mentions.categories[0]?.id : undefined;
      return {
        ...route,
        args: { ...(callId ? { callId } : {}), ...(category ? { category } : {}), ...route.args },
      };
    },
    beyondCommand(text) {
      const { found } = read(text);
      if (found.kind !== 'answer') return false;
      const phrase = router.match(text)?.phrase ?? [];
      return found.top.matched
        .filter((w) => !isStopWord(w))
        .flatMap((w) => tokens(w))
        .some((w) => !phrase.some((p) => sameWord(w, p)));
    },
  };
}
