import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Call } from '../domain/call.ts';
import { EMPTY_KNOWLEDGE } from '../domain/questions/knowledge.ts';
import { buildTopicSearch } from '../domain/questions/search.ts';

/**
 * Which of a call's rules and notes a user can be shown. Shown means: a dialog or card builder
 * refers to it (its id or note topic as a literal in `dialogs/` or `src/bot`, or through a part of
 * the call a dialog renders with its rule's quote: an eligibility question, a category, a cost type,
 * the submission), or the question search indexes it. Whatever is left is said by the call text and
 * by no dialog: `midlerbot calls check` reports it.
 */

export interface Coverage {
  callId: string;
  /** `rule:<id>` and `note:<topic>`, every one the call has. */
  total: string[];
  byDialogs: string[];
  /** Shown only because the question search indexes it. */
  bySearchOnly: string[];
  notShown: string[];
}

/** The ids of the call's rules and notes that are referenced, given the literals and the indexed ids. */
export function coverageOf(
  call: Call,
  literals: ReadonlySet<string>,
  indexed: ReadonlySet<string>,
): Coverage {
  const rendered = new Set<string>([
    ...call.questions.flatMap((q) => [q.rule, ...(q.notBefore ? [q.notBefore.rule] : [])]),
    ...call.categories.flatMap((c) => c.rules),
    ...call.costTypes.flatMap((c) => (c.rule ? [c.rule] : [])),
    call.submission.rule,
  ]);
  const total = [...call.rules.map((r) => `rule:${r.id}`), ...call.notes.map((n) => `note:${n.topic}`)];
  const ruleShown = (rule: string) =>
    literals.has(rule) ||
    rendered.has(rule) ||
    call.notes.some((n) => n.rule === rule && literals.has(n.topic));
  // A note is a topic pointing at a rule: where a dialog shows that rule's sentence, it shows the note.
  const byDialog = (id: string) => {
    const [kind, name = ''] = id.split(':');
    if (kind === 'rule') return ruleShown(name);
    const note = call.notes.find((n) => n.topic === name);
    return literals.has(name) || (note !== undefined && ruleShown(note.rule));
  };
  const byDialogs = total.filter(byDialog);
  const rest = total.filter((id) => !byDialog(id));
  return {
    callId: call.id,
    total,
    byDialogs,
    bySearchOnly: rest.filter((id) => indexed.has(id)),
    notShown: rest.filter((id) => !indexed.has(id)),
  };
}

const LITERAL = /['"`]([a-z0-9]+(?:-[a-z0-9]+)*)['"`]/g;

/** Every quoted identifier-like literal in the source files under `dirs` (.ts, or .js when built). */
export function literalsIn(dirs: readonly string[]): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|js)$/.test(name) && !name.endsWith('.d.ts'))
        for (const m of readFileSync(path, 'utf8').matchAll(LITERAL)) if (m[1]) found.add(m[1]);
    }
  };
  for (const d of dirs) walk(d);
  return found;
}

/** The project root: two levels above this file, in the sources and in `dist/`. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The coverage of each call, scanning this installation's dialogs and bot. */
export function callsCoverage(calls: readonly Call[]): Coverage[] {
  const literals = literalsIn([join(ROOT, 'dialogs'), join(ROOT, 'src', 'bot')]);
  const search = buildTopicSearch(calls, EMPTY_KNOWLEDGE);
  return calls.map((c) => coverageOf(c, literals, new Set(search.indexedIds(c.id))));
}
