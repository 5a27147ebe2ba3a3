import type { Call } from '../call.ts';
import { fold, term, words } from './text.ts';

/**
 * Which calls and categories a text names: by the call's `aliases`, its titles and its category
 * names and aliases (data in calls/*.yaml). A typed word that starts with a long alias counts
 * ("pasientsikkerhetsmidlene", "innovasjonssøknaden"), with one typo allowed in long aliases.
 */

export interface Mentions {
  /** Calls named (directly or through a category), in catalog order. */
  calls: string[];
  /** Categories named, with their call. */
  categories: { callId: string; id: string }[];
  /** Positions in `words(text)` of the words that named them. */
  at: Set<number>;
  /**
   * The text without the words that named a call or a category (the search is told about them
   * separately). A compound keeps its own part: "innovasjonssøknaden" leaves "søknaden".
   */
  rest: string;
}

interface Alias {
  callId: string;
  category?: string;
  parts: string[];
}

/** Long aliases also match as the start of a longer word (Norwegian compounds). */
const PREFIX_MIN = 9;

function aliasesOf(call: Call): Alias[] {
  const out: Alias[] = [];
  const push = (text: string, category?: string) => {
    const parts = words(text).map(fold);
    if (parts.length > 0) out.push({ callId: call.id, ...(category ? { category } : {}), parts });
  };
  for (const a of call.aliases ?? []) push(a);
  push(call.title.nb.replace(/\d[\d–-]*/g, ''));
  push(call.title.en.replace(/\d[\d–-]*/g, ''));
  // The only category of a call names the call ("pasientsikkerhetsprosjekt").
  const only = call.categories.length === 1;
  for (const c of call.categories) {
    const id = only ? undefined : c.id;
    for (const a of c.aliases ?? []) push(a, id);
    push(c.name.nb, id);
    push(c.name.en, id);
  }
  return out;
}

/** At most one edit between two short strings (a typo in a long alias). */
function oneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, k: number) => x.slice(i + k);
  return (
    rest(a, 1) === rest(b, 1) ||
    rest(a, 1) === rest(b, 0) ||
    rest(a, 0) === rest(b, 1) ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a, 2) === rest(b, 2))
  );
}

/**
 * How a typed word is an alias word: whole (`0`), or as the start of a compound, returning how many
 * letters the alias took; undefined when it is not.
 */
function wordFits(typed: string, alias: string, last: boolean): number | undefined {
  if (typed === alias) return typed.length;
  if (
    alias.length > 3 &&
    (term(typed, 'nb') === term(alias, 'nb') || term(typed, 'en') === term(alias, 'en'))
  )
    return typed.length;
  if (!last || alias.length < PREFIX_MIN) return undefined;
  if (typed.startsWith(alias)) return alias.length;
  // A typo inside the alias part of a compound ("pasientsikerhetsmidler").
  return [alias.length - 1, alias.length, alias.length + 1].find(
    (n) => typed.length >= n && oneEdit(typed.slice(0, n), alias),
  );
}

/** What is left of a compound after its alias part, without the linking s/e ("søknaden" of "…ssøknaden"). */
function remainder(word: string, taken: number): string | undefined {
  const rest = word.slice(taken).replace(/^[se]/, '');
  return rest.length >= 4 ? rest : undefined;
}

const compiled = new WeakMap<readonly Call[], Alias[]>();

/** Every alias of the calls, longest first (built once per list of calls). */
function aliasTable(calls: readonly Call[]): Alias[] {
  let table = compiled.get(calls);
  if (!table) {
    table = calls.flatMap(aliasesOf).sort((a, b) => b.parts.join(' ').length - a.parts.join(' ').length);
    compiled.set(calls, table);
  }
  return table;
}

export function findMentions(text: string, calls: readonly Call[]): Mentions {
  const original = words(text);
  const typed = original.map(fold);
  const at = new Set<number>();
  const leftovers = new Map<number, string>();
  const usedBy = new Map<string, Set<number>>();
  const named = new Set<string>();
  const categories: Mentions['categories'] = [];
  // Longest aliases first, each word used once: "overføring av tjenesteinnovasjon" is the transfer
  // category, not also "tjenesteinnovasjon".
  for (const alias of aliasTable(calls)) {
    const n = alias.parts.length;
    for (let i = 0; i + n <= typed.length; i++) {
      // Several calls may share a name ("innovasjonsmidler" of two years): words are used once per call.
      const used = usedBy.get(alias.callId) ?? new Set<number>();
      usedBy.set(alias.callId, used);
      if (alias.parts.some((_, k) => used.has(i + k))) continue;
      const taken = alias.parts.map((p, k) => wordFits(typed[i + k] ?? '', p, k === n - 1));
      if (taken.some((x) => x === undefined)) continue;
      for (let k = 0; k < n; k++) {
        at.add(i + k);
        used.add(i + k);
      }
      const lastWord = typed[i + n - 1] ?? '';
      const left = remainder(lastWord, taken[n - 1] ?? lastWord.length);
      if (left && !alias.category) leftovers.set(i + n - 1, left);
      named.add(alias.callId);
      if (alias.category && !categories.some((c) => c.callId === alias.callId && c.id === alias.category))
        categories.push({ callId: alias.callId, id: alias.category });
    }
  }
  // A year in a call's title names the call ("… 2023"), not a topic.
  const titleYears = new Set(
    calls.flatMap((c) => words(`${c.title.nb} ${c.title.en}`).filter((w) => /^\d{4}$/.test(w))),
  );
  const rest = original
    .flatMap((w, i) => {
      if (titleYears.has(w)) return [];
      return at.has(i) ? (leftovers.has(i) ? [leftovers.get(i) ?? ''] : []) : [w];
    })
    .join(' ');
  // "innovasjonsmidler 2024": a year narrows the named calls to those whose title has it.
  const years = original.filter((w) => titleYears.has(w));
  const titled = (c: Call) => years.some((y) => words(`${c.title.nb} ${c.title.en}`).includes(y));
  let chosen = calls.filter((c) => named.has(c.id));
  if (years.length > 0 && chosen.filter(titled).length > 0) chosen = chosen.filter(titled);
  const ids = chosen.map((c) => c.id);
  return { calls: ids, categories: categories.filter((c) => ids.includes(c.callId)), at, rest };
}
