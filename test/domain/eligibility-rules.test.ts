import { describe, expect, it } from 'vitest';
import type { Call } from '../../src/domain/call.ts';
import type { QuestionData } from '../../src/domain/call-schema.ts';
import {
  applicableQuestions,
  evaluateEligibility,
  judgeAnswer,
  nextQuestion,
  validateAnswer,
} from '../../src/domain/eligibility.ts';
import { isMidlerError } from '../../src/domain/errors.ts';
import { errorOf } from '../support/errors.ts';

const cite = { quote: 'fixture quote' };
const text = (s: string) => ({ nb: s, en: s });
const opt = (id: string, outcome: 'ok' | 'disqualify' | 'todo' = 'ok', extra = {}) => ({
  id,
  label: text(id),
  outcome,
  dueByTrustInternal: false,
  ...extra,
});

/** A small call exercising what the real calls do not: conditions on earlier answers, fixed limits. */
const fixture: Call = {
  id: 'fixture',
  schemaVersion: 1,
  title: text('Fixture'),
  publisher: 'Test',
  source: 'fixture.txt',
  purpose: text('Testing'),
  goals: [],
  trusts: [{ id: 'trust-a', name: 'Trust A HF' }],
  roles: [{ id: 'leader', name: text('Leader'), chosenBy: 'applicant' }],
  categories: [
    { id: 'small', name: text('Small'), ownFinancingPercent: 0, rules: [] },
    { id: 'large', name: text('Large'), ownFinancingPercent: 0, rules: [] },
  ],
  rules: [
    { id: 'partners', text: text('Partners rule'), cite, whatWouldHelp: text('Find a partner') },
    { id: 'hours', text: text('Hours rule'), cite },
    { id: 'end', text: text('End rule'), cite },
    { id: 'budget', text: text('Budget rule'), cite },
  ],
  costTypes: [{ id: 'any', label: text('Any'), eligible: true }],
  priorityAreas: [],
  notes: [],
  questions: [
    {
      id: 'has-partners',
      kind: 'yes-no',
      text: text('Partners?'),
      rule: 'partners',
      options: [opt('yes'), opt('no')],
    },
    {
      id: 'partner-kinds',
      kind: 'multi',
      text: text('Which partners?'),
      rule: 'partners',
      when: { answers: { 'has-partners': ['yes'] } },
      options: [
        opt('municipality'),
        opt('private', 'todo', { todo: text('Sign a partner agreement'), dueBy: 'deadline' }),
        opt('foreign', 'todo', { todo: text('Check foreign rules') }),
      ],
    },
    {
      id: 'municipality-count',
      kind: 'number',
      text: text('How many municipalities?'),
      rule: 'partners',
      when: { categories: ['large'], answers: { 'partner-kinds': ['municipality'] } },
      min: 2,
    },
    { id: 'hours', kind: 'number', text: text('Hours?'), rule: 'hours', max: 1000 },
    { id: 'end', kind: 'date', text: text('End?'), rule: 'end', notAfter: 'report' },
  ] satisfies QuestionData[],
  milestones: [
    {
      id: 'deadline',
      kind: 'deadline',
      label: text('Deadline'),
      at: '2022-03-27T02:30',
      precision: 'by',
      cite,
    },
    { id: 'report', kind: 'final-report', label: text('Report'), after: 'deadline', precision: 'by', cite },
  ],
  steps: [
    {
      id: 'draft',
      kind: 'draft',
      label: text('Draft'),
      actor: 'applicant',
      requires: [],
      dueTrustInternal: false,
    },
  ],
  submission: { where: text('Here'), portal: text('Portal'), rule: 'budget' },
  contact: text('Contact'),
};

const ids = (qs: QuestionData[]) => qs.map((q) => q.id);

describe('conditions on earlier answers', () => {
  it('a question opens only after the answer it depends on', () => {
    expect(ids(applicableQuestions(fixture, { category: 'large', answers: {} }))).toEqual([
      'has-partners',
      'hours',
      'end',
    ]);
    expect(
      ids(applicableQuestions(fixture, { category: 'large', answers: { 'has-partners': 'no' } })),
    ).toEqual(['has-partners', 'hours', 'end']);
    expect(
      ids(applicableQuestions(fixture, { category: 'large', answers: { 'has-partners': 'yes' } })),
    ).toEqual(['has-partners', 'partner-kinds', 'hours', 'end']);
  });

  it('conditions combine category and answers, and chains close when an earlier answer changes', () => {
    const answers = {
      'has-partners': 'yes',
      'partner-kinds': ['municipality', 'private'],
      'municipality-count': 1,
    };
    expect(ids(applicableQuestions(fixture, { category: 'large', answers }))).toContain('municipality-count');
    expect(ids(applicableQuestions(fixture, { category: 'small', answers }))).not.toContain(
      'municipality-count',
    );
    const changed = { ...answers, 'has-partners': 'no' };
    expect(ids(applicableQuestions(fixture, { category: 'large', answers: changed }))).toEqual([
      'has-partners',
      'hours',
      'end',
    ]);
    expect(
      evaluateEligibility(fixture, {
        category: 'large',
        answers: { ...changed, hours: 10, end: '2030-01-01' },
      }),
    ).toMatchObject({
      verdict: 'eligible',
    });
  });

  it('a fixed minimum disqualifies below it, only where the question applies', () => {
    const answers = {
      'has-partners': 'yes',
      'partner-kinds': ['municipality'],
      'municipality-count': 1,
      hours: 10,
      end: '2022-01-01',
    };
    expect(judgeAnswer(fixture, { category: 'large', answers }, 'municipality-count')).toMatchObject({
      ruleId: 'partners',
    });
    const result = evaluateEligibility(fixture, { category: 'large', answers });
    expect(result.verdict).toBe('not-eligible');
    expect(result.alternatives).toEqual([text('Find a partner')]);
    expect(evaluateEligibility(fixture, { category: 'small', answers }).verdict).toBe('eligible');
    expect(
      evaluateEligibility(fixture, { category: 'large', answers: { ...answers, 'municipality-count': 2 } })
        .verdict,
    ).toBe('eligible');
  });

  it('a fixed maximum disqualifies above it', () => {
    const base = { 'has-partners': 'no', end: '2022-01-01' };
    expect(
      evaluateEligibility(fixture, { category: 'small', answers: { ...base, hours: 1000 } }).verdict,
    ).toBe('eligible');
    expect(
      evaluateEligibility(fixture, { category: 'small', answers: { ...base, hours: 1001 } }).reasons,
    ).toMatchObject([{ ruleId: 'hours', questionId: 'hours' }]);
  });

  it('a multiple choice gives one to-do per to-do option; an undated one has no date', () => {
    const answers = {
      'has-partners': 'yes',
      'partner-kinds': ['foreign', 'private'],
      hours: 1,
      end: '2022-01-01',
    };
    const result = evaluateEligibility(fixture, { category: 'small', answers });
    expect(result.verdict).toBe('eligible-with-todos');
    // Spring forward: 02:30 does not exist on 27 March 2022 in Oslo; the timeline reads it as 03:30 CEST.
    expect(result.todos).toEqual([
      expect.objectContaining({
        text: text('Sign a partner agreement'),
        dueMilestone: 'deadline',
        dueAt: new Date('2022-03-27T01:30:00Z'),
      }),
      expect.objectContaining({ text: text('Check foreign rules'), dueMilestone: null, dueAt: null }),
    ]);
  });

  it('a date limit on an undated milestone cannot disqualify', () => {
    expect(judgeAnswer(fixture, { category: 'small', answers: { end: '2099-12-31' } }, 'end')).toBeNull();
  });

  it('nextQuestion follows the conditions; category is needed first', () => {
    expect(nextQuestion(fixture, { category: 'small', answers: { 'has-partners': 'yes' } })?.id).toBe(
      'partner-kinds',
    );
    expect(
      nextQuestion(fixture, {
        category: 'small',
        answers: { 'has-partners': 'no', hours: 3, end: '2022-01-01' },
      }),
    ).toBeUndefined();
    expect(evaluateEligibility(fixture, { answers: { 'has-partners': 'no' } }).remaining).toEqual([
      'category',
      'hours',
      'end',
    ]);
  });

  it('judgeAnswer refuses unknown questions and badly shaped answers, and is null when unanswered', () => {
    expect(judgeAnswer(fixture, { category: 'small', answers: {} }, 'hours')).toBeNull();
    for (const run of [
      () => judgeAnswer(fixture, { category: 'small', answers: {} }, 'nope'),
      () => judgeAnswer(fixture, { category: 'small', answers: { hours: 'ten' } }, 'hours'),
    ]) {
      const error = errorOf(() => run());
      expect(isMidlerError(error, 'input.invalid')).toBe(true);
    }
  });
});

describe('validateAnswer checks the shape of an answer', () => {
  const q = (id: string) => fixture.questions.find((x) => x.id === id)!;
  const percent: QuestionData = { id: 'p', kind: 'percent', text: text('p'), rule: 'hours' };

  it.each<[string, QuestionData, unknown]>([
    ['yes-no', q('has-partners'), 'yes'],
    ['multi', q('partner-kinds'), ['municipality']],
    ['multi, several', q('partner-kinds'), ['private', 'municipality']],
    ['number', q('hours'), 0],
    ['number, fraction', q('hours'), 7.5],
    ['number above max (a rule, not a shape)', q('hours'), 5000],
    ['percent', percent, 100],
    ['percent zero', percent, 0],
    ['date', q('end'), '2024-02-29'],
  ])('accepts %s', (_name, question, answer) => {
    expect(validateAnswer(question, answer)).toBeNull();
  });

  it.each<[string, QuestionData, unknown]>([
    ['an unknown option', q('has-partners'), 'maybe'],
    ['a number for a choice', q('has-partners'), 1],
    ['an empty multi', q('partner-kinds'), []],
    ['a string for multi', q('partner-kinds'), 'private'],
    ['a duplicate in multi', q('partner-kinds'), ['private', 'private']],
    ['an unknown option in multi', q('partner-kinds'), ['private', 'martian']],
    ['a negative number', q('hours'), -1],
    ['NaN', q('hours'), Number.NaN],
    ['Infinity', q('hours'), Number.POSITIVE_INFINITY],
    ['a numeric string', q('hours'), '10'],
    ['a percent above 100', percent, 101],
    ['a negative percent', percent, -1],
    ['an impossible date', q('end'), '2023-02-29'],
    ['a Norwegian date (the dialog converts it)', q('end'), '01.10.2024'],
    ['undefined', q('end'), undefined],
  ])('refuses %s', (_name, question, answer) => {
    expect(validateAnswer(question, answer)).toEqual(expect.any(String));
  });
});
