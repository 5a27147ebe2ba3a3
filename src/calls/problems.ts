import type { Document, LineCounter } from 'yaml';
import { isNode } from 'yaml';
import { formatPath } from '../domain/call-references.ts';
import { MidlerError } from '../domain/errors.ts';

/** One thing wrong with one call file, located as precisely as the file allows. */
export interface CallProblem {
  file: string;
  /** Where inside the file, e.g. `questions[3].options[1].outcome`; empty for the whole file. */
  path: string;
  line?: number;
  column?: number;
  message: string;
}

export function describeProblem(p: CallProblem): string {
  const where = p.line === undefined ? '' : ` (line ${p.line}, column ${p.column ?? 1})`;
  return p.path === '' ? `${p.file}${where}: ${p.message}` : `${p.file}: ${p.path}${where}: ${p.message}`;
}

/** The one error for a refused catalogue: every problem of every file, one per line. */
export function callInvalid(problems: CallProblem[]): MidlerError {
  const files = new Set(problems.map((p) => p.file)).size;
  const head = `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} call file${files === 1 ? '' : 's'}; the catalogue is refused:`;
  return new MidlerError(
    'call.invalid',
    [head, ...problems.map((p) => `  ${describeProblem(p)}`)].join('\n'),
    {
      details: { problems },
    },
  );
}

/** Locates a schema issue in the YAML text; a missing key is reported at the nearest enclosing node. */
export function locate(
  doc: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
): { line: number; column: number } | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return undefined;
}

export function problemAt(
  file: string,
  path: readonly PropertyKey[],
  message: string,
  position?: { line: number; column: number },
): CallProblem {
  return { file, path: path.length === 0 ? '' : formatPath(path), message, ...position };
}
