import MiniSearch from 'minisearch';
import type { Call } from '../call.ts';
import { askedThing, asksFor, headOf } from './intent.ts';
import type { Knowledge } from './knowledge.ts';
import { guessLang, type Lang, words } from './text.ts';
import { docsOf, type FactKind, KIND_WORDS, type TopicDoc } from './topics.ts';
import { compileVocabulary, indexTerms, type QueryUnit, queryUnits, type Vocabulary } from './vocabulary.ts';

/**
 * The question index: MiniSearch (BM25 ranking, prefix and typo-tolerant fuzzy lookup) over the
 * documents of every call (topics.ts), with our own analysis: Norwegian terms in the `nb` field,
 * English terms in `en`, and the kind words and synonym markers in `keys`. A question is searched
 * unit by unit (a word in both languages with its synonyms, or a phrase), each unit counting once
 * per document, and documents are summed up per topic. Why MiniSearch: docs/questions.md.
 */

export interface Ranked {
  callId: string;
  topic: string;
  score: number;
  /** Share of the question's topic words (not question words) that this topic's documents matched. */
  coverage: number;
  /** How many of the question's topic words it matched. */
  covered?: number;
  /** The typed words that matched, for "this is what I found". */
  matched: string[];
  /**
   * Whether the topic says the thing the question asks about ("hvor mange søknader", "which
   * categories", "is there an interview"); undefined when the question names no such thing.
   */
  saysAsked?: boolean;
}

export interface SearchOptions {
  /** Only these calls (the question names them); all when empty. */
  calls?: readonly string[];
  /** Categories named in the question: their documents count more; documents only about other categories not at all. */
  categories?: readonly { callId: string; id: string }[];
}

export interface TopicSearch {
  /** Topics ranked best first, at most `limit`. */
  search(text: string, options?: SearchOptions, limit?: number): Ranked[];
  /** Every indexed id of a call (`rule:deadline`, `milestone:award`, `contact` …). */
  indexedIds(callId: string): string[];
  /** True when a word of the text occurs in the index (or in a synonym group): the text is near the calls. */
  knowsAnyWord(text: string): boolean;
  readonly vocabulary: Vocabulary;
}

interface IndexedDoc {
  id: string;
  title: string;
  nb: string;
  en: string;
  keys: string;
  syn: string;
  parts: string;
}

/** `parts`: the known words a compound is made of ("søknadskategori" → "søknad", "kategori"). */
const FIELD_BOOST = { title: 1.2, nb: 1, en: 1, keys: 0.8, syn: 1, parts: 0.5 };
/** A topic holding the kind of fact the question word asks for ("når" → a date) counts this much more. */
const INTENT_BOOST = 1.6;
/** A topic without the kind of fact asked for counts this much. */
const INTENT_MISS = 0.8;

/** A synonym counts a little less than the word itself. */
const MARKER_WEIGHT = 0.8;
/** Question words and phrases steer; they do not make a topic on their own. */
const STEERING_WEIGHT = 0.5;
/** The topic's best single document adds this share of its score (several words in one place). */
const SUPPORT = 0.3;

function fuzziness(t: string): number | false {
  if (/\d/.test(t) || t.length < 5) return false;
  return t.length >= 9 ? 2 : 1;
}

/** One lookup of a unit: a term in some fields, how much it counts, and whether typos are allowed. */
interface Lookup {
  term: string;
  fields: string[];
  factor: number;
  loose: boolean;
}

/** The word a "which" question asks about counts this much more where it names a topic (its title). */
const HEAD_TITLE = 1.6;

/** A word found in at least this share of a call's topics only steers. */
const COMMON_SHARE = 0.3;

/** With no category named, a document about k of a call's n categories counts base + (1 - base)·k/n. */
const PARTIAL_BASE = 0.8;

/** A compound part counts less than the word. */
const PART_WEIGHT = 0.6;

/**
 * The known words a long compound starts and ends with ("søknadskategori" → "søknad", "kategori"),
 * so a question about "kategorier" finds a text about "søknadskategorien" and the other way round.
 */
export function compoundParts(t: string, known: ReadonlySet<string>): string[] {
  if (t.length < 9) return [];
  const parts: string[] = [];
  for (let cut = t.length - 5; cut >= 5; cut--) {
    if (known.has(t.slice(0, cut))) {
      parts.push(t.slice(0, cut));
      break;
    }
  }
  for (let cut = 4; t.length - cut >= 5; cut++) {
    if (known.has(t.slice(cut))) {
      parts.push(t.slice(cut));
      break;
    }
  }
  return parts;
}

export function buildTopicSearch(calls: readonly Call[], knowledge: Knowledge): TopicSearch {
  const vocabulary = compileVocabulary(knowledge.synonyms);
  const docs = calls.flatMap((c) => docsOf(c, knowledge.sources[c.id] ?? ''));
  const byId = new Map(docs.map((d) => [d.id, d]));
  // Naming a category only steers within a call that has several.
  const several = new Set(calls.filter((c) => c.categories.length > 1).map((c) => c.id));
  const categoriesOf = new Map(calls.map((c) => [c.id, c.categories.length]));
  const index = new MiniSearch<IndexedDoc>({
    fields: ['title', 'nb', 'en', 'keys', 'syn', 'parts'],
    tokenize: (text) => text.split(' ').filter((t) => t !== ''),
    processTerm: (t) => t,
  });
  const known = new Set<string>();
  const topicKinds = new Map<string, Set<FactKind>>();
  const analysed = docs.map((d) => {
    const kinds = topicKinds.get(`${d.callId}\u0000${d.topic}`) ?? new Set<FactKind>();
    for (const k of d.kinds) kinds.add(k);
    topicKinds.set(`${d.callId}\u0000${d.topic}`, kinds);
    const tnb = indexTerms(d.title.nb, 'nb', vocabulary);
    const ten = indexTerms(d.title.en, 'en', vocabulary);
    const nb = indexTerms(d.nb, 'nb', vocabulary);
    const en = indexTerms(d.en, 'en', vocabulary);
    const keyText = [d.keys, ...d.kinds.map((k) => KIND_WORDS[k])].join(' ');
    const keys = indexTerms(keyText, 'nb', vocabulary, true);
    const keyTerms = [...keys.terms, ...indexTerms(keyText, 'en', vocabulary).terms];
    const title = [...tnb.terms, ...ten.terms, ...tnb.markers, ...ten.markers];
    for (const t of [...tnb.terms, ...ten.terms, ...nb.terms, ...en.terms, ...keyTerms]) known.add(t);
    return {
      d,
      nb,
      en,
      title,
      keyTerms,
      markers: [...new Set([...nb.markers, ...en.markers, ...keys.markers])],
    };
  });
  index.addAll(
    analysed.map(({ d, nb, en, title, keyTerms, markers }) => ({
      id: d.id,
      title: title.join(' '),
      nb: nb.terms.join(' '),
      en: en.terms.join(' '),
      keys: keyTerms.join(' '),
      syn: markers.join(' '),
      parts: [...nb.terms, ...en.terms].flatMap((t) => compoundParts(t, known)).join(' '),
    })),
  );

  /**
   * A unit's lookups: its term in the question's language (both when that is not known), its
   * synonym markers, and for a word the index does not know, typo and prefix lookups and the
   * known part a compound ends with. A word the index knows is taken as typed, not as a typo.
   */
  function lookups(unit: QueryUnit, lang: Lang | undefined): Lookup[] {
    const out: Lookup[] = unit.markers.map((m) => ({
      term: m,
      fields: ['syn', 'title'],
      factor: MARKER_WEIGHT,
      loose: false,
    }));
    const forms: { term: string; fields: string[] }[] = [];
    if (unit.nb !== undefined && unit.en !== undefined) {
      if (unit.nb === unit.en)
        forms.push({ term: unit.nb, fields: lang ? [lang, 'keys'] : ['nb', 'en', 'keys'] });
      else {
        if (lang !== 'en') forms.push({ term: unit.nb, fields: ['nb', 'keys'] });
        if (lang !== 'nb') forms.push({ term: unit.en, fields: ['en', 'keys'] });
      }
    }
    for (const f of forms) {
      const unknown = !known.has(f.term);
      out.push({ ...f, fields: [...f.fields, 'title', 'parts'], factor: 1, loose: unknown });
      // A word of a synonym group means what its group means; only other words are taken apart.
      if (unit.markers.length === 0)
        for (const part of compoundParts(f.term, known))
          out.push({ term: part, fields: f.fields, factor: PART_WEIGHT, loose: false });
    }
    return out;
  }

  function unitScores(
    unit: QueryUnit,
    lang: Lang | undefined,
    allowed: (d: TopicDoc) => boolean,
    titleFactor = 1,
  ): Map<string, number> {
    const best = new Map<string, number>();
    for (const l of lookups(unit, lang)) {
      const hits = index.search(l.term, {
        fields: l.fields,
        boost: FIELD_BOOST,
        prefix: l.loose && l.term.length >= 5,
        fuzzy: l.loose ? fuzziness(l.term) : false,
        weights: { fuzzy: 0.6, prefix: 0.5 },
        boostDocument: (id) => byId.get(String(id))?.weight ?? 1,
      });
      for (const hit of hits) {
        const doc = byId.get(String(hit.id));
        if (!doc || !allowed(doc)) continue;
        const inTitle = Object.values(hit.match).some((fields) => fields.includes('title'));
        const score = hit.score * l.factor * (inTitle ? titleFactor : 1);
        if (score > (best.get(doc.id) ?? 0)) best.set(doc.id, score);
      }
    }
    return best;
  }

  const topicsOfCall = new Map<string, number>();
  for (const d of new Set(docs.map((d) => `${d.callId}\u0000${d.topic}`)))
    topicsOfCall.set(d.split('\u0000')[0] ?? '', (topicsOfCall.get(d.split('\u0000')[0] ?? '') ?? 0) + 1);
  /** The largest share of one call's topics that a unit's hits reach. */
  function commonShare(hits: ReadonlyMap<string, number>): number {
    const perCall = new Map<string, Set<string>>();
    for (const id of hits.keys()) {
      const doc = byId.get(id);
      if (!doc) continue;
      const set = perCall.get(doc.callId) ?? new Set<string>();
      set.add(doc.topic);
      perCall.set(doc.callId, set);
    }
    return Math.max(0, ...[...perCall].map(([c, set]) => set.size / (topicsOfCall.get(c) ?? 1)));
  }

  return {
    vocabulary,
    indexedIds: (callId) => [...new Set(docs.filter((d) => d.callId === callId).flatMap((d) => d.refs))],
    knowsAnyWord(text) {
      return queryUnits(text, vocabulary).some(
        (u) =>
          !u.steering && (u.markers.length > 0 || [u.nb, u.en].some((t) => t !== undefined && known.has(t))),
      );
    },
    search(text, options = {}, limit = 8) {
      const only = options.calls ?? [];
      const named = options.categories ?? [];
      const allowed = (d: TopicDoc) => only.length === 0 || only.includes(d.callId);
      const categoryFactor = (d: TopicDoc) => {
        const here = named.filter((c) => c.callId === d.callId).map((c) => c.id);
        if (d.categories.length === 0 || !several.has(d.callId)) return 1;
        // No category named: the question is about the call as a whole, and a rule for one of its
        // categories says less about that than a rule for most of them.
        if (here.length === 0)
          return (
            PARTIAL_BASE + (1 - PARTIAL_BASE) * (d.categories.length / (categoriesOf.get(d.callId) ?? 1))
          );
        // A rule only for other categories does not apply to the one named ("own financing" is not
        // asked of a transfer project).
        return d.categories.some((c) => here.includes(c)) ? 1.3 : 0;
      };
      const units = queryUnits(text, vocabulary);
      const lang = guessLang(text);
      // Per topic and unit the best document's score: a topic earns each question word once, from
      // whichever of its documents says it best, plus a share of its best single document.
      type Entry = {
        callId: string;
        topic: string;
        perUnit: Map<number, number>;
        perDoc: Map<string, number>;
      };
      const topics = new Map<string, Entry>();
      const head = headOf(text);
      const scored = units.map((unit) =>
        unitScores(unit, lang, allowed, unit.text === head ? HEAD_TITLE : 1),
      );
      // A word found in a large share of a call's topics ("søke", "prosjekt", "application") says
      // little about which one is meant: it steers like a question word.
      const common = scored.map((hits) => commonShare(hits) >= COMMON_SHARE);
      const steers = (i: number) => units[i]?.steering === true || common[i] === true;
      const content = units.filter((_, i) => !steers(i)).length;
      units.forEach((_unit, i) => {
        const weight = steers(i) ? STEERING_WEIGHT : 1;
        for (const [id, raw] of scored[i] ?? []) {
          const doc = byId.get(id);
          if (!doc) continue;
          const score = raw * weight * categoryFactor(doc);
          const key = `${doc.callId}\u0000${doc.topic}`;
          const entry = topics.get(key) ?? {
            callId: doc.callId,
            topic: doc.topic,
            perUnit: new Map(),
            perDoc: new Map(),
          };
          entry.perUnit.set(i, Math.max(entry.perUnit.get(i) ?? 0, score));
          entry.perDoc.set(id, (entry.perDoc.get(id) ?? 0) + score);
          topics.set(key, entry);
        }
      });
      const intent = asksFor(text);
      // The units that say the asked-for thing (the word itself, or a phrase holding it).
      const asked = askedThing(text);
      const askedUnits =
        asked === undefined ? [] : units.flatMap((u, i) => (words(u.text).includes(asked) ? [i] : []));
      const ranked: Ranked[] = [...topics.values()].map((e) => {
        const sum = [...e.perUnit.values()].reduce((a, b) => a + b, 0);
        const bestDoc = Math.max(0, ...e.perDoc.values());
        const hit = [...e.perUnit.keys()].filter((u) => !steers(u));
        const kinds = topicKinds.get(`${e.callId}\u0000${e.topic}`);
        // "Hvor mange" is answered by a count, or by an amount ("hvor mange kroner").
        const fits =
          intent !== undefined && (kinds?.has(intent) || (intent === 'count' && kinds?.has('amount')));
        const coverage = content === 0 ? 0 : hit.length / content;
        return {
          callId: e.callId,
          topic: e.topic,
          score: (sum + bestDoc * SUPPORT) * (fits ? INTENT_BOOST : intent ? INTENT_MISS : 1),
          coverage,
          covered: hit.length,
          matched: [...e.perUnit.keys()].map((u) => units[u]?.text ?? '').filter((w) => w !== ''),
          ...(askedUnits.length > 0 ? { saysAsked: askedUnits.some((u) => e.perUnit.has(u)) } : {}),
        };
      });
      return ranked.sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}
