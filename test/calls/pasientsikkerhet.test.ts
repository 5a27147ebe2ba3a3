import { describe, expect, it } from 'vitest';
import { deadlineOf } from '../../src/cli/calls-command.ts';
import { byId, expectSignOff, itDatesMilestones, realCall } from './support.ts';

const call = realCall('pasientsikkerhet-2023-2024');

describe('pasientsikkerhet-2023-2024: the call as data', () => {
  it('is identified by its file name and names its source text', () => {
    expect(call.id).toBe('pasientsikkerhet-2023-2024');
    expect(call.publisher).toBe('Helse Midt-Norge RHF');
    expect(call.source).toBe('pasientsikkerhetsmidler-2023-2024.txt');
    expect(call.title.nb).toMatch(/Pasientsikkerhetsmidler 2023.2024/);
    expect(call.goals).toHaveLength(5);
    expect(call.goals.map((g) => g.nb)).toContain('Redusere pasientskader');
  });

  it('lists the five trusts and no invented internal deadlines', () => {
    expect(call.trusts.map((t) => t.name)).toEqual([
      'St. Olavs hospital HF',
      'Helse Møre og Romsdal HF',
      'Helse Nord-Trøndelag HF',
      'Sykehusapotekene i Midt-Norge HF',
      'Hemit HF',
    ]);
    expect(call.trusts.every((t) => t.internalDeadline === undefined)).toBe(true);
  });

  it('has the roles of the text: nearest leader, clinic leader, quality chief, regional medical director', () => {
    expect(call.roles.map((r) => [r.id, r.chosenBy])).toEqual([
      ['nearest-leader', 'applicant'],
      ['clinic-leader', 'applicant'],
      ['quality-chief', 'configuration'],
      ['regional-medical-director', 'region'],
    ]);
  });

  it('has one category with no cap, no own financing and no award limit', () => {
    expect(call.categories).toHaveLength(1);
    const [project] = call.categories;
    expect(project).toMatchObject({ id: 'project', ownFinancingPercent: 0 });
    expect(project?.maxAmount).toBeUndefined();
    expect(project?.maxAwards).toBeUndefined();
  });

  itDatesMilestones(call, [
    ['published', '2022-10-04', 'on'],
    ['updated', '2022-10-07', 'on'],
    ['deadline', '2022-11-04', 'by'],
    ['award', '2022-12-16', 'by'],
    ['status-report', '2023-09-01', 'by'],
    ['project-end', '2024-10-01', 'by'],
  ]);

  it('has the final report undated, after project end ("etter avslutning")', () => {
    const final = byId(call.milestones, 'final-report');
    expect(final).toMatchObject({ kind: 'final-report', after: 'project-end' });
    expect(final.at).toBeUndefined();
    expect(final.cite.quote).toBe('og etter avslutning');
  });

  it('the deadline, a date without a time, ends at 23:59:59 Oslo time (CET, UTC+1)', () => {
    expect(deadlineOf(call)).toEqual({ local: '2022-11-04 23:59:59', utc: '2022-11-04T22:59:59.000Z' });
  });

  it('has the application steps with their actors, order and due milestones', () => {
    expect(call.steps.map((s) => [s.id, s.kind, s.actor, s.due ?? null])).toEqual([
      ['eligibility', 'eligibility', 'applicant', 'deadline'],
      ['draft', 'draft', 'applicant', 'deadline'],
      ['endorse-nearest-leader', 'endorsement', 'nearest-leader', 'deadline'],
      ['endorse-clinic-leader', 'endorsement', 'clinic-leader', 'deadline'],
      // The text dates this step nowhere; a trust's own internal deadline dates it when configured.
      ['trust-prioritisation', 'prioritisation', 'quality-chief', null],
      ['submission', 'submission', 'applicant', 'deadline'],
      ['award', 'award', 'regional-medical-director', 'award'],
      ['status-report', 'report', 'applicant', 'status-report'],
      ['project-end', 'project-end', 'applicant', 'project-end'],
      ['final-report', 'report', 'applicant', 'final-report'],
    ]);
    expect(byId(call.steps, 'trust-prioritisation').dueTrustInternal).toBe(true);
    expect(byId(call.steps, 'trust-prioritisation').requires).toEqual([
      'endorse-nearest-leader',
      'endorse-clinic-leader',
    ]);
    expect(byId(call.steps, 'submission').requires).toEqual([
      'endorse-nearest-leader',
      'endorse-clinic-leader',
    ]);
  });

  it('is submitted electronically in the application portal', () => {
    expect(call.submission.where.nb).toMatch(/^Elektronisk/);
    expect(call.submission.where.en).toMatch(/^Electronically/);
    expect(byId(call.rules, call.submission.rule).cite.quote).toBe('Søknaden må sendes inn elektronisk.');
    expect(call.contact.nb).toMatch(/kontakt/);
  });

  it('prioritises two areas and encourages four, for the whole call', () => {
    const level = (l: string) => call.priorityAreas.filter((p) => p.level === l).map((p) => p.id);
    expect(level('prioritised')).toEqual(['quality-registries', 'helseplattformen-benefits']);
    expect(level('encouraged')).toEqual([
      'national-action-plan',
      'mental-health-care',
      'substance-abuse-treatment',
      'care-coordination',
    ]);
    expect(call.priorityAreas.every((p) => p.categories === undefined)).toBe(true);
  });

  it('tells eligible from ineligible costs, equipment split by whether it is part of the improvement work', () => {
    const eligible = (e: boolean) => call.costTypes.filter((c) => c.eligible === e).map((c) => c.id);
    expect(eligible(true)).toEqual(['project-personnel', 'improvement-equipment', 'other-project-costs']);
    expect(eligible(false)).toEqual([
      'ordinary-operations',
      'buyout-outside-project',
      'medical-equipment-other',
    ]);
    expect(byId(call.costTypes, 'improvement-equipment').rule).toBe('medical-equipment');
    expect(byId(call.costTypes, 'medical-equipment-other').rule).toBe('medical-equipment');
  });

  it('asks the employment, aims, endorsement, end-date and cost questions in order', () => {
    expect(call.questions.map((q) => [q.id, q.kind, q.rule])).toEqual([
      ['trust', 'single', 'employed-at-trust'],
      ['leader-and-owner-employed', 'yes-no', 'leader-and-owner-employed'],
      ['aims', 'multi', 'project-aims'],
      ['nearest-leader-approval', 'single', 'endorsed-by-leaders'],
      ['clinic-leader-approval', 'single', 'endorsed-by-leaders'],
      ['project-end-date', 'date', 'project-end'],
      ['operations-costs', 'yes-no', 'no-ordinary-operations'],
      ['medical-equipment', 'single', 'medical-equipment'],
    ]);
    const trustOptions = byId(call.questions, 'trust').options ?? [];
    expect(trustOptions.filter((o) => o.outcome === 'ok').map((o) => o.id)).toEqual(
      call.trusts.map((t) => t.id),
    );
    expect(byId(call.questions, 'project-end-date').notAfter).toBe('project-end');
  });

  it.each(['nearest-leader-approval', 'clinic-leader-approval'])(
    '%s: "not yet" is a to-do due by the deadline, "no" disqualifies',
    (id) => {
      expect(byId(byId(call.questions, id).options ?? [], 'yes').outcome).toBe('ok');
      expectSignOff(call, id, false);
    },
  );

  it('makes ineligible costs a to-do (take them out of the budget), not a disqualification', () => {
    const ops = byId(byId(call.questions, 'operations-costs').options ?? [], 'yes');
    expect(ops).toMatchObject({ outcome: 'todo', dueBy: 'deadline' });
    const equipment = byId(call.questions, 'medical-equipment').options ?? [];
    expect(byId(equipment, 'part-of-improvement').outcome).toBe('ok');
    expect(byId(equipment, 'other')).toMatchObject({ outcome: 'todo', dueBy: 'deadline' });
    expect(
      call.questions.flatMap((q) => q.options ?? []).filter((o) => o.outcome === 'disqualify'),
    ).toHaveLength(5);
  });

  it('explains the rules that can say no with what would help', () => {
    for (const id of [
      'employed-at-trust',
      'leader-and-owner-employed',
      'endorsed-by-leaders',
      'project-end',
    ]) {
      expect(byId(call.rules, id).whatWouldHelp?.nb, id).toBeTruthy();
    }
  });
});
