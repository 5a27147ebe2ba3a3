import type { Call } from '../call.ts';
import type { CategoryData, PriorityAreaData, RuleData, Text } from '../call-schema.ts';
import { buildTimeline, type TimelineEntry } from '../timeline.ts';
import { hasLimits, passageAt, restatingPassage, ruleOfQuote, stepRule } from './topics.ts';

/**
 * The answer to a topic, taken from the call model: dates from the milestones (with the clock's
 * days left), amounts from the categories, people from the steps' roles, the place to submit, the
 * costs a rule allows or refuses, lists of priority areas or categories. Nothing here is copied
 * from the matched text; the quote is the rule's (or the milestone's, the passage's) own.
 */

export type Fact =
  | { kind: 'date'; entry: TimelineEntry }
  | { kind: 'undated'; entry: TimelineEntry; after?: TimelineEntry }
  | { kind: 'amount'; category: CategoryData }
  | { kind: 'people'; roles: Text[] }
  | { kind: 'submission'; where: Text; portal: Text }
  | { kind: 'costs'; eligible: Text[]; ineligible: Text[] }
  | { kind: 'list'; items: Text[] }
  | { kind: 'priority-area'; area: PriorityAreaData; categories: Text[] }
  | { kind: 'text'; text: Text };

/** A dialog that acts on the topic, offered as a button under the answer. */
export type NextStep = 'eligibility' | 'amount' | 'application' | 'reminders' | 'priority' | 'status';

export interface TopicAnswer {
  callId: string;
  topic: string;
  facts: Fact[];
  /** The rule the answer rests on: its plain words are shown after the facts. */
  rule?: RuleData;
  /** The verbatim quote from the call text (the rule's, a milestone's, a priority area's, a passage). */
  quote?: string;
  /** A category the question named, when the call has several. */
  category?: string;
  next: NextStep[];
}

/** Note topics (data in the call files) whose rule is answered with a list of the call's parts. */
const LIST_NOTES: Record<string, (call: Call) => Text[]> = {
  'priority-areas': (call) => call.priorityAreas.map((p) => p.label),
  categories: (call) => call.categories.map((c) => c.name),
};

export function answerTopic(
  call: Call,
  topic: string,
  now: Date,
  options: { category?: string; source?: string } = {},
): TopicAnswer {
  const timeline = buildTimeline(call, now);
  const entry = (id: string) => timeline.entries.find((e) => e.id === id);
  const dateFact = (id: string): Fact | undefined => {
    const e = entry(id);
    if (!e) return undefined;
    if (e.at) return { kind: 'date', entry: e };
    const after = e.after === undefined ? undefined : entry(e.after);
    return { kind: 'undated', entry: e, ...(after ? { after } : {}) };
  };
  const category = options.category;
  const base = { callId: call.id, topic, ...(category ? { category } : {}) };
  const [kind, id = ''] = topic.includes(':') ? topic.split(':', 2) : [topic];

  if (kind === 'milestone') {
    const m = call.milestones.find((x) => x.id === id);
    const fact = dateFact(id);
    return { ...base, facts: fact ? [fact] : [], ...(m ? { quote: m.cite.quote } : {}), next: ['reminders'] };
  }
  if (kind === 'priority-area') {
    const area = call.priorityAreas.find((p) => p.id === id);
    if (!area) return { ...base, facts: [], next: [] };
    const categories = (area.categories ?? [])
      .map((c) => call.categories.find((x) => x.id === c)?.name)
      .filter((t): t is Text => t !== undefined);
    return {
      ...base,
      facts: [{ kind: 'priority-area', area, categories }],
      quote: area.cite.quote,
      next: ['priority'],
    };
  }
  if (kind === 'category') {
    const c = call.categories.find((x) => x.id === id);
    if (!c) return { ...base, facts: [], next: [] };
    const rule = c.rules.map((r) => call.rules.find((x) => x.id === r)).find((r) => r !== undefined);
    const facts: Fact[] = [{ kind: 'amount', category: c }];
    if (c.description) facts.push({ kind: 'text', text: c.description });
    return {
      ...base,
      category: c.id,
      facts,
      ...(rule ? { rule, quote: rule.cite.quote } : {}),
      next: ['amount', 'eligibility'],
    };
  }
  if (kind === 'contact' || kind === 'guidance') {
    const text = kind === 'contact' ? call.contact : call.submission.guidance;
    const quote = options.source === undefined ? undefined : restatingPassage(call, options.source, kind);
    return { ...base, facts: text ? [{ kind: 'text', text }] : [], ...(quote ? { quote } : {}), next: [] };
  }
  if (kind === 'trusts') {
    const rule = call.questions.find((q) =>
      q.options?.some((o) => call.trusts.some((t) => t.id === o.id)),
    )?.rule;
    const r = rule ? call.rules.find((x) => x.id === rule) : undefined;
    const names = call.trusts.map((t) => ({ nb: t.name, en: t.name }));
    return {
      ...base,
      facts: [{ kind: 'list', items: names }],
      ...(r ? { rule: r, quote: r.cite.quote } : {}),
      next: ['eligibility'],
    };
  }
  if (kind === 'purpose') {
    const facts: Fact[] = [{ kind: 'text', text: call.purpose }];
    if (call.goals.length > 0) facts.push({ kind: 'list', items: call.goals });
    return { ...base, facts, next: ['eligibility'] };
  }
  if (kind === 'source') {
    const passage = options.source === undefined ? undefined : passageAt(options.source, Number(id));
    return { ...base, facts: [], ...(passage ? { quote: passage } : {}), next: [] };
  }
  return ruleAnswer(call, topic, base, dateFact, category);
}

function ruleAnswer(
  call: Call,
  ruleId: string,
  base: Pick<TopicAnswer, 'callId' | 'topic' | 'category'>,
  dateFact: (id: string) => Fact | undefined,
  category: string | undefined,
): TopicAnswer {
  const rule = call.rules.find((r) => r.id === ruleId);
  if (!rule) return { ...base, facts: [], next: [] };
  const facts: Fact[] = [];
  const next = new Set<NextStep>();
  const milestones = call.milestones.filter((m) => ruleOfQuote(call, m.cite.quote)?.id === rule.id);
  for (const m of milestones) {
    const fact = dateFact(m.id);
    if (fact) facts.push(fact);
    next.add(m.kind === 'deadline' ? 'application' : 'reminders');
    if (m.kind === 'deadline') next.add('reminders');
  }
  const categories = call.categories.filter((c) => c.rules.includes(rule.id) && hasLimits(c));
  const named = categories.filter((c) => c.id === category);
  for (const c of named.length > 0 ? named : categories) facts.push({ kind: 'amount', category: c });
  if (categories.length > 0) next.add('amount');
  const roles = call.steps
    .filter((s) => stepRule(call, s.id)?.id === rule.id && s.actor !== 'applicant')
    .map((s) => call.roles.find((r) => r.id === s.actor)?.name)
    .filter((n): n is Text => n !== undefined);
  if (roles.length > 0) {
    facts.push({ kind: 'people', roles: [...new Map(roles.map((r) => [r.nb, r])).values()] });
    next.add('status');
  }
  if (call.submission.rule === rule.id) {
    facts.push({ kind: 'submission', where: call.submission.where, portal: call.submission.portal });
    next.add('application');
  }
  const costs = call.costTypes.filter((c) => c.rule === rule.id);
  if (costs.some((c) => !c.eligible)) {
    facts.push({
      kind: 'costs',
      eligible: costs.filter((c) => c.eligible).map((c) => c.label),
      ineligible: costs.filter((c) => !c.eligible).map((c) => c.label),
    });
    next.add('amount');
  }
  for (const note of call.notes.filter((n) => n.rule === rule.id)) {
    const list = LIST_NOTES[note.topic]?.(call);
    if (list && list.length > 0) {
      facts.push({ kind: 'list', items: list });
      next.add(note.topic === 'priority-areas' ? 'priority' : 'eligibility');
    }
  }
  if (call.questions.some((q) => q.rule === rule.id)) next.add('eligibility');
  if (next.size === 0) next.add('eligibility');
  return { ...base, facts, rule, quote: rule.cite.quote, next: [...next].slice(0, 2) };
}
