import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { diffCalls } from '../domain/call-diff.ts';
import { CallFile, type CallFileData } from '../domain/call-schema.ts';
import { type CliOutput, failure, flag, isOutput, readArgs, success, usageError, value } from './output.ts';

export const DIFF_USAGE = [
  'Usage: midlerbot calls diff OLD NEW [--locale nb|en] [--json] [--calls DIR]',
  '  What changed from call OLD to call NEW, in an adviser’s terms (deadline moved, cap raised, new',
  '  priority area, rule removed). OLD and NEW are call ids (in DIR or DIR/drafts) or files; a draft',
  '  with open review flags can be compared too.',
  '  --locale  the language of the list (default en)',
  '  --calls   the calls directory (default: calls)',
  '  -h, --help  this text',
].join('\n');

/** A call id (published, then draft) or a path. */
function fileOf(arg: string, dir: string): string | undefined {
  return [arg, join(dir, `${arg}.yaml`), join(dir, 'drafts', `${arg}.yaml`)].find(
    (f) => existsSync(f) && f.match(/\.ya?ml$/),
  );
}

/** Only the schema: the quotes and review flags of a draft under review must not stop a comparison. */
function read(file: string): { ok: true; call: CallFileData } | { ok: false; message: string } {
  try {
    const parsed = CallFile.safeParse(parse(readFileSync(file, 'utf8')));
    if (parsed.success) return { ok: true, call: parsed.data };
    return { ok: false, message: `${file} is not a sound call (run \`midlerbot calls check ${file}\`)` };
  } catch (e) {
    return { ok: false, message: `${file}: cannot read (${(e as Error).message})` };
  }
}

export async function diffCommand(args: string[]): Promise<CliOutput> {
  const parsed = readArgs(args, { locale: value, json: flag, calls: value }, DIFF_USAGE, true);
  if (isOutput(parsed)) return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 2) return usageError('Give two calls: OLD and NEW.', DIFF_USAGE);
  const locale = values.locale ?? 'en';
  if (locale !== 'nb' && locale !== 'en')
    return usageError(`--locale must be nb or en, not "${locale}".`, DIFF_USAGE);
  const dir = values.calls ?? 'calls';
  const files = positionals.map((p) => ({ arg: p, file: fileOf(p, dir) }));
  const missing = files.filter((f) => f.file === undefined).map((f) => f.arg);
  if (missing.length > 0) return failure(`No such call or file: ${missing.join(', ')}`);
  const [old, now] = files.map((f) => read(f.file ?? ''));
  if (!old?.ok || !now?.ok)
    return failure([old, now].flatMap((r) => (r && !r.ok ? [r.message] : [])).join('\n'));
  const changes = diffCalls(old.call, now.call);
  if (values.json) return success(JSON.stringify({ changes }, null, 2));
  const [a, b] = positionals;
  if (changes.length === 0) return success(`No changes from ${a} to ${b} that an applicant would notice.`);
  return success(
    [
      `${changes.length} change${changes.length === 1 ? '' : 's'} from ${a} to ${b}:`,
      ...changes.map((c) => `  - ${c.text[locale]}`),
    ].join('\n'),
  );
}
