import { describe, expect, it } from 'vitest';
import { dialogs } from '../../dialogs/index.ts';
import { compilePhrases, type PhraseTable, scorePhrase, tokens } from '../../src/bot/matcher.ts';
import { messages } from '../../src/i18n/catalog/index.ts';
import type { MessageKey } from '../../src/i18n/t.ts';

/** The compiled index skips phrases it proves cannot match: it must pick what scoring every phrase picks. */

const keys = new Set<MessageKey>([
  ...(Object.keys(messages).filter((k) => k.startsWith('routing.')) as MessageKey[]),
  ...dialogs.flatMap((d) => (d.triggers ?? []).map((t) => t.phrases)),
]);
const table: PhraseTable<string>[] = [...keys].map((key) => ({
  target: key,
  phrases: [...messages[key].nb.split('|'), ...messages[key].en.split('|')]
    .map(tokens)
    .filter((p) => p.length > 0),
}));

function scoreEveryPhrase(text: string, whole: boolean) {
  const typed = tokens(text);
  let best: { score: number; target: string; phrase: readonly string[] } | undefined;
  for (const entry of table)
    for (const phrase of entry.phrases) {
      const score = scorePhrase(typed, phrase, whole);
      if (score !== null && (best === undefined || score > best.score))
        best = { score, target: entry.target, phrase };
    }
  return best && { target: best.target, phrase: best.phrase };
}

/** Every phrase as typed, with a typo, joined, split, with words around it, and cut short. */
function variants(phrase: readonly string[]): string[] {
  const text = phrase.join(' ');
  const out = [text, phrase.join(''), `jeg lurer på ${text} takk`, phrase.slice(0, -1).join(' ')];
  const long = phrase.findIndex((w) => w.length > 4);
  if (long >= 0) {
    const w = phrase[long]!;
    const typo = `${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}`;
    out.push(phrase.map((x, i) => (i === long ? typo : x)).join(' '));
    out.push(phrase.map((x, i) => (i === long ? `${w.slice(0, 3)} ${w.slice(3)}` : x)).join(' '));
    out.push(phrase.map((x, i) => (i === long ? w.slice(1) : x)).join(' '));
  }
  return out;
}

describe('the compiled phrase index', () => {
  const texts = [
    ...new Set([
      ...table.flatMap((e) => e.phrases.flatMap(variants)),
      'hvormye kan jeg soke om',
      'hvor my kan jeg søke om',
      'søknads berettiget',
      '',
      '???',
      'Hvordan kan vi redusere fall blant eldre pasienter på sengepost?',
    ]),
  ];

  it('routes a few hundred texts exactly as scoring every phrase does, with and without extra words', () => {
    expect(texts.length).toBeGreaterThan(300);
    const index = compilePhrases(table);
    let matched = 0;
    for (const text of texts)
      for (const whole of [false, true]) {
        const expected = scoreEveryPhrase(text, whole);
        if (expected) matched++;
        const got = index.best(text, whole);
        expect(
          got && { target: got.target, phrase: got.phrase },
          `${JSON.stringify(text)} whole=${whole}`,
        ).toEqual(expected);
      }
    // Most variants still route: the comparison is not made on texts that never match.
    expect(matched).toBeGreaterThan(texts.length);
  });
});
