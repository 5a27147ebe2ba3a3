import { isMap, isScalar, parseDocument } from 'yaml';
import { formatPath } from '../domain/call-references.ts';
import type { ReviewFact, ReviewFlag } from '../domain/call-review.ts';
import type { CallFileData } from '../domain/call-schema.ts';
import { fieldsOf, locate, mentions, oldIndex, propose, spellings } from './draft-fields.ts';
import { anchorQuote } from './fuzzy-anchor.ts';
import { findQuotes, normaliseWhitespace } from './quotes.ts';
import { factsOf, sentencesOf, type TextFact } from './text-facts.ts';

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
