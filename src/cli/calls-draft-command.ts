import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildDraft, type Draft, nextId } from '../calls/draft.ts';
import { readCallFile, sourcesDirOf } from '../calls/load.ts';
import { describeProblem } from '../calls/problems.ts';
import { CallFile } from '../domain/call-schema.ts';
import { type CliOutput, failure, flag, isOutput, readArgs, success, usageError, value } from './output.ts';

export const DRAFT_USAGE = [
  'Usage: midlerbot calls draft --from ID --text FILE [--id NEW-ID] [--calls DIR] [--json]',
  '  Copies the call ID into DIR/drafts/NEW-ID.yaml (status: draft) for the new call text FILE,',
  '  stores FILE as DIR/sources/NEW-ID.txt, re-anchors every quote and flags what changed.',
  '  --id     the new call id (default: the years of ID moved on by one: innovasjon-2024)',
  '  --calls  the calls directory (default: calls)',
  '  -h, --help  this text',
].join('\n');

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `midlerbot calls draft`: checks everything first, so bad input writes nothing. */
export async function draftCommand(args: string[]): Promise<CliOutput> {
  const parsed = readArgs(
    args,
    { from: value, text: value, id: value, calls: value, json: flag },
    DRAFT_USAGE,
  );
  if (isOutput(parsed)) return parsed;
  const { values } = parsed;
  if (!values.from) return usageError('Missing --from ID (last year’s call).', DRAFT_USAGE);
  if (!values.text) return usageError('Missing --text FILE (the new call text).', DRAFT_USAGE);
  const dir = values.calls ?? 'calls';
  const fromFile = join(dir, `${values.from}.yaml`);
  if (!existsSync(fromFile)) return failure(`No call "${values.from}": ${fromFile} does not exist.`);
  if (!existsSync(values.text)) return failure(`No such file: ${values.text}`);
  const newText = readFileSync(values.text, 'utf8');
  if (newText.trim() === '') return failure(`${values.text} is empty: give the text of the new call.`);
  const newId = values.id ?? nextId(values.from);
  if (!SLUG.test(newId)) return failure(`Call id "${newId}": use lowercase letters, digits and dashes.`);
  if (newId === values.from) return failure(`The new id is the old one ("${newId}"): give --id.`);

  const read = readCallFile(fromFile);
  if (!read.ok)
    return failure(
      [
        `${fromFile} is not a sound call; fix it first:`,
        ...read.problems.map((p) => `  ${describeProblem(p)}`),
      ].join('\n'),
    );
  const draftFile = join(dir, 'drafts', `${newId}.yaml`);
  const published = join(dir, `${newId}.yaml`);
  const taken = [draftFile, published].find((f) => existsSync(f));
  if (taken) return failure(`${taken} exists already; remove it or give another --id.`);
  const newSource = `${newId}.txt`;
  const sourceFile = join(dir, 'sources', newSource);
  if (existsSync(sourceFile) && readFileSync(sourceFile, 'utf8') !== newText)
    return failure(`${sourceFile} exists with another text; remove it or give another --id.`);

  const oldYaml = readFileSync(fromFile, 'utf8');
  const old = CallFile.parse(parse(oldYaml));
  const oldText = readFileSync(join(sourcesDirOf(fromFile), old.source), 'utf8');
  const draft = buildDraft({ fromId: values.from, newId, oldYaml, old, oldText, newText, newSource });

  mkdirSync(join(dir, 'drafts'), { recursive: true });
  writeFileSync(sourceFile, newText);
  writeFileSync(draftFile, draft.yaml);
  if (values.json) {
    const { flags, facts } = draft;
    return success(JSON.stringify({ draft: draftFile, source: sourceFile, flags, facts }, null, 2));
  }
  return success(report(draftFile, sourceFile, draft));
}

function report(draftFile: string, sourceFile: string, draft: Draft): string {
  const flags = draft.flags.map(
    (f) =>
      `  ${f.change.padEnd(13)} ${f.path}: ${f.message}${f.now !== undefined && f.change !== 'field' ? `\n                  now: "${f.now}"` : ''}`,
  );
  const facts = draft.facts.map(
    (f) =>
      `  ${f.kind.padEnd(7)} ${f.text.padEnd(20)} → ${f.field ?? '(no field)'}\n          “${f.sentence}”`,
  );
  return [
    `Draft written: ${draftFile}`,
    `Call text stored: ${sourceFile}`,
    '',
    `${draft.flags.length} flag${draft.flags.length === 1 ? '' : 's'} to review:`,
    ...(flags.length > 0 ? flags : ['  (none)']),
    '',
    'Dates, times, amounts and percentages of the new text:',
    ...facts,
    '',
    `Next: fix each flagged field, set its \`resolved: true\`, run \`midlerbot calls check ${draftFile}\`, then move the file to calls/.`,
  ].join('\n');
}
