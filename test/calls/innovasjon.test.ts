import { describe, expect, it } from 'vitest';
import { deadlineOf } from '../../src/cli/calls-command.ts';
import { byId, expectSignOff, itDatesMilestones, realCall } from './support.ts';

const call = realCall('innovasjon-2023');

describe('innovasjon-2023: the call as data', () => {
  it('is identified by its file name and names its source text', () => {
    expect(call.id).toBe('innovasjon-2023');
    expect(call.publisher).toBe('Helse Midt-Norge RHF');
    expect(call.source).toBe('innovasjonsmidler-2023.txt');
    expect(call.title.nb).toBe('Innovasjonsmidler 2023');
  });

  it('lists the five trusts and no invented internal deadlines', () => {
    expect(call.trusts.map((t) => t.id)).toEqual([
      'st-olavs-hospital',
      'helse-more-og-romsdal',
      'helse-nord-trondelag',
      'sykehusapotekene',
      'hemit',
    ]);
    expect(call.trusts.map((t) => t.name)).toContain('Sykehusapotekene i Midt-Norge HF');
    expect(call.trusts.every((t) => t.internalDeadline === undefined)).toBe(true);
  });

  it('has the clinic chief (chosen by the applicant) and the regional authority as roles', () => {
    expect(call.roles.map((r) => [r.id, r.chosenBy])).toEqual([
      ['clinic-chief', 'applicant'],
      ['regional-health-authority', 'region'],
    ]);
  });

  it.each([
    ['product', 750_000, 25, 3],
    ['service', 750_000, 25, 3],
    ['transfer', 350_000, 0, 1],
  ])('category %s: cap %i kr, %i %% own financing, at most %i awards', (id, cap, own, awards) => {
    expect(byId(call.categories, id)).toMatchObject({
      maxAmount: cap,
      ownFinancingPercent: own,
      maxAwards: awards,
    });
  });

  it('has exactly the categories product, service and transfer', () => {
    expect(call.categories.map((c) => c.id)).toEqual(['product', 'service', 'transfer']);
    expect(byId(call.categories, 'transfer').rules).toEqual(['transfer-cap', 'transfer-award-limit']);
    expect(byId(call.categories, 'product').rules).toEqual([
      'cap-product-service',
      'own-financing',
      'award-limit',
    ]);
  });

  itDatesMilestones(call, [
    ['published', '2022-08-29', 'on'],
    ['deadline', '2022-10-20T15:00', 'by'],
    ['project-start', '2023-01-01', 'on'],
    ['project-end', '2023-12-31', 'by'],
  ]);

  it('leaves the award undated (the text gives no date): after the deadline, with a note', () => {
    const award = byId(call.milestones, 'award');
    expect(award.at).toBeUndefined();
    expect(award.after).toBe('deadline');
    expect(award.note?.en).toMatch(/no date/);
  });

  it('the deadline is 15:00 Oslo summer time (CEST, UTC+2)', () => {
    expect(deadlineOf(call)).toEqual({ local: '2022-10-20 15:00', utc: '2022-10-20T13:00:00.000Z' });
  });

  it('has the steps: eligibility, category, draft, anchoring (trust-internal), submission, award', () => {
    expect(call.steps.map((s) => [s.id, s.kind, s.actor, s.due ?? null, s.dueTrustInternal])).toEqual([
      ['eligibility', 'eligibility', 'applicant', 'deadline', false],
      ['category', 'category', 'applicant', 'deadline', false],
      ['draft', 'draft', 'applicant', 'deadline', false],
      ['anchoring', 'endorsement', 'clinic-chief', 'deadline', true],
      ['submission', 'submission', 'applicant', 'deadline', false],
      ['award', 'award', 'regional-health-authority', 'award', false],
    ]);
    expect(byId(call.steps, 'submission').requires).toEqual(['anchoring']);
  });

  it('is submitted in eSøknad', () => {
    expect(call.submission.where.nb).toMatch(/eSøknad/);
    expect(call.submission.portal.en).toMatch(/eSøknad/);
    expect(byId(call.rules, call.submission.rule).cite.quote).toBe('Søknaden leveres elektronisk i eSøknad.');
  });

  it('has priority areas for service innovation only, with their sub-points as examples', () => {
    expect(call.priorityAreas.map((p) => [p.id, p.examples.length])).toEqual([
      ['new-ways-of-working', 3],
      ['patient-participation', 3],
      ['simpler-workday', 2],
      ['patient-logistics', 1],
      ['mental-health-and-addiction', 0],
    ]);
    expect(call.priorityAreas.every((p) => p.level === 'prioritised')).toBe(true);
    expect(call.priorityAreas.every((p) => JSON.stringify(p.categories) === '["service"]')).toBe(true);
    expect(byId(call.rules, 'service-priorities').cite.quote).toMatch(
      /produktinnovasjon er det ingen prioriterte/,
    );
  });

  it('does not fund larger general equipment investments', () => {
    expect(call.costTypes.filter((c) => !c.eligible).map((c) => [c.id, c.rule])).toEqual([
      ['large-general-equipment', 'no-large-equipment'],
    ]);
    expect(call.costTypes.filter((c) => c.eligible).map((c) => c.id)).toEqual([
      'project-personnel',
      'project-equipment',
      'other-project-costs',
    ]);
  });

  it('asks for a position share of at least 20 %', () => {
    expect(byId(call.questions, 'position-share')).toMatchObject({
      kind: 'percent',
      min: 20,
      rule: 'employed-20-percent',
    });
  });

  it('allows two earlier awards for product and service; transfer asks about earlier transfer awards', () => {
    expect(byId(call.questions, 'prior-awards')).toMatchObject({ kind: 'number', min: 0, max: 2 });
    expect(byId(call.questions, 'prior-awards').when).toEqual({ categories: ['product', 'service'] });
    expect(byId(call.questions, 'prior-transfer-awards')).toMatchObject({
      kind: 'number',
      max: 0,
      rule: 'transfer-award-limit',
      when: { categories: ['transfer'] },
    });
  });

  it('asks about own financing only for product and service, and about the origin only for transfer', () => {
    expect(byId(call.questions, 'own-financing').when).toEqual({ categories: ['product', 'service'] });
    expect(byId(call.questions, 'transfer-origin').when).toEqual({ categories: ['transfer'] });
    // Another category is no way around own financing: the call says nothing of the kind (issue 15).
    expect(byId(call.rules, 'own-financing').whatWouldHelp).toBeUndefined();
    expect(byId(call.questions, 'own-financing').help).toBeUndefined();
  });

  it('makes missing clinic-chief anchoring a to-do due by the trust-internal deadline; "no" disqualifies', () => {
    expectSignOff(call, 'clinic-chief-anchoring', true);
  });

  it('makes large equipment in the budget a to-do and bounds the project end date by the project year', () => {
    expect(byId(byId(call.questions, 'large-equipment').options ?? [], 'yes')).toMatchObject({
      outcome: 'todo',
    });
    expect(byId(call.questions, 'project-end-date')).toMatchObject({ kind: 'date', notAfter: 'project-end' });
  });
});
