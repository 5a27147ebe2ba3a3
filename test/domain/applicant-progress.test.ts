import { describe, expect, it } from 'vitest';
import { applicantActions } from '../../src/domain/applicant-actions.ts';
import type { Application } from '../../src/domain/application.ts';
import {
  editApplication,
  markStepDone,
  newApplication,
  prioritise,
  recordAward,
  recordEligibility,
  submit,
  withdrawApplication,
} from '../../src/domain/tracker.ts';
import { innovation, patientSafety } from './eligibility-support.ts';
import { applicant, clinicLeader, nearestLeader, qualityChief, stranger } from './people.ts';
import { apply, at, innovationDraft, OCT_1, patientDraft, reasonOf, stateOf } from './tracker-fixtures.ts';
import { approved, asked, endorsedByBoth, written } from './walks.ts';

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
    const app = written(patientDraft('ps-r'));
    const t = recordEligibility(
      app,
      patientSafety,
      { category: 'project', answers, verdict: 'not-eligible', by: applicant },
      OCT_1,
    );
    expect(stateOf(t.app, 'eligibility')).toBe('not-started');
    expect(t.app.verdict).toBe('not-eligible');
    expect(kinds(t.app)).toEqual(['check:eligibility', 'edit', 'withdraw']);
  });

  it('different answers after an endorsement ask the leaders again; the same answers do not', () => {
    let app = written(patientDraft('ps-e'));
    const step = 'endorse-nearest-leader';
    app = asked(app, step, nearestLeader);
    app = approved(app, step, nearestLeader);
    const input = { category: 'project', verdict: 'eligible' as const, by: applicant };
    const same = recordEligibility(app, patientSafety, { ...input, answers: app.answers }, OCT_1);
    expect(stateOf(same.app, step)).toBe('done');
    const other = recordEligibility(app, patientSafety, { ...input, answers }, OCT_1);
    expect(stateOf(other.app, step)).toBe('not-started');
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
    expect(kinds(app)).toEqual(['check:eligibility', 'edit', 'withdraw']);
    app = patientDraft('ps-a');
    expect(kinds(app)).toEqual(['done:draft', 'edit', 'withdraw']);
    app = written(app);
    // Endorsements are asked from their own dialog: no applicant action here but withdrawing.
    expect(kinds(app)).toEqual(['edit', 'withdraw']);
    app = endorsedByBoth(app, nearestLeader, clinicLeader);
    expect(kinds(app)).toEqual(['submit:submission', 'edit', 'withdraw']);
    // After the deadline (23:59 on 4 Nov 2022 local) nothing can be submitted, but a submission made
    // in time and not recorded here can be recorded with its day.
    expect(kinds(app, at('2022-11-04T23:00:00Z'))).toEqual(['submit:submission', 'withdraw']);
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

  it('after the announcement the award settles a prioritisation never confirmed in chat', () => {
    let app = endorsedByBoth(written(patientDraft('ps-n')), nearestLeader, clinicLeader);
    app = apply(submit(app, patientSafety, { by: applicant }, OCT_1));
    // Before the announcement (16 Dec 2022) the trust's order is still awaited.
    const before = at('2022-12-15T10:00:00Z');
    expect(kinds(app, before)).toEqual(['withdraw']);
    expect(reasonOf(() => recordAward(app, patientSafety, { awarded: true, by: applicant }, before))).toBe(
      'requires-not-done',
    );
    const after = at('2022-12-17T10:00:00Z');
    expect(kinds(app, after)).toEqual(['award:award', 'withdraw']);
    const awarded = apply(recordAward(app, patientSafety, { awarded: true, by: applicant }, after));
    expect(awarded.status).toBe('awarded');
    expect(awarded.steps.find((s) => s.id === 'trust-prioritisation')).toMatchObject({
      state: 'done',
      satisfiedBy: 'award',
    });
  });

  it('offers nothing on a refused, withdrawn or closed application', () => {
    expect(kinds(apply(withdrawApplication(patientDraft('w'), { by: applicant }, OCT_1)))).toEqual([]);
  });
});

describe('editApplication: title, amount asked for and own financing on a draft', () => {
  const by = applicant;
  const endorsedOnce = () => {
    let app = written(patientDraft('e1'));
    app = asked(app, 'endorse-nearest-leader', nearestLeader);
    app = approved(app, 'endorse-nearest-leader', nearestLeader);
    return asked(app, 'endorse-clinic-leader', clinicLeader);
  };

  it('saves the new values, and endorsements given or pending for the old text are asked again', () => {
    const before = endorsedOnce();
    expect(stateOf(before, 'endorse-nearest-leader')).toBe('done');
    expect(stateOf(before, 'endorse-clinic-leader')).toBe('waiting');
    const t = editApplication(
      before,
      patientSafety,
      { title: '  Tryggere   medisinering ', requested: 400_000, own: 50_000, by },
      OCT_1,
    );
    expect(t.app.title).toBe('Tryggere medisinering');
    expect(t.app.amount).toMatchObject({ requested: 400_000 });
    // Patient safety has no own-financing rule: a figure given for it is not kept (issue 15).
    expect(t.app.amount?.own).toBeUndefined();
    for (const step of ['endorse-nearest-leader', 'endorse-clinic-leader']) {
      expect(stateOf(t.app, step)).toBe('not-started');
      expect(t.app.steps.find((s) => s.id === step)).not.toHaveProperty('waitingOn');
    }
    // The round is kept, so the next request is a new round and the old cards decide nothing.
    expect(t.app.steps.find((s) => s.id === 'endorse-clinic-leader')?.round).toBe(1);
    expect(t.audit.action).toBe('application.edit');
  });

  it('a call without an amount rule takes an edit without an amount; one with a rule requires it', () => {
    const t = editApplication(endorsedOnce(), patientSafety, { title: 'Tryggere medisinering', by }, OCT_1);
    expect(t.app.title).toBe('Tryggere medisinering');
    expect(t.app.amount?.requested).toBeUndefined();
    expect(
      reasonOf(() => editApplication(innovationDraft('e9'), innovation, { title: 'Smart seng', by }, OCT_1)),
    ).toBe('amount-not-allowed');
  });

  it('the amount must be one the call allows for that budget (cap and 25 % own financing)', () => {
    const draft = innovationDraft('e2');
    expect(
      reasonOf(() =>
        editApplication(
          draft,
          innovation,
          { title: 'Smart seng', requested: 600_000, own: 100_000, by },
          OCT_1,
        ),
      ),
    ).toBe('amount-not-allowed');
    expect(
      reasonOf(() =>
        editApplication(
          draft,
          innovation,
          { title: 'Smart seng', requested: 800_000, own: 400_000, by },
          OCT_1,
        ),
      ),
    ).toBe('amount-not-allowed');
    const ok = editApplication(
      draft,
      innovation,
      { title: 'Smart seng', requested: 500_000, own: 200_000, by },
      OCT_1,
    );
    expect(ok.app.amount).toMatchObject({ requested: 500_000, own: 200_000, requiredOwnFinancing: 175_000 });
  });

  it('is refused for someone else, a bad title, no change, after the deadline, or once prioritised', () => {
    const draft = patientDraft('e3');
    const input = { title: draft.title, requested: 100_000, own: 0 };
    expect(reasonOf(() => editApplication(draft, patientSafety, { ...input, by: stranger }, OCT_1))).toBe(
      'not-the-applicant',
    );
    expect(reasonOf(() => editApplication(draft, patientSafety, { ...input, title: 'ab', by }, OCT_1))).toBe(
      'bad-title',
    );
    const saved = apply(editApplication(draft, patientSafety, { ...input, by }, OCT_1));
    expect(reasonOf(() => editApplication(saved, patientSafety, { ...input, by }, OCT_1))).toBe(
      'nothing-changed',
    );
    expect(
      reasonOf(() =>
        editApplication(draft, patientSafety, { ...input, requested: 1, by }, at('2022-11-04T23:00:00Z')),
      ),
    ).toBe('deadline-passed');
    let app = endorsedOnce();
    app = approved(app, 'endorse-clinic-leader', clinicLeader);
    const [ranked] = prioritise([app], patientSafety, { by: qualityChief }, OCT_1).map((t) => t.app);
    if (!ranked) throw new Error('not prioritised');
    expect(reasonOf(() => editApplication(ranked, patientSafety, { ...input, by }, OCT_1))).toBe(
      'already-prioritised',
    );
    expect(kinds(ranked)).not.toContain('edit');
  });
});
