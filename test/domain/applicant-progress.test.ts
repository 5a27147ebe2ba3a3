import { describe, expect, it } from 'vitest';
import { applicantActions } from '../../src/domain/applicant-actions.ts';
import type { Application } from '../../src/domain/application.ts';
import {
  decideEndorsement,
  markStepDone,
  newApplication,
  prioritise,
  recordAward,
  recordEligibility,
  requestEndorsement,
  submit,
  withdrawApplication,
} from '../../src/domain/tracker.ts';
import {
  applicant,
  apply,
  at,
  clinicLeader,
  nearestLeader,
  OCT_1,
  patientDraft,
  patientSafety,
  qualityChief,
  reasonOf,
  stateOf,
  stranger,
} from './tracker-fixtures.ts';

/** Created with "ny søknad" before any check: no answers, no verdict. */
const unchecked = () =>
  newApplication(
    patientSafety,
    { id: 'ps-u', applicant, category: 'project', title: 'Fallforebygging', answers: {} },
    OCT_1,
  );
const kinds = (app: Application, now = OCT_1) =>
  applicantActions(app, patientSafety, now).map((a) => ('step' in a ? `${a.kind}:${a.step}` : a.kind));
const answers = { trust: 'st-olavs-hospital', 'position-share': 'yes' };

describe('recordEligibility: a check run for an existing draft', () => {
  it('a passing verdict saves the answers and marks the check step done, with an audit entry', () => {
    const before = unchecked();
    expect(stateOf(before, 'eligibility')).toBe('not-started');
    const t = recordEligibility(
      before,
      patientSafety,
      { category: 'project', answers, verdict: 'eligible', by: applicant },
      OCT_1,
    );
    expect(t.app.answers).toEqual(answers);
    expect(t.app.verdict).toBe('eligible');
    expect(stateOf(t.app, 'eligibility')).toBe('done');
    expect(t.audit.action).toBe('eligibility.checked');
    expect(t.audit.changes?.['steps.eligibility.state']).toEqual({ before: 'not-started', after: 'done' });
  });

  it('a failing re-check reopens the step, so the draft and submission wait again', () => {
    const app = apply(
      markStepDone(patientDraft('ps-r'), patientSafety, { step: 'draft', by: applicant }, OCT_1),
    );
    const t = recordEligibility(
      app,
      patientSafety,
      { category: 'project', answers, verdict: 'not-eligible', by: applicant },
      OCT_1,
    );
    expect(stateOf(t.app, 'eligibility')).toBe('not-started');
    expect(t.app.verdict).toBe('not-eligible');
    expect(kinds(t.app)).toEqual(['check:eligibility', 'withdraw']);
  });

  it('is refused for someone else, another category, or an application that is no longer a draft', () => {
    const input = { category: 'project', answers, verdict: 'eligible' as const };
    expect(
      reasonOf(() => recordEligibility(unchecked(), patientSafety, { ...input, by: stranger }, OCT_1)),
    ).toBe('not-the-applicant');
    expect(
      reasonOf(() =>
        recordEligibility(unchecked(), patientSafety, { ...input, category: 'other', by: applicant }, OCT_1),
      ),
    ).toBe('category-mismatch');
    const gone = apply(withdrawApplication(unchecked(), { by: applicant }, OCT_1));
    expect(reasonOf(() => recordEligibility(gone, patientSafety, { ...input, by: applicant }, OCT_1))).toBe(
      'not-draft',
    );
  });

  it('the check step cannot be clicked done: only answering the check passes it', () => {
    expect(
      reasonOf(() => markStepDone(unchecked(), patientSafety, { step: 'eligibility', by: applicant }, OCT_1)),
    ).toBe('check-required');
  });
});

describe('applicantActions: what the applicant can do next, from the draft to the reports', () => {
  it('follows the patient-safety call step by step', () => {
    let app = unchecked();
    expect(kinds(app)).toEqual(['check:eligibility', 'withdraw']);
    app = patientDraft('ps-a');
    expect(kinds(app)).toEqual(['done:draft', 'withdraw']);
    app = apply(markStepDone(app, patientSafety, { step: 'draft', by: applicant }, OCT_1));
    // Endorsements are asked from their own dialog: no applicant action here but withdrawing.
    expect(kinds(app)).toEqual(['withdraw']);
    for (const [step, leader] of [
      ['endorse-nearest-leader', nearestLeader],
      ['endorse-clinic-leader', clinicLeader],
    ] as const) {
      app = apply(requestEndorsement(app, patientSafety, { step, leader, by: applicant }, OCT_1));
      app = apply(decideEndorsement(app, patientSafety, { step, decision: 'approve', by: leader }, OCT_1));
    }
    expect(kinds(app)).toEqual(['submit:submission', 'withdraw']);
    // After the deadline (23:59 on 4 Nov 2022 local) there is nothing to submit.
    expect(kinds(app, at('2022-11-04T23:00:00Z'))).toEqual(['withdraw']);
    app = apply(submit(app, patientSafety, { by: applicant }, OCT_1));
    // The award waits on the trust's prioritisation too.
    expect(kinds(app)).toEqual(['withdraw']);
    const [ranked] = prioritise([app], patientSafety, { by: qualityChief }, OCT_1).map((t) => t.app);
    if (!ranked) throw new Error('not prioritised');
    expect(kinds(ranked)).toEqual(['award:award', 'withdraw']);
    app = apply(recordAward(ranked, patientSafety, { awarded: true, by: applicant }, OCT_1));
    expect(kinds(app)).toEqual(['done:status-report', 'done:project-end']);
    app = apply(markStepDone(app, patientSafety, { step: 'project-end', by: applicant }, OCT_1));
    expect(kinds(app)).toEqual(['done:status-report', 'done:final-report']);
  });

  it('offers nothing on a refused, withdrawn or closed application', () => {
    expect(kinds(apply(withdrawApplication(patientDraft('w'), { by: applicant }, OCT_1)))).toEqual([]);
  });
});
