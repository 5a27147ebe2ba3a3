import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AmountInput, categoryRules, computeAmount } from '../../src/domain/amount.ts';
import type { Call } from '../../src/domain/call.ts';
import { isMidlerError } from '../../src/domain/errors.ts';
import { errorOf } from '../support/errors.ts';
import { innovation, patientSafety } from './eligibility-support.ts';

function rule(call: Call, id: string) {
  const r = call.rules.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

describe('innovation, product and service: 750 000 kr cap and 25 % own financing', () => {
  it.each([
    // total, requiredOwn, maxRequest, binding
    [2_000_000, 500_000, 750_000, 'cap'],
    [1_000_001, 250_001, 750_000, 'cap'],
    [1_000_000, 250_000, 750_000, 'cap'],
    [999_999, 250_000, 749_999, 'own-financing'],
    [999_996, 249_999, 749_997, 'own-financing'],
    [400_000, 100_000, 300_000, 'own-financing'],
    [4, 1, 3, 'own-financing'],
    [3, 1, 2, 'own-financing'],
    [2, 1, 1, 'own-financing'],
    [1, 1, 0, 'own-financing'],
    [0, 0, 0, 'budget'],
  ])('total %d: own financing %d, at most %d (%s binds)', (total, required, max, binding) => {
    for (const category of ['product', 'service']) {
      const r = computeAmount(innovation, { category, total });
      expect(r).toMatchObject({
        callId: innovation.id,
        category,
        eligibleTotal: total,
        requiredOwnFinancing: required,
        maxRequest: max,
        binding,
        cap: 750_000,
        ownFinancingPercent: 25,
        ownFinancingShortfall: 0,
        ineligibleLines: [],
      });
      // The design's reading: min(750 000, total − ceil(25 % of total)).
      expect(r.maxRequest).toBe(Math.max(0, Math.min(750_000, total - Math.ceil(total / 4))));
    }
  });

  it('the binding rule comes first in the reasons, each with its quote', () => {
    const capFirst = computeAmount(innovation, { category: 'product', total: 1_000_000 }).reasons;
    expect(capFirst.map((r) => r.ruleId)).toEqual(['cap-product-service', 'own-financing', 'award-limit']);
    const ownFirst = computeAmount(innovation, { category: 'product', total: 999_999 }).reasons;
    expect(ownFirst.map((r) => r.ruleId)).toEqual(['own-financing', 'cap-product-service', 'award-limit']);
    for (const r of [...capFirst, ...ownFirst]) {
      expect(r.cite).toEqual({ callId: innovation.id, quote: rule(innovation, r.ruleId).cite.quote });
      expect(r.text).toEqual(rule(innovation, r.ruleId).text);
    }
    expect(ownFirst[0]?.cite.quote).toBe('det stilles krav om 25 % egenfinansiering');
  });

  it('declared own financing above the requirement leaves less to request: the budget binds', () => {
    const r = computeAmount(innovation, { category: 'service', total: 1_000_000, own: 300_000 });
    expect(r).toMatchObject({
      maxRequest: 700_000,
      binding: 'budget',
      ownFinancingShortfall: 0,
      alternatives: [],
    });
  });

  it('declared own financing exactly at the requirement: the rule still binds, no shortfall', () => {
    const r = computeAmount(innovation, { category: 'service', total: 800_000, own: 200_000 });
    expect(r).toMatchObject({ maxRequest: 600_000, binding: 'own-financing', ownFinancingShortfall: 0 });
  });

  it('own financing short of 25 % is reported, with the transfer category as the alternative from the data', () => {
    const r = computeAmount(innovation, { category: 'product', total: 1_000_000, own: 100_000 });
    expect(r).toMatchObject({
      maxRequest: 750_000,
      requiredOwnFinancing: 250_000,
      ownFinancingShortfall: 150_000,
      binding: 'cap',
    });
    // No invented way around own financing (issue 15): the rule has no advice, and none is made up.
    expect(r.alternatives).toEqual([]);
  });

  it('other funding reduces what may be requested, never below 0', () => {
    expect(
      computeAmount(innovation, { category: 'product', total: 1_000_000, other: 200_000 }),
    ).toMatchObject({
      maxRequest: 550_000,
      binding: 'own-financing',
    });
    expect(
      computeAmount(innovation, { category: 'product', total: 1_000_000, own: 500_000, other: 600_000 }),
    ).toMatchObject({
      maxRequest: 0,
      binding: 'budget',
    });
  });

  it.each([
    ['product', 2, 750_000, 'cap'],
    ['product', 3, 0, 'award-limit'],
    ['product', 7, 0, 'award-limit'],
    ['service', 2, 750_000, 'cap'],
    ['service', 3, 0, 'award-limit'],
    ['transfer', 0, 350_000, 'cap'],
    ['transfer', 1, 0, 'award-limit'],
  ])('%s after %d earlier awards: at most %d (%s)', (category, priorAwards, max, binding) => {
    const r = computeAmount(innovation, { category, total: 2_000_000, priorAwards });
    expect(r).toMatchObject({ maxRequest: max, binding });
    if (binding === 'award-limit') {
      const awardRule = category === 'transfer' ? 'transfer-award-limit' : 'award-limit';
      expect(r.reasons[0]?.ruleId).toBe(awardRule);
      const help = rule(innovation, awardRule).whatWouldHelp;
      expect(r.alternatives).toEqual(help ? [help] : []);
    }
  });
});

describe('innovation, transfer: 350 000 kr cap and no own financing', () => {
  it.each([
    [1_000_000, 350_000, 'cap'],
    [350_001, 350_000, 'cap'],
    [350_000, 350_000, 'cap'],
    [349_999, 349_999, 'budget'],
    [1, 1, 'budget'],
  ])('total %d: at most %d (%s)', (total, max, binding) => {
    const r = computeAmount(innovation, { category: 'transfer', total });
    expect(r).toMatchObject({
      maxRequest: max,
      binding,
      requiredOwnFinancing: 0,
      ownFinancingPercent: 0,
      cap: 350_000,
    });
    // No own-financing rule in this category: the cap rule leads whether or not it binds.
    expect(r.reasons.map((x) => x.ruleId)).toEqual(['transfer-cap', 'transfer-award-limit']);
  });
});

describe('cost lines and ineligible cost types', () => {
  it.each([
    [innovation, 'product', 'large-general-equipment', 'no-large-equipment'],
    [patientSafety, 'project', 'ordinary-operations', 'no-ordinary-operations'],
    [patientSafety, 'project', 'buyout-outside-project', 'no-ordinary-operations'],
    [patientSafety, 'project', 'medical-equipment-other', 'medical-equipment'],
  ])('%s: %s lines are left out, by rule %s', (call, category, costType, ruleId) => {
    const eligibleType = call.costTypes.find((c) => c.eligible)!.id;
    const input: AmountInput = {
      category,
      total: 9_999_999, // lines win over a total
      lines: [
        { label: 'People', amount: 600_000, costType: eligibleType },
        { label: 'The thing', amount: 250_000, costType },
      ],
    };
    const r = computeAmount(call, input);
    expect(r.eligibleTotal).toBe(600_000);
    const cite = { callId: call.id, quote: rule(call, ruleId).cite.quote };
    expect(r.ineligibleLines).toEqual([
      {
        label: 'The thing',
        amount: 250_000,
        costType,
        reason: { ruleId, text: rule(call, ruleId).text, cite },
      },
    ]);
    expect(r.reasons.map((x) => x.ruleId)).toContain(ruleId);
    expect(r.alternatives).toContainEqual(rule(call, ruleId).whatWouldHelp);
  });

  it('patient safety: no cap, the allowable amount is the sum of eligible costs', () => {
    const r = computeAmount(patientSafety, {
      category: 'project',
      lines: [
        { label: 'Project nurse', amount: 300_000, costType: 'project-personnel' },
        { label: 'Simulator for the training', amount: 100_000, costType: 'improvement-equipment' },
        { label: 'Courses', amount: 45_500, costType: 'other-project-costs' },
        { label: 'Ward budget', amount: 50_000, costType: 'ordinary-operations' },
        { label: 'Night shifts', amount: 20_000, costType: 'buyout-outside-project' },
        { label: 'New ultrasound', amount: 80_000, costType: 'medical-equipment-other' },
      ],
    });
    expect(r).toMatchObject({
      eligibleTotal: 445_500,
      maxRequest: 445_500,
      cap: null,
      binding: 'budget',
      requiredOwnFinancing: 0,
    });
    expect(r.ineligibleLines.map((l) => l.label)).toEqual(['Ward budget', 'Night shifts', 'New ultrasound']);
    // What left lines out first, then the rules on what the money is for.
    expect(r.reasons.map((x) => x.ruleId)).toEqual([
      'no-ordinary-operations',
      'medical-equipment',
      'project-aims',
    ]);
  });

  it('patient safety with a total and other funding', () => {
    expect(
      computeAmount(patientSafety, { category: 'project', total: 500_000, other: 120_000 }),
    ).toMatchObject({
      maxRequest: 380_000,
      binding: 'budget',
    });
  });

  it('innovation lines: 25 % of the eligible lines only', () => {
    const r = computeAmount(innovation, {
      category: 'service',
      lines: [
        { label: 'Developer', amount: 700_000, costType: 'project-personnel' },
        { label: 'Tablets', amount: 100_001, costType: 'project-equipment' },
        { label: 'New MRI', amount: 5_000_000, costType: 'large-general-equipment' },
      ],
    });
    expect(r).toMatchObject({
      eligibleTotal: 800_001,
      requiredOwnFinancing: 200_001,
      maxRequest: 600_000,
      binding: 'own-financing',
    });
  });
});

describe('bad input', () => {
  it('an unknown category lists the known ones', () => {
    const e = errorOf(() => computeAmount(innovation, { category: 'nope', total: 1 }));
    expect(isMidlerError(e, 'category.not-found')).toBe(true);
    expect((e as Error).message).toContain('product, service, transfer');
  });

  it('an unknown cost type, or one of another category, is invalid input', () => {
    const e = errorOf(() =>
      computeAmount(innovation, {
        category: 'product',
        lines: [{ label: 'x', amount: 1, costType: 'ordinary-operations' }],
      }),
    );
    expect(isMidlerError(e, 'input.invalid')).toBe(true);
    expect((e as Error).message).toContain('large-general-equipment');
    const limited: Call = {
      ...innovation,
      costTypes: [
        ...innovation.costTypes,
        { id: 'transfer-only', label: { nb: 't', en: 't' }, eligible: true, categories: ['transfer'] },
      ],
    };
    const line = { label: 'x', amount: 1, costType: 'transfer-only' };
    expect(computeAmount(limited, { category: 'transfer', lines: [line] }).eligibleTotal).toBe(1);
    expect(
      isMidlerError(
        errorOf(() => computeAmount(limited, { category: 'product', lines: [line] })),
        'input.invalid',
      ),
    ).toBe(true);
  });

  it.each<[string, AmountInput]>([
    ['no budget', { category: 'product' }],
    ['a negative total', { category: 'product', total: -1 }],
    ['a fraction of a krone', { category: 'product', total: 10.5 }],
    ['NaN', { category: 'product', total: Number.NaN }],
    ['a negative own financing', { category: 'product', total: 10, own: -1 }],
    ['a fractional other funding', { category: 'product', total: 10, other: 0.1 }],
    ['a negative award count', { category: 'product', total: 10, priorAwards: -1 }],
    ['a fractional award count', { category: 'product', total: 10, priorAwards: 1.5 }],
    [
      'a negative line',
      { category: 'product', lines: [{ label: 'x', amount: -5, costType: 'project-personnel' }] },
    ],
    ['a total too big to be exact', { category: 'product', total: Number.MAX_SAFE_INTEGER }],
  ])('%s is invalid input', (_name, input) => {
    expect(
      isMidlerError(
        errorOf(() => computeAmount(innovation, input)),
        'input.invalid',
      ),
    ).toBe(true);
  });
});

describe('properties (whole kroner, no drift)', () => {
  it('own financing is the smallest whole krone amount of at least 25 %', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (total) => {
        const r = computeAmount(innovation, { category: 'product', total });
        expect(Number.isInteger(r.requiredOwnFinancing)).toBe(true);
        expect(r.requiredOwnFinancing * 100).toBeGreaterThanOrEqual(25 * total);
        expect((r.requiredOwnFinancing - 1) * 100).toBeLessThan(25 * total);
        expect(r.maxRequest + r.requiredOwnFinancing).toBeLessThanOrEqual(total);
        expect(r.maxRequest).toBeLessThanOrEqual(750_000);
      }),
      { numRuns: 2_000 },
    );
  });

  it('more own or other funding never raises the amount; more budget never lowers it', () => {
    const money = fc.integer({ min: 0, max: 5_000_000 });
    fc.assert(
      fc.property(
        money,
        money,
        money,
        money,
        fc.constantFrom('product', 'transfer'),
        (total, own, other, extra, category) => {
          const base = computeAmount(innovation, { category, total, own, other }).maxRequest;
          expect(
            computeAmount(innovation, { category, total, own: own + extra, other }).maxRequest,
          ).toBeLessThanOrEqual(base);
          expect(
            computeAmount(innovation, { category, total, own, other: other + extra }).maxRequest,
          ).toBeLessThanOrEqual(base);
          expect(
            computeAmount(innovation, { category, total: total + extra, own, other }).maxRequest,
          ).toBeGreaterThanOrEqual(base);
        },
      ),
    );
  });
});

describe('category rules are read from the data', () => {
  it('finds the cap, own-financing and award rules of each real category', () => {
    expect(categoryRules(innovation.categories.find((c) => c.id === 'product')!)).toEqual({
      cap: 'cap-product-service',
      ownFinancing: 'own-financing',
      awardLimit: 'award-limit',
      general: [],
    });
    expect(categoryRules(innovation.categories.find((c) => c.id === 'transfer')!)).toEqual({
      cap: 'transfer-cap',
      awardLimit: 'transfer-award-limit',
      general: [],
    });
    expect(categoryRules(patientSafety.categories[0]!)).toEqual({
      general: ['project-aims', 'no-ordinary-operations', 'medical-equipment'],
    });
  });
});
