/**
 * Cross-reference checks of a call file: the zod shapes say each part is well formed, this says the
 * parts fit together (every referenced id exists, ids are unique, conditions look only backwards).
 * It reads a structural view of the call so that `call-schema.ts` can use it without an import cycle.
 */

export type IssuePath = (string | number)[];
export interface ReferenceIssue {
  path: IssuePath;
  message: string;
}

interface WithId {
  id: string;
}
type Limit = number | { byCategory: Record<string, number> };

/** The parts of a call file that refer to each other. `CallFileData` satisfies it. */
export interface CallReferences {
  trusts: WithId[];
  roles: WithId[];
  categories: (WithId & { rules: string[] })[];
  rules: WithId[];
  costTypes: (WithId & { rule?: string | undefined; categories?: string[] | undefined })[];
  priorityAreas: (WithId & { categories?: string[] | undefined })[];
  notes: { topic: string; rule: string }[];
  questions: (WithId & {
    kind: string;
    rule: string;
    when?: { categories?: string[] | undefined; answers?: Record<string, string[]> | undefined } | undefined;
    options?: (WithId & { outcome: string; dueBy?: string | undefined })[] | undefined;
    min?: Limit | undefined;
    max?: Limit | undefined;
    notAfter?: string | undefined;
    notBefore?: { date: string; rule: string } | undefined;
  })[];
  milestones: (WithId & { after?: string | undefined })[];
  steps: (WithId & {
    actor: string;
    requires: string[];
    due?: string | undefined;
    categories?: string[] | undefined;
  })[];
  submission: { rule: string };
}

/** The implicit actor of every call: the person applying. A role may not take this id. */
export const APPLICANT = 'applicant';

/** `['questions', 3, 'options', 1]` -> `questions[3].options[1]`; odd keys are bracketed. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part))
      out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out === '' ? '(top level)' : out;
}

export function checkReferences(call: CallReferences): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const add = (path: IssuePath, message: string): void => {
    issues.push({ path, message });
  };

  for (const list of [
    'trusts',
    'roles',
    'categories',
    'rules',
    'costTypes',
    'priorityAreas',
    'questions',
    'milestones',
    'steps',
  ] as const) {
    unique(call[list], [list], add);
  }
  unique(
    call.notes.map((n) => ({ id: n.topic })),
    ['notes'],
    add,
    'topic',
  );

  const ids = (items: WithId[]) => new Set(items.map((i) => i.id));
  const rules = ids(call.rules);
  const categories = ids(call.categories);
  const milestones = ids(call.milestones);
  const roles = ids(call.roles);

  const ref = (set: Set<string>, what: string, id: string | undefined, path: IssuePath): void => {
    if (id !== undefined && !set.has(id)) add(path, `unknown ${what} "${id}"`);
  };
  const refs = (set: Set<string>, what: string, list: string[] | undefined, path: IssuePath): void => {
    list?.forEach((id, i) => {
      ref(set, what, id, [...path, i]);
    });
  };

  call.roles.forEach((r, i) => {
    if (r.id === APPLICANT) add(['roles', i, 'id'], `"${APPLICANT}" is the implicit applicant, not a role`);
  });
  for (const [i, c] of call.categories.entries()) refs(rules, 'rule', c.rules, ['categories', i, 'rules']);
  call.costTypes.forEach((c, i) => {
    ref(rules, 'rule', c.rule, ['costTypes', i, 'rule']);
    refs(categories, 'category', c.categories, ['costTypes', i, 'categories']);
  });
  for (const [i, p] of call.priorityAreas.entries()) {
    refs(categories, 'category', p.categories, ['priorityAreas', i, 'categories']);
  }
  for (const [i, n] of call.notes.entries()) ref(rules, 'rule', n.rule, ['notes', i, 'rule']);
  ref(rules, 'rule', call.submission.rule, ['submission', 'rule']);

  checkQuestions(call, { rules, categories, milestones }, add);

  call.milestones.forEach((m, i) => {
    if (m.after === undefined) return;
    const earlier = call.milestones.slice(0, i).some((o) => o.id === m.after);
    if (!earlier) add(['milestones', i, 'after'], `"${m.after}" must be a milestone listed before this one`);
  });

  call.steps.forEach((s, i) => {
    const path = ['steps', i];
    if (s.actor !== APPLICANT && !roles.has(s.actor)) {
      add([...path, 'actor'], `unknown role "${s.actor}" (use a role id or "${APPLICANT}")`);
    }
    const earlier = new Set(call.steps.slice(0, i).map((o) => o.id));
    s.requires.forEach((r, j) => {
      if (!earlier.has(r)) add([...path, 'requires', j], `"${r}" must be a step listed before this one`);
    });
    ref(milestones, 'milestone', s.due, [...path, 'due']);
    refs(categories, 'category', s.categories, [...path, 'categories']);
  });

  return issues;
}

function checkQuestions(
  call: CallReferences,
  known: { rules: Set<string>; categories: Set<string>; milestones: Set<string> },
  add: (path: IssuePath, message: string) => void,
): void {
  call.questions.forEach((q, i) => {
    const path = ['questions', i];
    if (!known.rules.has(q.rule)) add([...path, 'rule'], `unknown rule "${q.rule}"`);
    q.when?.categories?.forEach((c, j) => {
      if (!known.categories.has(c)) add([...path, 'when', 'categories', j], `unknown category "${c}"`);
    });
    for (const [asked, chosen] of Object.entries(q.when?.answers ?? {})) {
      const earlier = call.questions.slice(0, i).find((o) => o.id === asked);
      if (!earlier) {
        add([...path, 'when', 'answers', asked], `"${asked}" must be a question asked before this one`);
        continue;
      }
      const options = new Set((earlier.options ?? []).map((o) => o.id));
      chosen.forEach((o, j) => {
        if (!options.has(o))
          add([...path, 'when', 'answers', asked, j], `question "${asked}" has no option "${o}"`);
      });
    }
    if (q.options) unique(q.options, [...path, 'options'], add);
    q.options?.forEach((o, j) => {
      const optionPath = [...path, 'options', j];
      if (o.outcome === 'todo' && o.dueBy === undefined) {
        add([...optionPath, 'dueBy'], 'a todo option needs `dueBy` (the milestone it must be done before)');
      }
      if (o.dueBy !== undefined && !known.milestones.has(o.dueBy)) {
        add([...optionPath, 'dueBy'], `unknown milestone "${o.dueBy}"`);
      }
    });
    const numeric = q.kind === 'number' || q.kind === 'percent';
    for (const bound of ['min', 'max'] as const) {
      const limit = q[bound];
      if (limit === undefined) continue;
      if (!numeric) add([...path, bound], `a ${q.kind} question takes no \`${bound}\``);
      if (typeof limit === 'object') {
        for (const c of Object.keys(limit.byCategory)) {
          if (!known.categories.has(c)) add([...path, bound, 'byCategory', c], `unknown category "${c}"`);
        }
      }
    }
    if (q.notAfter !== undefined) {
      if (q.kind !== 'date') add([...path, 'notAfter'], `a ${q.kind} question takes no \`notAfter\``);
      if (!known.milestones.has(q.notAfter)) add([...path, 'notAfter'], `unknown milestone "${q.notAfter}"`);
    }
    if (q.notBefore !== undefined) {
      if (q.kind !== 'date') add([...path, 'notBefore'], `a ${q.kind} question takes no \`notBefore\``);
      if (!known.rules.has(q.notBefore.rule))
        add([...path, 'notBefore', 'rule'], `unknown rule "${q.notBefore.rule}"`);
    }
  });
}

function unique(
  items: WithId[],
  path: IssuePath,
  add: (path: IssuePath, message: string) => void,
  field = 'id',
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else
      add([...path, i, field], `duplicate ${field} "${item.id}" (also at ${formatPath([...path, first])})`);
  });
}
