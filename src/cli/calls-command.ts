import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { type Coverage, callsCoverage } from '../calls/coverage.ts';
import { type CallRead, callFilesIn, readCallFile } from '../calls/load.ts';
import { describeProblem } from '../calls/problems.ts';
import type { Call } from '../domain/call.ts';
import { isMidlerError } from '../domain/errors.ts';
import { localToInstant } from '../domain/timeline.ts';
import { diffCommand } from './calls-diff-command.ts';
import { draftCommand } from './calls-draft-command.ts';
import { type CliOutput, failure, success, usageError } from './output.ts';

export const USAGE =
  'Usage: midlerbot calls check [FILE...] [--json]\n  Without FILE it checks calls/*.yaml.\n  -h, --help  this text.';
const ZONE = 'Europe/Oslo';

/** `midlerbot calls check [FILE...] [--json]`: validates call files, all or nothing, and summarises them. */
export async function callsCommand(args: string[]): Promise<CliOutput> {
  const [sub, ...rest] = args;
  if (sub === 'draft') return draftCommand(rest);
  if (sub === 'diff') return diffCommand(rest);
  if (sub !== 'check')
    return usageError(sub === undefined ? 'Missing sub-command.' : `Unknown: calls ${sub}`, USAGE);
  const json = rest.includes('--json');
  const unknown = rest.find((a) => a.startsWith('-') && a !== '--json');
  if (unknown) return usageError(`Unknown option: ${unknown}`, USAGE);
  const given = rest.filter((a) => !a.startsWith('-'));

  let files: string[];
  try {
    files = given.length > 0 ? given : callFilesIn('calls');
  } catch (e) {
    if (isMidlerError(e, 'call.invalid')) return failure(e.message);
    throw e;
  }
  const missing = given.filter((f) => !existsSync(f));
  if (missing.length > 0) return failure(`No such file: ${missing.join(', ')}`);

  const reads = files.map((file) => ({ file, read: readCallFile(file) }));
  const problems = reads.flatMap(({ read }) => (read.ok ? [] : read.problems));
  if (problems.length > 0) {
    if (json) return failure('', 1, JSON.stringify({ ok: false, problems }, null, 2));
    const head = `${problems.length} problem${problems.length === 1 ? '' : 's'}; the catalogue would be refused:`;
    return failure([head, ...problems.map((p) => `  ${describeProblem(p)}`)].join('\n'));
  }

  const sound = reads.flatMap(({ file, read }) => (read.ok ? [{ file, read }] : []));
  const coverage = callsCoverage(sound.map((s) => s.read.call));
  if (json)
    return success(
      JSON.stringify(
        {
          ok: true,
          calls: sound.map((s, i) => ({
            ...summaryData(s.file, s.read),
            coverage: coverageData(coverage[i]),
          })),
        },
        null,
        2,
      ),
    );
  const blocks = sound.map(({ file, read }, i) => `${summaryText(file, read)}\n${coverageLine(coverage[i])}`);
  return success([...blocks, `${sound.length} call file${sound.length === 1 ? '' : 's'} OK.`].join('\n\n'));
}

type SoundRead = Extract<CallRead, { ok: true }>;

function summaryData(file: string, read: SoundRead) {
  const { call } = read;
  const deadline = deadlineOf(call);
  return {
    id: call.id,
    file: relative(process.cwd(), file) || file,
    title: call.title,
    source: call.source,
    quotesVerified: read.quotes,
    deadline,
    categories: call.categories.map((c) => ({
      id: c.id,
      name: c.name,
      maxAmount: c.maxAmount ?? null,
      ownFinancingPercent: c.ownFinancingPercent,
      maxAwards: c.maxAwards ?? null,
    })),
    counts: counts(call),
  };
}

function summaryText(file: string, read: SoundRead): string {
  const data = summaryData(file, read);
  const width = Math.max(...data.categories.map((c) => c.id.length));
  const categories = data.categories.map((c) => {
    const cap = c.maxAmount === null ? 'no cap' : `cap ${kroner(c.maxAmount)}`;
    const awards =
      c.maxAwards === null ? 'no award limit' : `at most ${c.maxAwards} award${c.maxAwards === 1 ? '' : 's'}`;
    return `      ${c.id.padEnd(width)}  ${c.name.nb} — ${cap} · own financing ${c.ownFinancingPercent} % · ${awards}`;
  });
  const deadline = data.deadline
    ? `${data.deadline.local} ${ZONE} (${data.deadline.utc})`
    : 'none given in the call file';
  const n = data.counts;
  return [
    `OK  ${data.id} — ${data.title.nb} / ${data.title.en}`,
    `    file:       ${data.file} (source ${data.source}, ${data.quotesVerified} quotes verified verbatim)`,
    `    deadline:   ${deadline}`,
    '    categories:',
    ...categories,
    `    contents:   ${n.rules} rules · ${n.questions} questions · ${n.steps} steps · ${n.milestones} milestones · ` +
      `${n.costTypes} cost types · ${n.priorityAreas} priority areas · ${n.trusts} trusts · ${n.roles} roles`,
  ].join('\n');
}

function coverageData(c: Coverage | undefined) {
  if (!c) return null;
  return {
    total: c.total.length,
    byDialogs: c.byDialogs.length,
    bySearchOnly: c.bySearchOnly,
    notShown: c.notShown,
  };
}

/** What the call says that a user can be shown: by a dialog, by the question search only, or not at all. */
function coverageLine(c: Coverage | undefined): string {
  if (!c) return '';
  const only = c.bySearchOnly.length > 0 ? ` (${c.bySearchOnly.join(', ')})` : '';
  const left = c.notShown.length === 0 ? 'none left' : `not shown: ${c.notShown.join(', ')}`;
  return (
    `    coverage:   ${c.total.length - c.notShown.length}/${c.total.length} rules and notes shown · ` +
    `${c.byDialogs.length} by dialogs · ${c.bySearchOnly.length} by the question search only${only} · ${left}`
  );
}

function counts(call: Call) {
  return {
    rules: call.rules.length,
    questions: call.questions.length,
    steps: call.steps.length,
    milestones: call.milestones.length,
    costTypes: call.costTypes.length,
    priorityAreas: call.priorityAreas.length,
    trusts: call.trusts.length,
    roles: call.roles.length,
  };
}

/** The regional deadline as local wall-clock text and UTC; a bare date ends at 23:59:59 local. */
export function deadlineOf(call: Call): { local: string; utc: string } | null {
  const at = call.milestones.find((m) => m.kind === 'deadline')?.at;
  if (at === undefined) return null;
  const [date, time = '23:59:59'] = at.split('T');
  return { local: `${date} ${time}`, utc: localToInstant(at).toISOString() };
}

function kroner(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`;
}
