import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/domain/eligibility.ts';
import {
  applicableQuestions,
  evaluateEligibility,
  judgeAnswer,
  nextQuestion,
} from '../../src/domain/eligibility.ts';
import { isMidlerError } from '../../src/domain/errors.ts';
import { errorOf } from '../support/errors.ts';
import {
  innovation,
  innovationOk,
  innovationWithInternalDeadlines,
  patientSafety,
  patientSafetyOk,
  realCalls,
} from './eligibility-support.ts';

const okAnswers: Record<string, typeof innovationOk> = {
  [innovation.id]: innovationOk,
  [patientSafety.id]: patientSafetyOk,
};

function ruleOf(callId: string, ruleId: string) {
  const rule = realCalls[callId]?.rules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return rule;
}

/** Product and service innovation ask the same questions. */
const OWN_INNOVATION = [
  'trust',
  'position-share',
  'prior-awards',
  'own-financing',
  'clinic-chief-anchoring',
  'large-equipment',
  'project-end-date',
];

describe('questions asked only when they apply (real calls)', () => {
  it.each([
    ['product', OWN_INNOVATION],
    ['service', OWN_INNOVATION],
    [
      'transfer',
      [
        'trust',
        'position-share',
        'transfer-origin',
        'prior-transfer-awards',
        'clinic-chief-anchoring',
        'large-equipment',
        'project-end-date',
      ],
    ],
  ])('innovation, %s', (category, ids) => {
    expect(applicableQuestions(innovation, { category, answers: {} }).map((q) => q.id)).toEqual(ids);
  });

  it('patient safety has one category, so none needs choosing', () => {
    expect(applicableQuestions(patientSafety, { answers: {} }).map((q) => q.id)).toEqual([
      'trust',
      'leader-and-owner-employed',
      'aims',
      'nearest-leader-approval',
      'clinic-leader-approval',
      'project-end-date',
      'operations-costs',
      'medical-equipment',
    ]);
  });

  it('asks the questions one at a time, skipping the ones that do not apply', () => {
    const answers: Record<string, Answer> = {};
    const asked: string[] = [];
    for (
      let q = nextQuestion(innovation, { category: 'transfer', answers });
      q;
      q = nextQuestion(innovation, { category: 'transfer', answers })
    ) {
      // A question asked twice would loop for ever: fail instead.
      expect(asked).not.toContain(q.id);
      asked.push(q.id);
      answers[q.id] = innovationOk[q.id] as Answer;
    }
    expect(asked).not.toContain('own-financing');
    expect(asked).toContain('transfer-origin');
    expect(evaluateEligibility(innovation, { category: 'transfer', answers }).verdict).toBe('eligible');
  });

  it('an invalid stored answer is asked again', () => {
    const answers = { ...innovationOk, 'position-share': 150 };
    expect(nextQuestion(innovation, { category: 'product', answers })?.id).toBe('position-share');
    expect(evaluateEligibility(innovation, { category: 'product', answers }).remaining).toEqual([
      'position-share',
    ]);
  });

  it('the category comes first when the call has several', () => {
    const result = evaluateEligibility(innovation, { answers: {} });
    expect(result.verdict).toBe('incomplete');
    expect(result.remaining[0]).toBe('category');
    expect(result.remaining).not.toContain('own-financing');
    const error = errorOf(() => nextQuestion(innovation, { answers: {} }));
    expect(isMidlerError(error, 'input.invalid')).toBe(true);
  });

  it('an unknown category is a clear error', () => {
    for (const run of [
      () => applicableQuestions(innovation, { category: 'nope', answers: {} }),
      () => evaluateEligibility(innovation, { category: 'nope', answers: {} }),
      () => judgeAnswer(innovation, { category: 'nope', answers: { trust: 'hemit' } }, 'trust'),
    ]) {
      const error = errorOf(() => run());
      expect(isMidlerError(error, 'category.not-found')).toBe(true);
      expect((error as Error).message).toContain('product, service, transfer');
    }
  });
});

describe('every question of both calls: the answers that pass', () => {
  it.each([
    [innovation.id, 'product'],
    [innovation.id, 'service'],
    [innovation.id, 'transfer'],
    [patientSafety.id, 'project'],
  ])('%s / %s: all good answers are eligible', (callId, category) => {
    const call = realCalls[callId]!;
    const result = evaluateEligibility(call, { category, answers: okAnswers[callId]! });
    expect(result).toEqual({ verdict: 'eligible', reasons: [], todos: [], remaining: [], alternatives: [] });
  });

  it.each<[string, string, string, Answer]>([
    [innovation.id, 'product', 'position-share', 20],
    [innovation.id, 'product', 'position-share', 100],
    [innovation.id, 'product', 'prior-awards', 2],
    [innovation.id, 'service', 'prior-awards', 2],
    [innovation.id, 'transfer', 'prior-awards', 0],
    [innovation.id, 'product', 'project-end-date', '2023-06-30'],
    [innovation.id, 'product', 'project-end-date', '2023-12-31'],
    [innovation.id, 'product', 'trust', 'helse-more-og-romsdal'],
    [patientSafety.id, 'project', 'aims', ['learning-and-spreading']],
    [patientSafety.id, 'project', 'project-end-date', '2024-10-01'],
    [patientSafety.id, 'project', 'medical-equipment', 'none'],
  ])('%s / %s: %s = %j passes', (callId, category, questionId, answer) => {
    const call = realCalls[callId]!;
    const input = { category, answers: { ...okAnswers[callId]!, [questionId]: answer } };
    expect(judgeAnswer(call, input, questionId)).toBeNull();
    expect(evaluateEligibility(call, input).verdict).toBe('eligible');
  });
});

describe('every disqualifier of both calls', () => {
  it.each<[string, string, string, Answer, string]>([
    [innovation.id, 'product', 'trust', 'none', 'employed-20-percent'],
    [innovation.id, 'product', 'position-share', 19, 'employed-20-percent'],
    [innovation.id, 'product', 'position-share', 0, 'employed-20-percent'],
    [innovation.id, 'transfer', 'transfer-origin', 'no', 'transfer-from-other-trust'],
    [innovation.id, 'product', 'prior-awards', 3, 'award-limit'],
    [innovation.id, 'service', 'prior-awards', 3, 'award-limit'],
    [innovation.id, 'transfer', 'prior-transfer-awards', 1, 'transfer-award-limit'],
    [innovation.id, 'product', 'own-financing', 'no', 'own-financing'],
    [innovation.id, 'service', 'own-financing', 'no', 'own-financing'],
    [innovation.id, 'product', 'clinic-chief-anchoring', 'no', 'anchoring'],
    [innovation.id, 'product', 'project-end-date', '2024-01-01', 'one-year-award'],
    [patientSafety.id, 'project', 'trust', 'none', 'employed-at-trust'],
    [patientSafety.id, 'project', 'leader-and-owner-employed', 'no', 'leader-and-owner-employed'],
    [patientSafety.id, 'project', 'aims', ['none'], 'project-aims'],
    [patientSafety.id, 'project', 'aims', ['reduce-injuries', 'none'], 'project-aims'],
    [patientSafety.id, 'project', 'nearest-leader-approval', 'no', 'endorsed-by-leaders'],
    [patientSafety.id, 'project', 'clinic-leader-approval', 'no', 'endorsed-by-leaders'],
    [patientSafety.id, 'project', 'project-end-date', '2024-10-02', 'project-end'],
  ])('%s / %s: %s = %j is stopped by rule %s', (callId, category, questionId, answer, ruleId) => {
    const call = realCalls[callId]!;
    const rule = ruleOf(callId, ruleId);
    const input = { category, answers: { ...okAnswers[callId]!, [questionId]: answer } };
    const expected = { ruleId, questionId, text: rule.text, cite: { callId, quote: rule.cite.quote } };
    expect(judgeAnswer(call, input, questionId)).toEqual(expected);
    const result = evaluateEligibility(call, input);
    expect(result.verdict).toBe('not-eligible');
    expect(result.reasons).toEqual([expected]);
    expect(result.alternatives).toEqual(rule.whatWouldHelp ? [rule.whatWouldHelp] : []);
  });

  it('a disqualification is reported even while questions remain', () => {
    const result = evaluateEligibility(innovation, { category: 'product', answers: { trust: 'none' } });
    expect(result.verdict).toBe('not-eligible');
    expect(result.remaining).toContain('position-share');
    expect(result.reasons.map((r) => r.ruleId)).toEqual(['employed-20-percent']);
  });

  it('answers to questions that do not apply are ignored (a changed category)', () => {
    const answers = { ...innovationOk, 'own-financing': 'no', 'transfer-origin': 'no' };
    expect(
      evaluateEligibility(innovation, { category: 'transfer', answers }).reasons.map((r) => r.questionId),
    ).toEqual(['transfer-origin']);
    expect(judgeAnswer(innovation, { category: 'transfer', answers }, 'own-financing')).toBeNull();
    expect(
      evaluateEligibility(innovation, { category: 'product', answers }).reasons.map((r) => r.questionId),
    ).toEqual(['own-financing']);
  });

  it('several disqualifiers are all listed, each alternative once', () => {
    const answers = {
      ...patientSafetyOk,
      'nearest-leader-approval': 'no',
      'clinic-leader-approval': 'no',
      trust: 'none',
    };
    const result = evaluateEligibility(patientSafety, { answers });
    expect(result.reasons.map((r) => r.questionId)).toEqual([
      'trust',
      'nearest-leader-approval',
      'clinic-leader-approval',
    ]);
    expect(result.alternatives).toEqual([
      ruleOf(patientSafety.id, 'employed-at-trust').whatWouldHelp,
      ruleOf(patientSafety.id, 'endorsed-by-leaders').whatWouldHelp,
    ]);
  });
});

describe('to-dos with the date they are needed by', () => {
  const innovationDeadline = new Date('2022-10-20T13:00:00Z'); // 15:00 CEST
  const patientSafetyDeadline = new Date('2022-11-04T22:59:59Z'); // 23:59:59 CET

  it.each<[string, string, string, Answer, string, Date]>([
    [innovation.id, 'product', 'clinic-chief-anchoring', 'not-yet', 'anchoring', innovationDeadline],
    [innovation.id, 'transfer', 'large-equipment', 'yes', 'no-large-equipment', innovationDeadline],
    [
      patientSafety.id,
      'project',
      'nearest-leader-approval',
      'not-yet',
      'endorsed-by-leaders',
      patientSafetyDeadline,
    ],
    [
      patientSafety.id,
      'project',
      'clinic-leader-approval',
      'not-yet',
      'endorsed-by-leaders',
      patientSafetyDeadline,
    ],
    [patientSafety.id, 'project', 'operations-costs', 'yes', 'no-ordinary-operations', patientSafetyDeadline],
    [patientSafety.id, 'project', 'medical-equipment', 'other', 'medical-equipment', patientSafetyDeadline],
  ])('%s / %s: %s = %j is a to-do (rule %s)', (callId, category, questionId, answer, ruleId, dueAt) => {
    const call = realCalls[callId]!;
    const input = { category, answers: { ...okAnswers[callId]!, [questionId]: answer } };
    const option = call.questions.find((q) => q.id === questionId)?.options?.find((o) => o.id === answer);
    const todo = {
      ruleId,
      questionId,
      text: option?.todo,
      dueAt,
      dueMilestone: 'deadline',
      cite: { callId, quote: ruleOf(callId, ruleId).cite.quote },
    };
    expect(judgeAnswer(call, input, questionId)).toEqual(todo);
    expect(evaluateEligibility(call, input)).toEqual({
      verdict: 'eligible-with-todos',
      reasons: [],
      todos: [todo],
      remaining: [],
      alternatives: [],
    });
  });

  it("anchoring is due by the trust's internal deadline when the trust has one", () => {
    const call = innovationWithInternalDeadlines;
    const answers = { ...innovationOk, 'clinic-chief-anchoring': 'not-yet' };
    // St. Olavs: 2022-10-06 12:00 CEST, taken from the trust answer.
    const fromAnswer = judgeAnswer(call, { category: 'service', answers }, 'clinic-chief-anchoring');
    expect(fromAnswer).toMatchObject({
      dueAt: new Date('2022-10-06T10:00:00Z'),
      dueMilestone: 'internal-deadline',
    });
    // Hemit, given explicitly: a date alone ends 23:59:59 local.
    const explicit = evaluateEligibility(call, { category: 'service', answers }, 'hemit');
    expect(explicit.todos[0]).toMatchObject({
      dueAt: new Date('2022-10-13T21:59:59Z'),
      dueMilestone: 'internal-deadline',
    });
    // A trust without one falls back to the call deadline.
    const other = evaluateEligibility(
      call,
      { category: 'service', answers: { ...answers, trust: 'hemit' } },
      'helse-nord-trondelag',
    );
    expect(other.todos[0]).toMatchObject({
      dueAt: new Date('2022-10-20T13:00:00Z'),
      dueMilestone: 'deadline',
    });
  });

  it('only options marked for it use the internal deadline', () => {
    const answers = { ...innovationOk, 'large-equipment': 'yes' };
    const result = evaluateEligibility(innovationWithInternalDeadlines, { category: 'product', answers });
    expect(result.todos[0]).toMatchObject({ dueMilestone: 'deadline' });
  });

  it('to-dos and unanswered questions: incomplete, with the to-dos so far', () => {
    const answers = { trust: 'hemit', 'nearest-leader-approval': 'not-yet' };
    const result = evaluateEligibility(patientSafety, { answers });
    expect(result.verdict).toBe('incomplete');
    expect(result.todos.map((t) => t.questionId)).toEqual(['nearest-leader-approval']);
    expect(result.remaining).toEqual([
      'leader-and-owner-employed',
      'aims',
      'clinic-leader-approval',
      'project-end-date',
      'operations-costs',
      'medical-equipment',
    ]);
  });
});
