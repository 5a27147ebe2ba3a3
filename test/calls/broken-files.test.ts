import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Scalar } from 'yaml';
import { loadCallFile, loadCatalog } from '../../src/calls/load.ts';
import type { CallProblem } from '../../src/calls/problems.ts';
import type { MidlerError } from '../../src/domain/errors.ts';
import { refusalOf } from '../support/errors.ts';
import { mutatedCall, removeTempDirs, tempCallsDir, writeCall } from './support.ts';

afterAll(removeTempDirs);

type Doc = Parameters<Parameters<typeof mutatedCall>[1]>[0];
const INNO = 'innovasjon-2023';
const PS = 'pasientsikkerhet-2023-2024';

function refusal(load: () => unknown): MidlerError {
  return refusalOf('call.invalid', load, 'the file was accepted');
}

const cases: [string, string, (doc: Doc) => void, string, RegExp][] = [
  ['a missing field', INNO, (d) => d.delete('title'), 'title', /expected object/],
  [
    'a missing nested field',
    INNO,
    (d) => d.deleteIn(['categories', 1, 'name']),
    'categories[1].name',
    /expected object/,
  ],
  [
    'a wrong type',
    INNO,
    (d) => d.setIn(['categories', 0, 'maxAmount'], 'lots'),
    'categories[0].maxAmount',
    /expected number/,
  ],
  [
    'a fraction of a krone',
    INNO,
    (d) => d.setIn(['categories', 2, 'maxAmount'], 350000.5),
    'categories[2].maxAmount',
    /int/i,
  ],
  [
    'a bad date (30 February)',
    PS,
    (d) => d.setIn(['milestones', 2, 'at'], '2022-02-30'),
    'milestones[2].at',
    /not a real calendar date/,
  ],
  [
    'a bad time (25:00)',
    INNO,
    (d) => d.setIn(['milestones', 1, 'at'], '2022-10-20T25:00'),
    'milestones[1].at',
    /not a real/,
  ],
  [
    'a date in the wrong format',
    PS,
    (d) => d.setIn(['milestones', 2, 'at'], '04.11.2022'),
    'milestones[2].at',
    /YYYY-MM-DD/,
  ],
  [
    'an unknown outcome',
    PS,
    (d) => d.setIn(['questions', 0, 'options', 5, 'outcome'], 'maybe'),
    'questions[0].options[5].outcome',
    /ok.*disqualify.*todo/,
  ],
  [
    'an unknown key',
    INNO,
    (d) => d.setIn(['categories', 0, 'cap'], 1),
    'categories[0]',
    /Unrecognized key.*cap/,
  ],
  [
    'an unknown rule reference',
    PS,
    (d) => d.setIn(['questions', 3, 'rule'], 'nope'),
    'questions[3].rule',
    /unknown rule "nope"/,
  ],
  [
    'an unknown category reference',
    INNO,
    (d) => d.setIn(['categories', 0, 'rules', 0], 'missing-rule'),
    'categories[0].rules[0]',
    /unknown rule/,
  ],
  [
    'an unknown milestone in a step',
    INNO,
    (d) => d.setIn(['steps', 4, 'due'], 'whenever'),
    'steps[4].due',
    /unknown milestone "whenever"/,
  ],
  [
    'an unknown actor',
    PS,
    (d) => d.setIn(['steps', 2, 'actor'], 'boss'),
    'steps[2].actor',
    /unknown role "boss"/,
  ],
  [
    'an unknown milestone in dueBy',
    INNO,
    (d) => d.setIn(['questions', 5, 'options', 1, 'dueBy'], 'soon'),
    'questions[5].options[1].dueBy',
    /unknown milestone/,
  ],
  [
    'a todo without dueBy',
    INNO,
    (d) => d.deleteIn(['questions', 6, 'options', 1, 'dueBy']),
    'questions[6].options[1].dueBy',
    /needs `dueBy`/,
  ],
  [
    'a duplicate rule id',
    PS,
    (d) => d.setIn(['rules', 1, 'id'], 'employed-at-trust'),
    'rules[1].id',
    /duplicate id "employed-at-trust" \(also at rules\[0\]\)/,
  ],
  [
    'a duplicate option id',
    PS,
    (d) => d.setIn(['questions', 3, 'options', 2, 'id'], 'yes'),
    'questions[3].options[2].id',
    /duplicate id "yes"/,
  ],
  [
    'a condition on a later question',
    INNO,
    (d) => d.setIn(['questions', 0, 'when'], d.createNode({ answers: { 'prior-awards': ['1'] } })),
    'questions[0].when.answers["prior-awards"]',
    /asked before this one/,
  ],
  [
    'a condition on an unknown option',
    INNO,
    (d) => d.setIn(['questions', 2, 'when'], d.createNode({ answers: { trust: ['oslo'] } })),
    'questions[2].when.answers.trust[0]',
    /no option "oslo"/,
  ],
  [
    'a limit for an unknown category',
    INNO,
    (d) => d.setIn(['questions', 3, 'max'], d.createNode({ byCategory: { gadget: 1 } })),
    'questions[3].max.byCategory.gadget',
    /unknown category "gadget"/,
  ],
  [
    'a step requiring a later step',
    PS,
    (d) => d.setIn(['steps', 1, 'requires', 0], 'award'),
    'steps[1].requires[0]',
    /listed before/,
  ],
  [
    'a milestone after an unknown one',
    PS,
    (d) => d.setIn(['milestones', 6, 'after'], 'nowhere'),
    'milestones[6].after',
    /listed before this one/,
  ],
  [
    'a date bound by an unknown milestone',
    PS,
    (d) => d.setIn(['questions', 5, 'notAfter'], 'never'),
    'questions[5].notAfter',
    /unknown milestone "never"/,
  ],
  [
    'a role named like the applicant',
    INNO,
    (d) => d.setIn(['roles', 0, 'id'], 'applicant'),
    'roles[0].id',
    /implicit applicant/,
  ],
  ['a missing source text', INNO, (d) => d.set('source', 'gone.txt'), 'source', /call text not found/],
  [
    'a misquote',
    INNO,
    (d) => d.setIn(['milestones', 0, 'cite', 'quote'], new Scalar('Publisert 30.08.2022')),
    'milestones[0].cite.quote',
    /not found verbatim/,
  ],
];

describe('a broken call file is refused with the file, the path inside it and what is wrong', () => {
  it.each(cases)('%s', (_what, base, change, path, message) => {
    const dir = tempCallsDir();
    const file = writeCall(dir, base, mutatedCall(base, change));
    const error = refusal(() => loadCallFile(file));
    const problems = error.details?.problems as CallProblem[];
    const problem = problems.find((p) => p.path === path);
    expect(problem, `problems: ${JSON.stringify(problems)}`).toBeDefined();
    expect(problem?.message).toMatch(message);
    expect(problem?.file).toBe(file);
    expect(problem?.line).toBeGreaterThan(0);
    expect(error.message).toContain(`${file}: ${path} (line `);
  });

  it('reports a YAML syntax error with its line and column', () => {
    const dir = tempCallsDir();
    const file = writeCall(dir, 'broken', 'schemaVersion: 1\ntitle: { nb: Hei, en: Hi\npublisher: x\n');
    const error = refusal(() => loadCallFile(file));
    expect(error.message).toMatch(new RegExp(`${file} \\(line \\d+, column \\d+\\): YAML syntax error`));
  });

  it('reports a duplicate key in YAML as a syntax error', () => {
    const dir = tempCallsDir();
    const file = writeCall(dir, 'dup', 'schemaVersion: 1\nschemaVersion: 1\n');
    expect(refusal(() => loadCallFile(file)).message).toMatch(
      /line 2, column 1\): YAML syntax error: Map keys must be unique/,
    );
  });

  it('reports an empty file as not a call', () => {
    const dir = tempCallsDir();
    const file = writeCall(dir, 'empty', '');
    expect(refusal(() => loadCallFile(file)).message).toContain(`${file}: `);
  });
});

describe('the catalogue is all or nothing', () => {
  it('loads every call of a sound directory, by file name', () => {
    const dir = tempCallsDir();
    writeCall(
      dir,
      INNO,
      mutatedCall(INNO, () => {}),
    );
    writeCall(
      dir,
      PS,
      mutatedCall(PS, () => {}),
    );
    const catalog = loadCatalog(dir);
    expect(catalog.calls.map((c) => c.id)).toEqual([INNO, PS]);
    expect(catalog.get(INNO)?.categories).toHaveLength(3);
  });

  it('refuses the whole catalogue when one file is broken, and lists the problems of every broken file', () => {
    const dir = tempCallsDir();
    writeCall(
      dir,
      INNO,
      mutatedCall(INNO, () => {}),
    );
    const ps = writeCall(
      dir,
      PS,
      mutatedCall(PS, (d) => d.setIn(['rules', 1, 'id'], 'employed-at-trust')),
    );
    const extra = writeCall(dir, 'extra', 'title: [');
    const error = refusal(() => loadCatalog(dir));
    expect(error.message).toMatch(/^\d+ problems in 2 call files; the catalogue is refused:/);
    expect(error.message).toContain(`${ps}: rules[1].id`);
    expect(error.message).toContain(`${extra} (line`);
    expect(error.message).not.toContain(INNO);
  });

  it('refuses a directory with no call files', () => {
    const dir = tempCallsDir();
    expect(refusal(() => loadCatalog(dir)).message).toContain('no call files');
    rmSync(dir, { recursive: true });
    expect(refusal(() => loadCatalog(dir)).message).toContain('cannot read the calls directory');
  });

  it('the real catalogue loads', () => {
    expect(loadCatalog(join(import.meta.dirname, '../../calls')).calls).toHaveLength(2);
  });
});
