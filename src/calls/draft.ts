import { isMap, isScalar, parseDocument } from 'yaml';
import { formatPath } from '../domain/call-references.ts';
import type { ReviewFact, ReviewFlag } from '../domain/call-review.ts';
import type { CallFileData } from '../domain/call-schema.ts';
import { anchorQuote } from './fuzzy-anchor.ts';
import { findQuotes, normaliseWhitespace } from './quotes.ts';
import { type FactKind, factsOf, type Sentence, sentencesOf, type TextFact } from './text-facts.ts';

/**
 * Next year's call from last year's file and this year's text (`midlerbot calls draft`): the file is
 * copied with its comments, every quote re-anchored, every value the new text changes set and flagged,
 * and every fact of the new text listed beside its probable field. Pure: the command does the I/O.
 */

export interface DraftInput {
  fromId: string;
  newId: string;
  /** Last year's call file as written (comments and all) and its parsed, checked data. */
  oldYaml: string;
  old: CallFileData;
  oldText: string;
  newText: string;
  /** The file name the new text is stored under in calls/sources/. */
  newSource: string;
}

export interface Draft {
  yaml: string;
  flags: ReviewFlag[];
  facts: ReviewFact[];
}

type Path = (string | number)[];

/** A value of the call that a text fact can set, and the quotes whose sentences say it. */
interface Field {
  path: Path;
  kind: 'date' | 'amount' | 'percent' | 'count';
  old: string | number;
  label: string;
  quotes: string[];
}

function fieldsOf(call: CallFileData): Field[] {
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
    if (c.maxAmount !== undefined)
      fields.push({
        path: ['categories', i, 'maxAmount'],
        kind: 'amount',
        old: c.maxAmount,
        label: `${c.name.en}: cap`,
        quotes,
      });
    if (c.maxAwards !== undefined)
      fields.push({
        path: ['categories', i, 'maxAwards'],
        kind: 'count',
        old: c.maxAwards,
        label: `${c.name.en}: award limit`,
        quotes,
      });
    if (c.ownFinancingPercent > 0)
      fields.push({
        path: ['categories', i, 'ownFinancingPercent'],
        kind: 'percent',
        old: c.ownFinancingPercent,
        label: `${c.name.en}: own financing`,
        quotes,
      });
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
interface Located {
  sentence: Sentence;
  facts: TextFact[];
}

function locate(at: number | undefined, sentences: Sentence[], facts: TextFact[]): Located | undefined {
  if (at === undefined || at < 0) return undefined;
  const sentence = [...sentences].reverse().find((s) => s.start <= at);
  if (!sentence) return undefined;
  const end = sentence.start + sentence.text.length;
  return { sentence, facts: facts.filter((f) => f.at >= sentence.start && f.at < end) };
}

const ofKind = (l: Located, kind: FactKind) => l.facts.filter((f) => f.kind === kind);

/** Which fact of the old sentence holds the old value; `undefined` when none does. */
function oldIndex(field: Field, old: Located): { kind: FactKind; index: number } | undefined {
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

function propose(field: Field, old: Located, now: Located, yearShift: number): Proposal | undefined {
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
function spellings(field: Field): string[] {
  if (field.kind === 'amount') return [String(field.old).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')];
  if (field.kind === 'percent') return [`${field.old} %`, `${field.old}%`];
  if (field.kind === 'count') return [];
  const [date = ''] = String(field.old).split('T');
  const [y, m, d] = date.split('-').map(Number);
  if (date.endsWith('-01-01') || date.endsWith('-12-31')) return [String(y)];
  const nb = [
    'januar',
    'februar',
    'mars',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'desember',
  ];
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
  return [`${d}. ${nb[(m ?? 1) - 1]}`, `${d} ${en[(m ?? 1) - 1]}`];
}

/** Paths of the call's nb/en texts that contain one of `words` (a flag lists them to update). */
function mentions(value: unknown, words: readonly string[], path: Path = []): string[] {
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

/** How many years later the new call is, from the years in the ids (`-2023` → `-2024`); else one. */
export function yearShift(fromId: string, newId: string): number {
  const year = (id: string) => Number(/(\d{4})(?!.*\d{4})/.exec(id)?.[1] ?? Number.NaN);
  const shift = year(newId) - year(fromId);
  return Number.isFinite(shift) && shift > 0 ? shift : 1;
}

/** The id of next year's call: every year in the id moved on by one (`-2023-2024` → `-2024-2025`). */
export function nextId(fromId: string): string {
  return fromId.replace(/\d{4}/g, (y) => String(Number(y) + 1));
}

export function buildDraft(input: DraftInput): Draft {
  const doc = parseDocument(input.oldYaml);
  const oldData = doc.toJS() as Record<string, unknown>;
  const oldText = normaliseWhitespace(input.oldText);
  const newText = normaliseWhitespace(input.newText);
  const oldSentences = sentencesOf(input.oldText);
  const newSentences = sentencesOf(input.newText);
  const oldFacts = factsOf(input.oldText);
  const newFacts = factsOf(input.newText);
  const shift = yearShift(input.fromId, input.newId);
  const flags: ReviewFlag[] = [];
  const factField = new Map<TextFact, string[]>();
  const assign = (fact: TextFact | undefined, path: string) => {
    if (fact) factField.set(fact, [...(factField.get(fact) ?? []), path]);
  };

  // Quotes first: the fields below read their values from the sentences the quotes now sit in.
  const anchors = new Map<string, ReturnType<typeof anchorQuote>>();
  for (const q of findQuotes(oldData)) {
    const anchor = anchors.get(q.quote) ?? anchorQuote(q.quote, newText);
    anchors.set(q.quote, anchor);
    const path = formatPath(q.path);
    if (anchor.status === 'verbatim') continue;
    if (anchor.status === 'proposed' && anchor.passage !== undefined) {
      doc.setIn(q.path, anchor.passage);
      flags.push({
        path,
        change: 'quote',
        message: `quote reworded in the new text; closest passage proposed (similarity ${anchor.similarity}): check that the rule still says this`,
        was: q.quote,
        now: anchor.passage,
        resolved: false,
      });
    } else {
      flags.push({
        path,
        change: 'missing-quote',
        message:
          'quote not found in the new text and no close passage: find the passage, or remove what cites it',
        was: q.quote,
        resolved: false,
      });
    }
  }

  for (const field of fieldsOf(input.old)) {
    for (const quote of field.quotes) {
      const anchor = anchors.get(quote) ?? anchorQuote(quote, newText);
      const old = locate(oldText.indexOf(normaliseWhitespace(quote)), oldSentences, oldFacts);
      const now = locate(anchor.start, newSentences, newFacts);
      if (!old || !now || oldIndex(field, old) === undefined) continue;
      const proposal = propose(field, old, now, shift);
      if (!proposal) break;
      assign(proposal.fact, formatPath(field.path));
      assign(proposal.time, formatPath(field.path));
      if (proposal.value !== field.old) {
        doc.setIn(field.path, proposal.value);
        const also = mentions(oldData, spellings(field));
        flags.push({
          path: formatPath(field.path),
          change: 'field',
          message: `${field.label}: ${field.old} → ${proposal.value}${proposal.note ? ` (${proposal.note})` : ''}`,
          was: field.old,
          now: proposal.value,
          sentence: now.sentence.text,
          ...(also.length > 0 ? { alsoMentionedIn: also } : {}),
          resolved: false,
        });
      }
      break;
    }
  }

  const facts: ReviewFact[] = newFacts
    .filter((f) => f.kind !== 'year' || factField.has(f))
    .map((f) => {
      const fields = factField.get(f);
      return {
        kind: f.kind,
        text: f.text,
        ...(fields ? { field: fields.join(', ') } : {}),
        sentence: f.sentence,
      };
    });

  markDraft(doc, input);
  doc.set('review', doc.createNode({ from: input.fromId, flags, facts }));
  return { yaml: doc.toString({ lineWidth: 0 }), flags, facts };
}

/**
 * `status: draft`, the new source and title, and a head comment saying how to finish the draft (it
 * replaces last year's, which names last year's text).
 */
function markDraft(doc: ReturnType<typeof parseDocument>, input: DraftInput): void {
  doc.set('source', input.newSource);
  const shift = yearShift(input.fromId, input.newId);
  for (const lang of ['nb', 'en']) {
    const title = doc.getIn(['title', lang]);
    if (typeof title === 'string')
      doc.setIn(
        ['title', lang],
        title.replace(/\b20\d{2}\b/g, (y) => String(Number(y) + shift)),
      );
  }
  if (isMap(doc.contents)) {
    const pair = doc.createPair('status', 'draft');
    const at = doc.contents.items.findIndex((p) => isScalar(p.key) && p.key.value === 'schemaVersion');
    doc.contents.items.splice(at + 1, 0, pair);
  }
  doc.commentBefore = [
    ` DRAFT of ${input.newId}, made by \`midlerbot calls draft\` from ${input.fromId} and calls/sources/${input.newSource}.`,
    ' Check every entry of `review.flags` at the end: fix the field it names, then set `resolved: true`.',
    ' `review.facts` lists every date, time, amount and percentage of the new text beside its probable field.',
    ' `midlerbot calls check calls/drafts/<id>.yaml` says what is left; move the file to calls/ to publish it.',
  ].join('\n');
}
