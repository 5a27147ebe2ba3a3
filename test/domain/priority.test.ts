import { describe, expect, it } from 'vitest';
import { isMidlerError } from '../../src/domain/errors.ts';
import { matchPriorityAreas, priorityAreasFor } from '../../src/domain/priority.ts';
import { errorOf } from '../support/errors.ts';
import { innovation, patientSafety } from './eligibility-support.ts';

const ids = (areas: { id: string }[]) => areas.map((a) => a.id);
const serviceAreas = [
  'new-ways-of-working',
  'patient-participation',
  'simpler-workday',
  'patient-logistics',
  'mental-health-and-addiction',
];

describe('priority areas per category', () => {
  it.each([
    ['service', serviceAreas],
    ['product', []],
    ['transfer', []],
  ])('innovation, %s', (category, expected) => {
    expect(ids(priorityAreasFor(innovation, category))).toEqual(expected);
  });

  it('patient safety: every area applies to its one category, and without a category', () => {
    const all = [
      'quality-registries',
      'helseplattformen-benefits',
      'national-action-plan',
      'mental-health-care',
      'substance-abuse-treatment',
      'care-coordination',
    ];
    expect(ids(priorityAreasFor(patientSafety, 'project'))).toEqual(all);
    expect(ids(priorityAreasFor(patientSafety))).toEqual(all);
  });

  it('an unknown category is an error', () => {
    const error = errorOf(() => priorityAreasFor(innovation, 'nope'));
    expect(isMidlerError(error, 'category.not-found')).toBe(true);
  });
});

describe('matching what a project touches', () => {
  it('prioritised areas come before encouraged ones; unknown and other-category ids are ignored', () => {
    const m = matchPriorityAreas(patientSafety, 'project', [
      'care-coordination',
      'quality-registries',
      'made-up',
      'psychiatry',
    ]);
    expect(ids(m.matched)).toEqual(['quality-registries', 'care-coordination']);
    expect(ids(m.others)).toEqual([
      'helseplattformen-benefits',
      'national-action-plan',
      'mental-health-care',
      'substance-abuse-treatment',
    ]);
    expect(m.noneDefined).toBe(false);
    expect(m.matched[0]?.cite.quote).toBe(
      'prosjekter som benytter resultater fra nasjonale medisinske kvalitetsregistre',
    );
  });

  it('innovation: a service project touching two areas', () => {
    const m = matchPriorityAreas(innovation, 'service', [
      'mental-health-and-addiction',
      'new-ways-of-working',
    ]);
    expect(ids(m.matched)).toEqual(['new-ways-of-working', 'mental-health-and-addiction']);
    expect(m.others).toHaveLength(3);
  });

  it('product innovation has none: the text says so', () => {
    const m = matchPriorityAreas(innovation, 'product', ['new-ways-of-working']);
    expect(m).toEqual({ matched: [], others: [], noneDefined: true });
  });

  it('nothing picked: every area is among the others', () => {
    const m = matchPriorityAreas(innovation, 'service', []);
    expect(m.matched).toEqual([]);
    expect(ids(m.others)).toEqual(serviceAreas);
  });
});
