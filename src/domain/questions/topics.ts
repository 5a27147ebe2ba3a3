import type { Call } from '../call.ts';
import type { CategoryData, MilestoneKind, RuleData, Text } from '../call-schema.ts';
import { overlaps, passagesOf, quoteKey } from './passages.ts';
import { isStopWord, term, words } from './text.ts';

/**
 * What the question search indexes from one call: every rule, note, milestone, category, priority
 * area, cost type, eligibility question, step, role, the submission and guidance, the contact, the
 * trusts, the purpose, and each passage of the call text. Each document points at the topic it
 * answers (a rule id, or `milestone:<id>`, `priority-area:<id>`, `category:<id>`, `contact`,
 * `guidance`, `trusts`, `purpose`, `source:<n>`); the answer is composed from that topic's part of
 * the call model, not from the matched text.
 */

/** The kinds of fact a topic's answer holds; a question word asking for one prefers such topics. */
export type FactKind = 'date' | 'duration' | 'amount' | 'count' | 'people' | 'place' | 'cost' | 'contact';

export interface TopicDoc {
  /** Unique in the index. */
  id: string;
  callId: string;
  /** The indexed ids of the call parts this document holds (`rule:deadline`, `note:deadline` …). */
  refs: string[];
  /** The topic it answers. */
  topic: string;
  /** Categories it is about; empty when it concerns the whole call. */
  categories: string[];
  /** What it is called (a milestone's label, a category's name, a note's topic): counts more. */
  title: Text;
  nb: string;
  en: string;
  /** Words that say what it is (the rule's id, the kind of milestone). */
  keys: string;
  kinds: FactKind[];
  /** Structured call data counts fully; a passage of the call text a little less. */
  weight: number;
}

/** Words that say what kind of fact a document holds, so "når", "hvem", "hvor mye" find it. */
export const KIND_WORDS: Record<FactKind, string> = {
  date: 'dato date når when',
  duration: 'varighet duration hvor lenge how long periode period',
  amount: 'beløp amount hvor mye how much kroner kr',
  count: 'antall number hvor mange how many',
  people: 'hvem who rolle role',
  place: 'hvor where levere submit',
  cost: 'kostnad kostnader dekkes dekke bruke midlene cost costs covered pay spend use',
  contact: 'kontakt spørsmål contact questions',
};

const quoted = new WeakMap<Call, Map<string, RuleData | null>>();

/** The rule whose quote is the given one, or lies within it, or holds it (remembered per call). */
export function ruleOfQuote(call: Call, quote: string | undefined): RuleData | undefined {
  if (quote === undefined) return undefined;
  const known = quoted.get(call) ?? new Map<string, RuleData | null>();
  quoted.set(call, known);
  const hit = known.get(quote);
  if (hit !== undefined) return hit ?? undefined;
  const rule =
    call.rules.find((r) => overlaps(r.cite.quote, quote) && r.cite.quote.length === quote.length) ??
    call.rules.find((r) => overlaps(r.cite.quote, quote));
  known.set(quote, rule ?? null);
  return rule;
}

/** The topic a milestone's date answers: the rule quoting the same words, else the milestone itself. */
export function milestoneTopic(call: Call, milestoneId: string): string {
  const m = call.milestones.find((x) => x.id === milestoneId);
  return ruleOfQuote(call, m?.cite.quote)?.id ?? `milestone:${milestoneId}`;
}

/** The rule whose quote is the category's name: it says what the category is. */
export function definingRule(call: Call, categoryId: string): RuleData | undefined {
  const c = call.categories.find((x) => x.id === categoryId);
  if (!c) return undefined;
  return call.rules.find((r) => quoteKey(r.cite.quote) === quoteKey(c.name.nb));
}

/** The rule a step's quote points at (who approves, who decides). */
export function stepRule(call: Call, stepId: string): RuleData | undefined {
  return ruleOfQuote(call, call.steps.find((s) => s.id === stepId)?.cite?.quote);
}

const slugWords = (id: string) => id.replace(/-/g, ' ');
const both = (...texts: (Text | undefined)[]) => ({
  nb: texts.map((x) => x?.nb ?? '').join(' '),
  en: texts.map((x) => x?.en ?? '').join(' '),
});

/** Every document of one call, with the call's text (may be empty) cut into passages. */
export function docsOf(call: Call, source = ''): TopicDoc[] {
  const docs: TopicDoc[] = [];
  type Draft = Omit<TopicDoc, 'id' | 'callId' | 'weight' | 'title' | 'keys' | 'kinds'> &
    Partial<Pick<TopicDoc, 'weight' | 'title' | 'keys' | 'kinds'>>;
  const add = (d: Draft) => {
    docs.push({
      id: `${call.id}|${docs.length}`,
      callId: call.id,
      weight: 1,
      title: none,
      keys: '',
      kinds: [],
      ...d,
    });
  };
  const categoriesOfRule = (ruleId: string) =>
    call.categories.filter((c) => c.rules.includes(ruleId)).map((c) => c.id);
  const milestonesOf = (ruleId: string) =>
    call.milestones.filter((m) => milestoneTopic(call, m.id) === ruleId);
  const peopleRules = new Set(
    call.steps.filter((s) => s.actor !== 'applicant').map((s) => stepRule(call, s.id)?.id),
  );

  const boundOnly = boundOnlyRules(call);

  for (const rule of call.rules) {
    const notes = call.notes.filter((n) => n.rule === rule.id);
    const cats = categoriesOfRule(rule.id);
    const milestones = milestonesOf(rule.id);
    const kinds: FactKind[] = [];
    if (milestones.length > 0) kinds.push('date');
    if (milestones.some((m) => DURATION.has(m.kind))) kinds.push('duration');
    if (statesAmount(rule.text)) kinds.push('amount');
    if (statesCount(rule.text)) kinds.push('count');
    if (peopleRules.has(rule.id)) kinds.push('people');
    if (call.submission.rule === rule.id) kinds.push('place');
    if (call.costTypes.some((c) => c.rule === rule.id)) kinds.push('cost');
    // A note named as its rule adds nothing to the rule's name.
    const noteWords = notes
      .filter((n) => n.topic !== rule.id)
      .map((n) => slugWords(n.topic))
      .join(' ');
    add({
      refs: [`rule:${rule.id}`, ...notes.map((n) => `note:${n.topic}`)],
      topic: rule.id,
      categories: cats,
      // What the rule is called (its id and its notes' topics, "own-financing") names its topic as a
      // milestone's label does: a question about "egenfinansiering" is about that rule first.
      title: both(...milestones.map((m) => m.label), { nb: '', en: `${slugWords(rule.id)} ${noteWords}` }),
      nb: `${rule.text.nb} ${rule.cite.quote}`,
      en: rule.text.en,
      keys: `${slugWords(rule.id)} ${noteWords}`,
      kinds,
      ...(boundOnly.has(rule.id) ? { weight: BOUND_WEIGHT } : {}),
    });
  }
  for (const m of call.milestones) {
    // Not its quote: that is often a passage about something else ("utbetalt til institusjonen").
    add({
      refs: [`milestone:${m.id}`],
      topic: milestoneTopic(call, m.id),
      categories: [],
      title: m.label,
      ...both(m.note),
      keys: `${slugWords(m.kind)} ${MILESTONE_WORDS[m.kind]}`,
      kinds: DURATION.has(m.kind) ? ['date', 'duration'] : ['date'],
      // Its note explains the date ("for ett år", "ingen dato"); a rule saying the same counts more.
      weight: 0.8,
    });
  }
  for (const c of call.categories) {
    add({
      refs: [`category:${c.id}`],
      topic: `category:${c.id}`,
      categories: [c.id],
      title: c.name,
      nb: `${c.description?.nb ?? ''} ${(c.aliases ?? []).join(' ')}`,
      en: c.description?.en ?? '',
      keys: 'kategori category',
      kinds: ['amount'],
    });
  }
  for (const p of call.priorityAreas) {
    const text = both(...p.examples);
    add({
      refs: [`priority-area:${p.id}`],
      topic: `priority-area:${p.id}`,
      categories: p.categories ?? [],
      title: p.label,
      nb: `${text.nb} ${p.cite.quote}`,
      en: text.en,
      // It is a priority area: "is X a priority area?" finds X, not only the list of areas.
      keys: 'satsingsområde prioritert område priority area',
    });
  }
  for (const c of call.costTypes) {
    if (c.rule === undefined) continue;
    add({
      refs: [`cost:${c.id}`],
      topic: c.rule,
      categories: c.categories ?? [],
      ...both(c.label),
      kinds: ['cost'],
      weight: 0.8,
    });
  }
  for (const q of call.questions) {
    add({
      refs: [`question:${q.id}`],
      topic: q.rule,
      categories: q.when?.categories ?? [],
      ...both(q.text, q.help),
      keys: slugWords(q.id),
      weight: 0.8,
    });
  }
  for (const s of call.steps) {
    const rule = stepRule(call, s.id);
    if (!rule) continue;
    add({
      refs: [`step:${s.id}`],
      topic: rule.id,
      categories: s.categories ?? [],
      ...both(s.label),
      kinds: s.actor === 'applicant' ? [] : ['people'],
      weight: 0.8,
    });
  }
  for (const r of call.roles) {
    const step = call.steps.find((s) => s.actor === r.id && stepRule(call, s.id));
    const rule = step ? stepRule(call, step.id) : undefined;
    if (!rule) continue;
    add({
      refs: [`role:${r.id}`],
      topic: rule.id,
      categories: [],
      title: r.name,
      nb: '',
      en: '',
      kinds: ['people'],
    });
  }
  add({
    refs: ['submission'],
    topic: call.submission.rule,
    categories: [],
    ...both(call.submission.where, call.submission.portal),
    kinds: ['place'],
  });
  if (call.submission.guidance) {
    add({ refs: ['guidance'], topic: 'guidance', categories: [], ...both(call.submission.guidance) });
  }
  add({ refs: ['contact'], topic: 'contact', categories: [], ...both(call.contact), kinds: ['contact'] });
  const trusts = call.trusts.map((t) => t.name).join(' ');
  add({
    refs: ['trusts'],
    topic: 'trusts',
    categories: [],
    title: { nb: 'helseforetak', en: 'health trusts' },
    nb: trusts,
    en: trusts,
    keys: 'helseforetak trust',
  });
  add({
    refs: ['purpose'],
    topic: 'purpose',
    categories: [],
    title: { nb: 'formål', en: 'purpose' },
    ...both(call.purpose, ...call.goals),
    keys: 'formål mål purpose aims goals',
  });
  passagesOf(source).forEach((passage, n) => {
    const topic = passageTopicOrRestated(call, passage);
    add({
      refs: [`source:${n}`],
      topic: topic ?? `source:${n}`,
      // A passage that says a rule is about that rule's categories, as the rule is.
      categories: topic ? categoriesOfRule(topic) : [],
      nb: passage,
      en: '',
      // A passage on its own answers "hvor mye"/"hvor mange" when it states a sum or a number.
      kinds: topic ? [] : passageKinds(passage),
      // A passage that says what a structured part says supports it; one on its own counts less.
      weight: topic ? 0.6 : 0.3,
    });
  });
  return docs;
}

const none: Text = { nb: '', en: '' };

/** What people call each kind of milestone, so "når får vi svar" finds the award. */
const MILESTONE_WORDS: Record<MilestoneKind, string> = {
  published: 'publisert utlyst published',
  updated: 'oppdatert updated',
  deadline: 'frist deadline',
  award: 'tildeling svar resultat award result decision',
  'project-start': 'start oppstart starter begin',
  'project-end': 'slutt avsluttet ferdig end finished',
  'status-report': 'statusrapport status report',
  'final-report': 'sluttrapport final report',
};

/** The milestones that bound a project's time: they answer "hvor lenge", "how long". */
const DURATION = new Set(['project-start', 'project-end']);

/** The text states a sum or a share ("750 000 kr", "19 mill. kr", "25 %"): it answers "hvor mye". */
export function statesAmount(text: Text): boolean {
  return /\d[\d\s]*\s?(mill\.?\s*)?(kr\b|kroner|nok\b|%)/i.test(`${text.nb} ${text.en}`);
}

/** What a passage of the call text states: a sum, a number of things ("30 innovasjonsprosjekter"). */
function passageKinds(passage: string): FactKind[] {
  const kinds: FactKind[] = [];
  if (statesAmount({ nb: passage, en: '' })) kinds.push('amount');
  if (statesCount({ nb: passage, en: '' }) || /\b\d+\s+\p{L}{4,}/u.test(passage)) kinds.push('count');
  return kinds;
}

/** The text states how many ("høyst tre tildelinger", "one award"): it answers "hvor mange". */
export function statesCount(text: Text): boolean {
  const counts = /\b(én|ett|to|tre|fire|fem|one|two|three|four|five|single)\b/i;
  return counts.test(`${text.nb} ${text.en}`);
}

/** The least share of a passage a rule's quote must cover for the passage to speak for the rule. */
const QUOTE_SHARE = 0.25;

/** The category sets a cap, own financing or an award limit (patient safety sets none). */
export function hasLimits(c: CategoryData): boolean {
  return c.maxAmount !== undefined || c.ownFinancingPercent > 0 || c.maxAwards !== undefined;
}

const contentTerms = (text: string) =>
  new Set(
    words(text)
      .filter((w) => !isStopWord(w))
      .map((w) => term(w, 'nb')),
  );

/**
 * True when a passage says what a text of the call file says in other words (the contact, the
 * guidance have no quote of their own): most of the passage's words are in the text.
 */
function restates(passage: string, text: string): boolean {
  const mine = contentTerms(passage);
  const theirs = contentTerms(text);
  const shared = [...mine].filter((t) => theirs.has(t)).length;
  return mine.size >= 2 && shared / mine.size >= 0.6;
}

/** The passage of the call text that a topic without a quote of its own (contact, guidance) restates. */
export function restatingPassage(
  call: Call,
  source: string,
  topic: 'contact' | 'guidance',
): string | undefined {
  const text = topic === 'contact' ? call.contact.nb : call.submission.guidance?.nb;
  if (text === undefined) return undefined;
  return passagesOf(source).find((p) => !passageTopic(call, p) && restates(p, text));
}

/** The topic whose quote a passage holds (or lies within), if any: rule, milestone, priority area. */
/**
 * Rules that only bound a date answer from below (patient safety: «til bruk i 2023-2024»): the check's
 * answer to its date question rather than a topic people ask about. Indexed with less weight, and a
 * passage holding their quote stays a passage, so their short text does not outrank the rules and
 * passages free-text questions are about.
 */
function boundOnlyRules(call: Call): Set<string> {
  const bounds = call.questions.flatMap((q) => (q.notBefore ? [q.notBefore.rule] : []));
  return new Set(
    bounds.filter(
      (id) => !call.questions.some((q) => q.rule === id) && !call.notes.some((n) => n.rule === id),
    ),
  );
}
const BOUND_WEIGHT = 0.5;

function passageTopic(call: Call, passage: string): string | undefined {
  const bound = boundOnlyRules(call);
  // A rule's quote that is one item of a long list does not make the list about that rule.
  const rule = call.rules.find(
    (r) =>
      !bound.has(r.id) &&
      overlaps(passage, r.cite.quote) &&
      r.cite.quote.length >= passage.length * QUOTE_SHARE,
  );
  if (rule) return rule.id;
  const milestone = call.milestones.find((m) => overlaps(passage, m.cite.quote));
  if (milestone) return milestoneTopic(call, milestone.id);
  const area = call.priorityAreas.find((p) => overlaps(passage, p.cite.quote));
  return area ? `priority-area:${area.id}` : undefined;
}

/** The topic of a passage: the part of the call whose quote it holds, or the contact or guidance it restates. */
function passageTopicOrRestated(call: Call, passage: string): string | undefined {
  const quoted = passageTopic(call, passage);
  if (quoted) return quoted;
  if (restates(passage, call.contact.nb)) return 'contact';
  const guidance = call.submission.guidance?.nb;
  return guidance !== undefined && restates(passage, guidance) ? 'guidance' : undefined;
}

/** The text of passage `n` of a call text (for answers that quote a passage). */
export function passageAt(source: string, n: number): string | undefined {
  return passagesOf(source)[n];
}
