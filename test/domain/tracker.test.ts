import { describe, expect, it } from 'vitest';
import type { Call } from '../../src/domain/call.ts';
import { isMidlerError } from '../../src/domain/errors.ts';
import {
  createdAudit,
  newApplication,
  nextStep,
  openSteps,
  stepsWaitingOn,
} from '../../src/domain/tracker.ts';
import { errorOf } from '../support/errors.ts';
import { innovation, patientSafety } from './eligibility-support.ts';
import { applicant, clinicChief, clinicLeader, nearestLeader } from './people.ts';
import { at, innovationDraft, OCT_1, patientDraft, stateOf } from './tracker-fixtures.ts';
import { approved, asked, written } from './walks.ts';

/** The calls with the question→step links docs/tracker.md asks the call files for. */
const linked = (call: Call, links: Record<string, string>): Call => ({
  ...call,
  steps: call.steps.map((s) =>
    links[s.id] ? { ...s, doneWhen: { question: links[s.id] ?? '', options: ['yes'] } } : s,
  ),
});
const safetyLinked = linked(patientSafety, {
  'endorse-nearest-leader': 'nearest-leader-approval',
  'endorse-clinic-leader': 'clinic-leader-approval',
});

describe('newApplication', () => {
  it('patient safety: a version-1 draft with every step of the call, due by the deadline or its milestone', () => {
    const app = patientDraft();
    expect(app).toMatchObject({
      version: 1,
      status: 'draft',
      callId: 'pasientsikkerhet-2023-2024',
      category: 'project',
    });
    expect(app.createdAt).toBe(OCT_1.toISOString());
    expect(app.steps.map((s) => [s.id, s.state, s.dueAt])).toEqual([
      ['eligibility', 'done', '2022-11-04T22:59:59.000Z'],
      ['draft', 'not-started', '2022-11-04T22:59:59.000Z'],
      ['endorse-nearest-leader', 'not-started', '2022-11-04T22:59:59.000Z'],
      ['endorse-clinic-leader', 'not-started', '2022-11-04T22:59:59.000Z'],
      // The text gives the trust's ranking no date (issue 15): none unless the trust has an internal deadline.
      ['trust-prioritisation', 'not-started', undefined],
      ['submission', 'not-started', '2022-11-04T22:59:59.000Z'],
      ['award', 'not-started', '2022-12-16T22:59:59.000Z'],
      ['status-report', 'not-started', '2023-09-01T21:59:59.000Z'],
      ['project-end', 'not-started', '2024-10-01T21:59:59.000Z'],
      ['final-report', 'not-started', undefined],
    ]);
  });

  it('innovation: the category is chosen, the undated award has no due date', () => {
    const app = innovationDraft();
    expect(app.steps.map((s) => [s.id, s.state, s.dueAt])).toEqual([
      ['eligibility', 'done', '2022-10-20T13:00:00.000Z'],
      ['category', 'done', '2022-10-20T13:00:00.000Z'],
      ['draft', 'not-started', '2022-10-20T13:00:00.000Z'],
      ['anchoring', 'not-started', '2022-10-20T13:00:00.000Z'],
      ['submission', 'not-started', '2022-10-20T13:00:00.000Z'],
      ['award', 'not-started', undefined],
    ]);
  });

  it('leaves the check open when there is no passing verdict', () => {
    expect(stateOf(patientDraft('x', { verdict: 'incomplete' }), 'eligibility')).toBe('not-started');
    expect(stateOf(patientDraft('y', { verdict: 'not-eligible' }), 'eligibility')).toBe('not-started');
  });

  it('marks a step of another category not needed', () => {
    const call: Call = {
      ...innovation,
      steps: innovation.steps.map((s) => (s.id === 'anchoring' ? { ...s, categories: ['product'] } : s)),
    };
    const transfer = newApplication(
      call,
      { id: 't', applicant, category: 'transfer', title: 'x', answers: {} },
      OCT_1,
    );
    expect(stateOf(transfer, 'anchoring')).toBe('not-needed');
    expect(transfer.steps.find((s) => s.id === 'anchoring')?.dueAt).toBeUndefined();
  });

  it('uses the trust internal deadline for steps that take it', () => {
    const call: Call = {
      ...innovation,
      trusts: innovation.trusts.map((t) =>
        t.id === 'st-olavs-hospital' ? { ...t, internalDeadline: '2022-10-06' } : t,
      ),
    };
    const app = newApplication(
      call,
      { id: 'i', applicant, category: 'service', title: 'x', answers: {} },
      OCT_1,
    );
    expect(app.steps.find((s) => s.id === 'anchoring')?.dueAt).toBe('2022-10-06T21:59:59.000Z');
    expect(app.steps.find((s) => s.id === 'submission')?.dueAt).toBe('2022-10-20T13:00:00.000Z');
  });

  it('marks endorsements answered "yes" in the check as done (doneWhen), but not "not yet"', () => {
    const app = newApplication(
      safetyLinked,
      {
        id: 'ps',
        applicant,
        category: 'project',
        title: 'x',
        answers: { 'nearest-leader-approval': 'yes', 'clinic-leader-approval': 'not-yet' },
        verdict: 'eligible-with-todos',
      },
      OCT_1,
    );
    expect(app.steps.find((s) => s.id === 'endorse-nearest-leader')).toMatchObject({
      state: 'done',
      satisfiedBy: 'nearest-leader-approval',
    });
    expect(stateOf(app, 'endorse-clinic-leader')).toBe('not-started');
  });

  it('refuses an unknown category', () => {
    const caught = errorOf(() =>
      newApplication(innovation, { id: 'z', applicant, category: 'nope', title: 'x', answers: {} }, OCT_1),
    );
    expect(isMidlerError(caught, 'category.not-found')).toBe(true);
  });

  it('has a creation audit entry', () => {
    const app = patientDraft();
    expect(createdAudit(app, applicant)).toMatchObject({
      action: 'application.created',
      platform: 'teams',
      at: OCT_1.toISOString(),
    });
  });
});

describe('nextStep', () => {
  it('starts with writing the draft, due by the deadline, counting Oslo days', () => {
    const next = nextStep(patientDraft(), patientSafety, at('2022-11-03T23:30:00Z'));
    expect(next).toMatchObject({ actor: 'applicant', role: 'applicant', daysLeft: 0, overdue: false });
    expect(next?.step.id).toBe('draft');
  });

  it('after the draft, asks the applicant to request an endorsement, and then waits on the named leader', () => {
    let app = written(patientDraft());
    expect(nextStep(app, patientSafety, OCT_1)).toMatchObject({ actor: 'applicant', role: 'nearest-leader' });
    expect(nextStep(app, patientSafety, OCT_1)?.step.id).toBe('endorse-nearest-leader');
    app = asked(app, 'endorse-nearest-leader', nearestLeader);
    // The applicant can still ask the clinic leader: that comes before waiting.
    expect(nextStep(app, patientSafety, OCT_1)?.step.id).toBe('endorse-clinic-leader');
    app = asked(app, 'endorse-clinic-leader', clinicLeader);
    const waiting = nextStep(app, patientSafety, at('2022-10-03T08:00:00Z'));
    expect(waiting).toMatchObject({
      actor: 'nearest-leader',
      state: 'waiting',
      waitingOn: nearestLeader,
      since: OCT_1.toISOString(),
      daysLeft: 32,
    });
    expect(openSteps(app, patientSafety, OCT_1).map((s) => s.step.id)).toEqual([
      'endorse-nearest-leader',
      'endorse-clinic-leader',
    ]);
    // "What is waiting on me?" for each leader, and nothing for the applicant.
    expect(stepsWaitingOn(app, patientSafety, clinicLeader, OCT_1).map((s) => s.step.id)).toEqual([
      'endorse-clinic-leader',
    ]);
    expect(stepsWaitingOn(app, patientSafety, nearestLeader, OCT_1).map((s) => s.step.id)).toEqual([
      'endorse-nearest-leader',
    ]);
    expect(stepsWaitingOn(app, patientSafety, applicant, OCT_1)).toEqual([]);
  });

  it('is overdue after the deadline', () => {
    const next = nextStep(innovationDraft(), innovation, at('2022-10-20T13:00:00Z'));
    expect(next).toMatchObject({ overdue: true, daysLeft: 0 });
    expect(nextStep(innovationDraft(), innovation, at('2022-10-20T12:59:00Z'))?.overdue).toBe(false);
  });

  it('innovation: anchoring with the clinic chief, then submission, then the award by the region', () => {
    let app = written(innovationDraft());
    expect(nextStep(app, innovation, OCT_1)?.step.id).toBe('anchoring');
    app = asked(app, 'anchoring', clinicChief);
    expect(nextStep(app, innovation, OCT_1)).toMatchObject({ actor: 'clinic-chief', waitingOn: clinicChief });
    app = approved(app, 'anchoring', clinicChief);
    expect(nextStep(app, innovation, OCT_1)?.step.id).toBe('submission');
  });

  it('several applications per person are independent', () => {
    const a = patientDraft('a');
    const b = written(patientDraft('b'));
    expect(nextStep(a, patientSafety, OCT_1)?.step.id).toBe('draft');
    expect(nextStep(b, patientSafety, OCT_1)?.step.id).toBe('endorse-nearest-leader');
  });
});
