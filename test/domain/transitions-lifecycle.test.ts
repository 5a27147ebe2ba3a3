import { describe, expect, it } from 'vitest';
import type { Application, Person } from '../../src/domain/application.ts';
import {
  decideEndorsement,
  markStepDone,
  nextStep,
  prioritise,
  recordAward,
  requestEndorsement,
  submit,
  withdrawApplication,
} from '../../src/domain/tracker.ts';
import { innovation, patientSafety } from './eligibility-support.ts';
import { applicant, clinicChief, clinicLeader, nearestLeader, qualityChief, region } from './people.ts';
import { apply, at, innovationDraft, OCT_1, patientDraft, reasonOf, stateOf } from './tracker-fixtures.ts';
import { approved, asked, endorsedByBoth, written } from './walks.ts';

/** Innovation: written and anchored with the clinic chief, ready to submit. */
function anchored(id = 'inn-1'): Application {
  let app = written(innovationDraft(id));
  app = asked(app, 'anchoring', clinicChief);
  return approved(app, 'anchoring', clinicChief);
}

/** Patient safety: written and approved by both leaders. */
function endorsed(id = 'ps-1', owner: Person & { trust: string } = applicant): Application {
  return endorsedByBoth(written(patientDraft(id, { applicant: owner })), nearestLeader, clinicLeader);
}

describe('submission', () => {
  it('innovation: 14:59 local on 20 Oct 2022 goes in, 15:00 is refused', () => {
    const app = anchored();
    const { app: submitted, audit } = submit(app, innovation, { by: applicant }, at('2022-10-20T12:59:00Z'));
    expect(submitted.status).toBe('submitted');
    expect(stateOf(submitted, 'submission')).toBe('done');
    expect(audit.changes?.status).toEqual({ before: 'draft', after: 'submitted' });
    expect(reasonOf(() => submit(app, innovation, { by: applicant }, at('2022-10-20T13:00:00Z')))).toBe(
      'deadline-passed',
    );
    // The last millisecond before 15:00 local still counts.
    expect(submit(app, innovation, { by: applicant }, at('2022-10-20T12:59:59.999Z')).app.status).toBe(
      'submitted',
    );
  });

  it('patient safety: 23:59 local on 4 Nov 2022 goes in, 00:00 on 5 Nov is refused', () => {
    const app = endorsed();
    expect(submit(app, patientSafety, { by: applicant }, at('2022-11-04T22:59:00Z')).app.status).toBe(
      'submitted',
    );
    expect(reasonOf(() => submit(app, patientSafety, { by: applicant }, at('2022-11-04T23:00:00Z')))).toBe(
      'deadline-passed',
    );
  });

  it('is refused without the required endorsements, naming what is missing', () => {
    let app = written(patientDraft());
    app = asked(app, 'endorse-nearest-leader', nearestLeader);
    app = approved(app, 'endorse-nearest-leader', nearestLeader);
    let missing: unknown;
    try {
      submit(app, patientSafety, { by: applicant }, OCT_1);
    } catch (e) {
      missing = (e as { details?: { missing?: unknown } }).details?.missing;
    }
    expect(missing).toEqual(['endorse-clinic-leader']);
    expect(reasonOf(() => submit(innovationDraft(), innovation, { by: applicant }, OCT_1))).toBe(
      'requires-not-done',
    );
  });

  it('is refused twice, and for anyone but the applicant', () => {
    const app = anchored();
    expect(reasonOf(() => submit(app, innovation, { by: clinicChief }, OCT_1))).toBe('not-the-applicant');
    const submitted = apply(submit(app, innovation, { by: applicant }, OCT_1));
    expect(reasonOf(() => submit(submitted, innovation, { by: applicant }, OCT_1))).toBe('not-draft');
  });

  it('a submitted application is not changed by endorsement transitions', () => {
    const submitted = apply(submit(endorsed(), patientSafety, { by: applicant }, OCT_1));
    expect(
      reasonOf(() =>
        requestEndorsement(
          submitted,
          patientSafety,
          { step: 'endorse-nearest-leader', leader: clinicChief, by: applicant },
          OCT_1,
        ),
      ),
    ).toBe('not-draft');
    expect(
      reasonOf(() =>
        decideEndorsement(
          submitted,
          patientSafety,
          { step: 'endorse-nearest-leader', decision: 'decline', by: nearestLeader, comment: 'nei' },
          at('2022-11-10T10:00:00Z'),
        ),
      ),
    ).toBe('after-deadline');
  });
});

describe('trust prioritisation (patient safety)', () => {
  const colleague = (n: number): Person & { trust: string } => ({
    ...applicant,
    userId: `aad-${n}`,
    name: `Søker ${n}`,
  });

  it('ranks three endorsed applications of one trust in the given order', () => {
    const apps = [endorsed('a', colleague(1)), endorsed('b', colleague(2)), endorsed('c', colleague(3))];
    const ranked = prioritise(
      [apps[2], apps[0], apps[1]] as Application[],
      patientSafety,
      { by: qualityChief },
      OCT_1,
    );
    expect(ranked.map((t) => [t.app.id, t.app.priorityRank, stateOf(t.app, 'trust-prioritisation')])).toEqual(
      [
        ['c', 1, 'done'],
        ['a', 2, 'done'],
        ['b', 3, 'done'],
      ],
    );
    expect(ranked[0]?.audit).toMatchObject({ action: 'prioritisation.confirm', actor: qualityChief });
    expect(ranked[0]?.app.steps.find((s) => s.id === 'trust-prioritisation')?.decidedBy).toEqual(
      qualityChief,
    );
    // Changing the order after confirming is recorded with the old and new place.
    const again = prioritise(
      [ranked[1]?.app, ranked[0]?.app] as Application[],
      patientSafety,
      { by: qualityChief },
      OCT_1,
    );
    expect(again[0]?.audit.action).toBe('prioritisation.change');
    expect(again[0]?.audit.changes?.priorityRank).toEqual({ before: 2, after: 1 });
  });

  it('requires both approvals, one trust, one call, no duplicates, something to rank', () => {
    const ready = endorsed('a');
    const halfway = written(patientDraft('h'));
    expect(reasonOf(() => prioritise([ready, halfway], patientSafety, { by: qualityChief }, OCT_1))).toBe(
      'requires-not-done',
    );
    const elsewhere = endorsed('m', { ...colleague(9), trust: 'helse-more-og-romsdal' });
    expect(reasonOf(() => prioritise([ready, elsewhere], patientSafety, { by: qualityChief }, OCT_1))).toBe(
      'mixed-trusts',
    );
    expect(reasonOf(() => prioritise([ready, ready], patientSafety, { by: qualityChief }, OCT_1))).toBe(
      'duplicate-application',
    );
    expect(reasonOf(() => prioritise([], patientSafety, { by: qualityChief }, OCT_1))).toBe('empty-order');
    expect(reasonOf(() => prioritise([anchored()], patientSafety, { by: qualityChief }, OCT_1))).toBe(
      'mixed-calls',
    );
    expect(reasonOf(() => prioritise([anchored()], innovation, { by: qualityChief }, OCT_1))).toBe(
      'unknown-step',
    );
  });
});

describe('award and reports', () => {
  it('award before submission is refused', () => {
    expect(reasonOf(() => recordAward(anchored(), innovation, { awarded: true, by: region }, OCT_1))).toBe(
      'not-submitted',
    );
    expect(reasonOf(() => recordAward(endorsed(), patientSafety, { awarded: true, by: region }, OCT_1))).toBe(
      'not-submitted',
    );
  });

  it('patient safety: the award waits for the trust prioritisation, then opens the reports', () => {
    const submitted = apply(submit(endorsed(), patientSafety, { by: applicant }, OCT_1));
    expect(nextStep(submitted, patientSafety, OCT_1)?.step.id).toBe('trust-prioritisation');
    expect(reasonOf(() => recordAward(submitted, patientSafety, { awarded: true, by: region }, OCT_1))).toBe(
      'requires-not-done',
    );
    const [ranked] = prioritise([submitted], patientSafety, { by: qualityChief }, OCT_1);
    const dec16 = at('2022-12-16T10:00:00Z');
    expect(nextStep(ranked?.app as Application, patientSafety, dec16)).toMatchObject({
      actor: 'regional-medical-director',
    });
    expect(
      reasonOf(() =>
        markStepDone(
          ranked?.app as Application,
          patientSafety,
          { step: 'status-report', by: applicant },
          dec16,
        ),
      ),
    ).toBe('not-awarded');
    let app = apply(
      recordAward(ranked?.app as Application, patientSafety, { awarded: true, by: region }, dec16),
    );
    expect(app.status).toBe('awarded');
    expect(reasonOf(() => recordAward(app, patientSafety, { awarded: false, by: region }, dec16))).toBe(
      'already-decided',
    );
    expect(nextStep(app, patientSafety, dec16)).toMatchObject({ actor: 'applicant', daysLeft: 259 });
    expect(nextStep(app, patientSafety, dec16)?.step.id).toBe('status-report');
    expect(
      reasonOf(() => markStepDone(app, patientSafety, { step: 'final-report', by: applicant }, dec16)),
    ).toBe('requires-not-done');
    for (const step of ['status-report', 'project-end', 'final-report']) {
      app = apply(markStepDone(app, patientSafety, { step, by: applicant }, at('2024-09-30T10:00:00Z')));
    }
    expect(app.status).toBe('closed');
    expect(nextStep(app, patientSafety, at('2024-10-02T10:00:00Z'))).toBeNull();
  });

  it('innovation: a refusal ends the application; nothing is left to do', () => {
    const submitted = apply(submit(anchored(), innovation, { by: applicant }, OCT_1));
    expect(nextStep(submitted, innovation, OCT_1)).toMatchObject({
      actor: 'regional-health-authority',
      dueAt: null,
      daysLeft: null,
    });
    const { app, audit } = recordAward(
      submitted,
      innovation,
      { awarded: false, by: region, comment: 'Mange søkere' },
      OCT_1,
    );
    expect(app.status).toBe('not-awarded');
    expect(stateOf(app, 'award')).toBe('declined');
    expect(audit).toMatchObject({ action: 'award.refused', comment: 'Mange søkere' });
    expect(nextStep(app, innovation, OCT_1)).toBeNull();
  });

  it('the applicant may withdraw; pending requests stop waiting', () => {
    let app = written(patientDraft());
    app = asked(app, 'endorse-nearest-leader', nearestLeader);
    const withdrawn = apply(withdrawApplication(app, { by: applicant }, OCT_1));
    expect(withdrawn.status).toBe('withdrawn');
    expect(stateOf(withdrawn, 'endorse-nearest-leader')).toBe('not-started');
    expect(nextStep(withdrawn, patientSafety, OCT_1)).toBeNull();
    expect(reasonOf(() => withdrawApplication(withdrawn, { by: applicant }, OCT_1))).toBe('not-open');
  });

  it('markStepDone is refused for steps others do', () => {
    const app = endorsed();
    expect(
      reasonOf(() =>
        markStepDone(app, patientSafety, { step: 'endorse-nearest-leader', by: applicant }, OCT_1),
      ),
    ).toBe('wrong-step-kind');
    expect(
      reasonOf(() => markStepDone(app, patientSafety, { step: 'submission', by: applicant }, OCT_1)),
    ).toBe('wrong-step-kind');
    expect(reasonOf(() => markStepDone(app, patientSafety, { step: 'draft', by: applicant }, OCT_1))).toBe(
      'already-done',
    );
  });
});
