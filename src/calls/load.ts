import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Call } from '../domain/call.ts';
import { CallFile, type CallFileData } from '../domain/call-schema.ts';
import { type Catalog, createCatalog } from '../domain/catalog.ts';
import { questionsOf } from '../domain/questions/index.ts';
import { loadSources, loadSynonyms } from './knowledge.ts';
import { type CallProblem, callInvalid, locate, problemAt } from './problems.ts';
import { findQuotes, normaliseWhitespace } from './quotes.ts';

export interface LoadOptions {
  /** Where the call texts live; defaults to `sources/` next to the call file. */
  sourcesDir?: string;
}

/** A call file read as far as it goes: the call when it is sound, else every problem found. */
export type CallRead = { ok: true; call: Call; quotes: number } | { ok: false; problems: CallProblem[] };

const CALL_FILE = /\.ya?ml$/;

/** Reads and checks one call file without throwing, so a caller can report every broken file at once. */
export function readCallFile(file: string, options: LoadOptions = {}): CallRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, problems: [problemAt(file, [], `cannot read the file (${(e as Error).message})`)] };
  }

  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((err) => {
      const pos = err.linePos?.[0];
      const what = err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? err.code;
      return problemAt(file, [], `YAML syntax error: ${what}`, pos && { line: pos.line, column: pos.col });
    });
    return { ok: false, problems };
  }

  const parsed = CallFile.safeParse(doc.toJS());
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      problemAt(file, issue.path, issue.message, locate(doc, lines, issue.path)),
    );
    return { ok: false, problems };
  }

  const data = parsed.data;
  const sourcesDir = options.sourcesDir ?? sourcesDirOf(file);
  const sourceFile = join(sourcesDir, data.source);
  if (!existsSync(sourceFile)) {
    return {
      ok: false,
      problems: [
        problemAt(file, ['source'], `call text not found: ${sourceFile}`, locate(doc, lines, ['source'])),
      ],
    };
  }
  const source = normaliseWhitespace(readFileSync(sourceFile, 'utf8'));
  const quotes = findQuotes(data);
  const problems = quotes
    .filter((q) => !source.includes(normaliseWhitespace(q.quote)))
    .map((q) =>
      problemAt(
        file,
        q.path,
        `quote not found verbatim in ${data.source}: "${q.quote}"`,
        locate(doc, lines, q.path),
      ),
    );
  problems.push(...unresolvedFlags(file, data, doc, lines));
  if (problems.length > 0) return { ok: false, problems };

  return { ok: true, call: { ...data, id: callIdOf(file) }, quotes: quotes.length };
}

/**
 * The call texts of `calls/x.yaml` are in `calls/sources/`; a draft in `calls/drafts/` shares them, so
 * moving it to `calls/` publishes it without touching its `source`.
 */
export function sourcesDirOf(file: string): string {
  const dir = dirname(file);
  return basename(dir) === 'drafts' ? join(dirname(dir), 'sources') : join(dir, 'sources');
}

/** A draft's review flags still open: each is a problem, so neither the check nor the host takes it. */
function unresolvedFlags(
  file: string,
  data: CallFileData,
  doc: Parameters<typeof locate>[0],
  lines: LineCounter,
): CallProblem[] {
  return (data.review?.flags ?? []).flatMap((flag, i) =>
    flag.resolved
      ? []
      : [
          problemAt(
            file,
            ['review', 'flags', i],
            `review flag not resolved: ${flag.path}: ${flag.message}`,
            locate(doc, lines, ['review', 'flags', i]),
          ),
        ],
  );
}

/** A call's id is its file name without the extension. */
export function callIdOf(file: string): string {
  return basename(file, extname(file));
}

/** One call file, or `MidlerError('call.invalid')` listing every problem in it. */
export function loadCallFile(file: string, options: LoadOptions = {}): Call {
  return loadCallFiles([file], options)[0]!;
}

/** Several call files, all or nothing: one broken file refuses them all. */
export function loadCallFiles(files: readonly string[], options: LoadOptions = {}): Call[] {
  const reads = files.map((f) => readCallFile(f, options));
  const problems = reads.flatMap((r) => (r.ok ? [] : r.problems));
  const calls = reads.flatMap((r) => (r.ok ? [r.call] : []));
  const seen = new Map<string, string>();
  files.forEach((file) => {
    const id = callIdOf(file);
    const first = seen.get(id);
    if (first !== undefined && first !== file)
      problems.push(problemAt(file, [], `call id "${id}" is also used by ${first}`));
    seen.set(id, first ?? file);
  });
  if (problems.length > 0) throw callInvalid(problems);
  return calls;
}

/** The call files of a directory (`*.yaml`, `*.yml`), sorted by name. */
export function callFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw callInvalid([problemAt(dir, [], `cannot read the calls directory (${(e as Error).message})`)]);
  }
  const files = names.filter((n) => CALL_FILE.test(n)).sort();
  if (files.length === 0) throw callInvalid([problemAt(dir, [], 'no call files (*.yaml) in this directory')]);
  return files.map((n) => join(dir, n));
}

/**
 * Every call in `dir`, or none: the bot never starts with a half-read catalogue. The call texts and
 * the synonyms come along, and the question index is built here, at load time.
 */
export function loadCatalog(dir = 'calls', options: LoadOptions = {}): Catalog {
  const sourcesDir = options.sourcesDir ?? join(dir, 'sources');
  const calls = loadCallFiles(callFilesIn(dir), { sourcesDir });
  const catalog = createCatalog(calls, {
    sources: loadSources(calls, sourcesDir),
    synonyms: loadSynonyms(dir),
  });
  questionsOf(catalog);
  return catalog;
}
