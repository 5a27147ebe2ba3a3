import { formatPath } from '../domain/call-references.ts';
import type { CallFileData } from '../domain/call-schema.ts';
import { type FactKind, NB_MONTHS, type Sentence, type TextFact } from './text-facts.ts';

/**
 * The values of a call that a call text sets (milestone dates, caps, own-financing shares, award
 * limits), found through the quotes that say them, and how this year's text changes them
 * (docs/calls-lifecycle.md, "Values").
 */

export type Path = (string | number)[];

/** A value of the call that a text fact can set, and the quotes whose sentences say it. */
export interface Field {
  path: Path;
  kind: 'date' | 'amount' | 'percent' | 'count';
  old: string | number;
  label: string;
  quotes: string[];
}

export function fieldsOf(call: CallFileData): Field[] {
  const ruleQuote = (id: string) => call.rules.find((r) => r.id === id)?.cite.quote;
  const fields: Field[] = [];
  call.milestones.forEach((m, i) => {
    if (m.at !== undefined)
      fields.push({
        path: ['milestones', i, 'at'],
        kind: 'date',
        old: m.at,
        label: m.label.en,
        quotes: [m.cite.quote],
      });
  });
  call.categories.forEach((c, i) => {
    const quotes = c.rules.flatMap((r) => ruleQuote(r) ?? []);
    const add = (
      key: 'maxAmount' | 'maxAwards' | 'ownFinancingPercent',
      kind: Field['kind'],
      what: string,
    ) => {
      const old = c[key];
      if (old !== undefined)
        fields.push({ path: ['categories', i, key], kind, old, label: `${c.name.en}: ${what}`, quotes });
    };
    add('maxAmount', 'amount', 'cap');
    add('maxAwards', 'count', 'award limit');
    if (c.ownFinancingPercent > 0) add('ownFinancingPercent', 'percent', 'own financing');
  });
  call.questions.forEach((q, i) => {
    const quote = ruleQuote(q.rule);
    if (q.kind === 'percent' && typeof q.min === 'number' && quote)
      fields.push({
        path: ['questions', i, 'min'],
        kind: 'percent',
        old: q.min,
        label: `question ${q.id}: least share`,
        quotes: [quote],
      });
  });
  return fields;
}

/** A passage located in one text: its sentence and the facts in that sentence. */
export interface Located {
  sentence: Sentence;
  facts: TextFact[];
}

export function locate(
  at: number | undefined,
  sentences: Sentence[],
  facts: TextFact[],
): Located | undefined {
  if (at === undefined || at < 0) return undefined;
  const sentence = [...sentences].reverse().find((s) => s.start <= at);
  if (!sentence) return undefined;
  const end = sentence.start + sentence.text.length;
  return { sentence, facts: facts.filter((f) => f.at >= sentence.start && f.at < end) };
}

const ofKind = (l: Located, kind: FactKind) => l.facts.filter((f) => f.kind === kind);

/** Which fact of the old sentence holds the old value; `undefined` when none does. */
export function oldIndex(field: Field, old: Located): { kind: FactKind; index: number } | undefined {
  if (field.kind !== 'date') {
    const index = ofKind(old, field.kind).findIndex((f) => Number(f.value) === field.old);
    return index < 0 ? undefined : { kind: field.kind, index };
  }
  const [date = ''] = String(field.old).split('T');
  const dates = ofKind(old, 'date');
  const index = dates.findIndex((f) => date.endsWith(f.value));
  if (index >= 0) return { kind: 'date', index };
  // "prosjekter som skal gjennomføres i 2023": only the year of the date is in the text.
  const years = ofKind(old, 'year');
  const yearIndex = years.findIndex((f) => date.startsWith(f.value));
  return yearIndex < 0 ? undefined : { kind: 'year', index: yearIndex };
}

/** The same fact in the new sentence: the one at the same place, or the only one there is. */
function counterpart(kind: FactKind, index: number, old: Located, now: Located): TextFact | undefined {
  const before = ofKind(old, kind);
  const after = ofKind(now, kind);
  if (after.length === before.length) return after[index];
  return after.length === 1 ? after[0] : undefined;
}

interface Proposal {
  value: string | number;
  note?: string;
  fact: TextFact;
  time?: TextFact;
}

export function propose(field: Field, old: Located, now: Located, yearShift: number): Proposal | undefined {
  const which = oldIndex(field, old);
  if (!which) return undefined;
  const fact = counterpart(which.kind, which.index, old, now);
  if (!fact) return undefined;
  if (field.kind !== 'date') return { value: Number(fact.value), fact };
  const [oldDate = '', oldTime] = String(field.old).split('T');
  const oldYear = Number(oldDate.slice(0, 4));
  if (which.kind === 'year') return { value: `${fact.value}${String(field.old).slice(4)}`, fact };
  let date = fact.value;
  let note: string | undefined;
  if (date.length === 5) {
    date = `${oldYear + yearShift}-${date}`;
    note = `the text gives no year; ${oldYear + yearShift} assumed`;
  }
  if (oldTime === undefined) return { value: date, fact, ...(note ? { note } : {}) };
  const oldTimes = ofKind(old, 'time');
  const time = counterpart(
    'time',
    Math.max(
      0,
      oldTimes.findIndex((t) => t.value === oldTime),
    ),
    old,
    now,
  );
  return {
    value: `${date}T${time?.value ?? oldTime}`,
    fact,
    ...(time ? { time } : {}),
    ...(note ? { note } : {}),
  };
}

/** The ways a value is written in the call's own texts, to find descriptions that still say it. */
export function spellings(field: Field): string[] {
  if (field.kind === 'amount') return [String(field.old).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')];
  if (field.kind === 'percent') return [`${field.old} %`, `${field.old}%`];
  if (field.kind === 'count') return [];
  const [date = ''] = String(field.old).split('T');
  const [y, m, d] = date.split('-').map(Number);
  if (date.endsWith('-01-01') || date.endsWith('-12-31')) return [String(y)];
  const en = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return [`${d}. ${NB_MONTHS[(m ?? 1) - 1]}`, `${d} ${en[(m ?? 1) - 1]}`];
}

/** Paths of the call's nb/en texts that contain one of `words` (a flag lists them to update). */
export function mentions(value: unknown, words: readonly string[], path: Path = []): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => mentions(v, words, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const here = [...path, key];
    if ((key === 'nb' || key === 'en') && typeof v === 'string')
      return words.some((w) => v.includes(w)) ? [formatPath(here)] : [];
    if (key === 'cite' || key === 'review') return [];
    return mentions(v, words, here);
  });
}
