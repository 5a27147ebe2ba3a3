import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse } from 'yaml';
import type { Call } from '../domain/call.ts';
import { MidlerError } from '../domain/errors.ts';
import {
  type Knowledge,
  type QuestionCase,
  QuestionSetFile,
  SynonymFile,
} from '../domain/questions/knowledge.ts';

/**
 * The question search's data beside the calls: the call texts (`sources/`), the synonym groups
 * (`search/synonyms.yaml`) and, for the accuracy test and the bench, the question sets
 * (`questions/<call-id>.yaml` and `questions/held-out/<call-id>.yaml`). None of these is a call
 * file: the call loader reads only `*.yaml` directly in the calls directory.
 */

export const SYNONYMS_FILE = join('search', 'synonyms.yaml');

function readYaml(file: string): unknown {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new MidlerError('call.invalid', `${file}: cannot read (${(e as Error).message})`);
  }
}

function invalid(file: string, issues: { path: PropertyKey[]; message: string }[]): MidlerError {
  const lines = issues.map((i) => `${file}: ${i.path.join('.') || '(top level)'}: ${i.message}`);
  return new MidlerError('call.invalid', lines.join('\n'), { details: { file } });
}

/** The synonym groups, or none when the file is absent. A broken file refuses start-up. */
export function loadSynonyms(dir: string): Knowledge['synonyms'] {
  const file = join(dir, SYNONYMS_FILE);
  if (!existsSync(file)) return [];
  const parsed = SynonymFile.safeParse(readYaml(file));
  if (!parsed.success) throw invalid(file, parsed.error.issues);
  return parsed.data.groups;
}

/** Each call's text (the loader has already checked that it exists). */
export function loadSources(calls: readonly Call[], sourcesDir: string): Knowledge['sources'] {
  return Object.fromEntries(calls.map((c) => [c.id, readFileSync(join(sourcesDir, c.source), 'utf8')]));
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => join(dir, n));
}

/**
 * Every question of the question sets of `calls`: a file per call id, tuned and held out. A file
 * for a call that is not loaded is refused, so a renamed call cannot silently drop its questions.
 */
export function loadQuestionSets(dir: string, calls: readonly Call[]): QuestionCase[] {
  const ids = new Set(calls.map((c) => c.id));
  const sets = [
    { dir: join(dir, 'questions'), heldOut: false },
    { dir: join(dir, 'questions', 'held-out'), heldOut: true },
  ];
  return sets.flatMap(({ dir: d, heldOut }) =>
    yamlFiles(d).flatMap((file) => {
      const callId = basename(file, extname(file));
      if (!ids.has(callId)) throw invalid(file, [{ path: [], message: `no call "${callId}" is loaded` }]);
      const parsed = QuestionSetFile.safeParse(readYaml(file));
      if (!parsed.success) throw invalid(file, parsed.error.issues);
      return parsed.data.questions.map((q) => ({ ...q, callId, heldOut }));
    }),
  );
}
