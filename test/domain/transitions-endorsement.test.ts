import { describe, expect, it } from 'vitest';
import type { Application } from '../../src/domain/application.ts';
import {
  answerQuestion,
  decideEndorsement,
  markStepDone,
  replaceLeader,
  requestEndorsement,
  withdrawRequest,
} from '../../src/domain/tracker.ts';
import { innovation, patientSafety } from './eligibility-support.ts';
import { applicant, clinicChief, clinicLeader, nearestLeader, stranger } from './people.ts';
import { apply, at, innovationDraft, OCT_1, patientDraft, reasonOf, stateOf } from './tracker-fixtures.ts';
import { asked, written } from './walks.ts';

const STEP = 'endorse-nearest-leader';
const LATER = at('2022-10-03T09:00:00Z');

type Request = Parameters<typeof requestEndorsement>[2];
/** Why a patient-safety endorsement request is refused: the applicant asks for STEP unless `request` says otherwise. */
const requestRefusal = (app: Application, request: Partial<Request>, clock = OCT_1) =>
  reasonOf(() =>
    requestEndorsement(
      app,
      patientSafety,
      { step: STEP, leader: nearestLeader, by: applicant, ...request },
      clock,
    ),
  );

/** A patient-safety draft written and waiting on the nearest leader. */
function waiting(): Application {
  return apply(
    requestEndorsement(
      written(patientDraft()),
      patientSafety,
      { step: STEP, leader: nearestLeader, by: applicant, note: 'Se vedlegg' },
      OCT_1,
    ),
  );
}

describe('requesting an endorsement', () => {
  it('waits on the named leader, since now, round 1, with an audit entry', () => {
    const draft = written(patientDraft());
    const { app, audit } = requestEndorsement(
      draft,
      patientSafety,
      { step: STEP, leader: nearestLeader, by: applicant, note: 'Se vedlegg' },
      OCT_1,
    );
    expect(app.steps.find((s) => s.id === STEP)).toMatchObject({
      state: 'waiting',
      waitingOn: nearestLeader,
      since: OCT_1.toISOString(),
      round: 1,
      note: 'Se vedlegg',
    });
    expect(app.version).toBe(draft.version);
    expect(audit).toMatchObject({
      action: 'endorsement.request',
      actor: applicant,
      platform: 'teams',
      comment: 'Se vedlegg',
      at: OCT_1.toISOString(),
    });
    expect(audit.changes?.[`steps.${STEP}.state`]).toEqual({ before: 'not-started', after: 'waiting' });
    expect(audit.changes?.[`steps.${STEP}.waitingOn`]).toEqual({ before: undefined, after: nearestLeader });
  });

  it('needs the draft written first (the call data: endorsements require the draft)', () => {
    const fresh = patientDraft();
    expect(requestRefusal(fresh, {})).toBe('requires-not-done');
  });

  it.each([
    ['someone else asks', { by: stranger, leader: nearestLeader }, 'not-the-applicant'],
    ['the applicant names themself', { by: applicant, leader: applicant }, 'leader-is-applicant'],
  ])('is refused when %s', (_what, who, reason) => {
    const draft = written(patientDraft());
    expect(requestRefusal(draft, who)).toBe(reason);
  });

  it('is refused twice, on a non-endorsement step, and after the deadline', () => {
    const app = waiting();
    expect(requestRefusal(app, { leader: clinicLeader })).toBe('already-requested');
    expect(requestRefusal(app, { step: 'draft', leader: clinicLeader })).toBe('wrong-step-kind');
    expect(requestRefusal(app, { step: 'nope', leader: clinicLeader })).toBe('unknown-step');
    const lateCall = at('2022-11-04T23:00:00Z');
    expect(requestRefusal(app, { step: 'endorse-clinic-leader', leader: clinicLeader }, lateCall)).toBe(
      'deadline-passed',
    );
  });
});

describe('deciding', () => {
  it('approve: only the named leader, and the step is done with who and when', () => {
    const app = waiting();
    for (const who of [stranger, applicant, clinicLeader, { ...nearestLeader, platform: 'slack' as const }]) {
      expect(
        reasonOf(() =>
          decideEndorsement(app, patientSafety, { step: STEP, decision: 'approve', by: who }, LATER),
        ),
      ).toBe('not-the-named-leader');
    }
    const { app: after, audit } = decideEndorsement(
      app,
      patientSafety,
      { step: STEP, decision: 'approve', by: nearestLeader, comment: 'Godt prosjekt', round: 1 },
      LATER,
    );
    expect(after.steps.find((s) => s.id === STEP)).toMatchObject({
      state: 'done',
      decidedBy: nearestLeader,
      decidedAt: LATER.toISOString(),
      comment: 'Godt prosjekt',
    });
    expect(after.steps.find((s) => s.id === STEP)?.waitingOn).toBeUndefined();
    expect(audit).toMatchObject({
      action: 'endorsement.approve',
      actor: nearestLeader,
      comment: 'Godt prosjekt',
    });
    // A second click is refused: the decision is recorded once.
    expect(
      reasonOf(() =>
        decideEndorsement(
          after,
          patientSafety,
          { step: STEP, decision: 'approve', by: nearestLeader },
          LATER,
        ),
      ),
    ).toBe('not-waiting');
  });

  it('decline needs a comment and reopens the draft; the applicant edits and asks again', () => {
    const app = waiting();
    expect(
      reasonOf(() =>
        decideEndorsement(app, patientSafety, { step: STEP, decision: 'decline', by: nearestLeader }, LATER),
      ),
    ).toBe('comment-required');
    expect(
      reasonOf(() =>
        decideEndorsement(
          app,
          patientSafety,
          { step: STEP, decision: 'decline', by: nearestLeader, comment: '  ' },
          LATER,
        ),
      ),
    ).toBe('comment-required');
    const { app: declined, audit } = decideEndorsement(
      app,
      patientSafety,
      { step: STEP, decision: 'decline', by: nearestLeader, comment: 'Budsjettet er for høyt' },
      LATER,
    );
    expect(stateOf(declined, STEP)).toBe('declined');
    expect(stateOf(declined, 'draft')).toBe('not-started');
    expect(declined.status).toBe('draft');
    expect(audit.comment).toBe('Budsjettet er for høyt');
    expect(audit.changes?.['steps.draft.state']).toEqual({ before: 'done', after: 'not-started' });
    // Asking again before the draft is done again is refused; after editing it goes through as round 2.
    expect(requestRefusal(declined, {}, LATER)).toBe('requires-not-done');
    const edited = apply(markStepDone(declined, patientSafety, { step: 'draft', by: applicant }, LATER));
    const again = apply(
      requestEndorsement(edited, patientSafety, { step: STEP, leader: nearestLeader, by: applicant }, LATER),
    );
    const step = again.steps.find((s) => s.id === STEP);
    expect(step).toMatchObject({ state: 'waiting', round: 2, waitingOn: nearestLeader });
    expect(step?.comment).toBeUndefined();
    expect(step?.decidedBy).toBeUndefined();
  });

  it('more-info keeps the request waiting with the question; the applicant answers; the leader then decides', () => {
    const app = waiting();
    expect(
      reasonOf(() => answerQuestion(app, patientSafety, { step: STEP, by: applicant, answer: 'x' }, LATER)),
    ).toBe('no-question');
    const asking = apply(
      decideEndorsement(
        app,
        patientSafety,
        { step: STEP, decision: 'more-info', by: nearestLeader, comment: 'Hvem er prosjekteier?' },
        LATER,
      ),
    );
    expect(asking.steps.find((s) => s.id === STEP)).toMatchObject({
      state: 'waiting',
      waitingOn: nearestLeader,
      question: 'Hvem er prosjekteier?',
    });
    expect(
      reasonOf(() => answerQuestion(asking, patientSafety, { step: STEP, by: stranger, answer: 'x' }, LATER)),
    ).toBe('not-the-applicant');
    const answered = apply(
      answerQuestion(asking, patientSafety, { step: STEP, by: applicant, answer: 'Klinikksjefen' }, LATER),
    );
    expect(answered.steps.find((s) => s.id === STEP)).toMatchObject({
      state: 'waiting',
      answer: 'Klinikksjefen',
    });
    const approved = apply(
      decideEndorsement(
        answered,
        patientSafety,
        { step: STEP, decision: 'approve', by: nearestLeader },
        LATER,
      ),
    );
    expect(stateOf(approved, STEP)).toBe('done');
  });

  it('no decision after the call deadline (exact to the minute for innovation)', () => {
    let app = written(innovationDraft());
    app = asked(app, 'anchoring', clinicChief);
    const decide = (now: Date) =>
      decideEndorsement(app, innovation, { step: 'anchoring', decision: 'approve', by: clinicChief }, now);
    expect(reasonOf(() => decide(at('2022-10-20T13:00:00Z')))).toBe('after-deadline');
    expect(stateOf(apply(decide(at('2022-10-20T12:59:00Z'))), 'anchoring')).toBe('done');
    // Patient safety: the date-only deadline lasts until 23:59:59 local.
    const ps = waiting();
    const decidePs = (now: Date) =>
      decideEndorsement(ps, patientSafety, { step: STEP, decision: 'approve', by: nearestLeader }, now);
    expect(stateOf(apply(decidePs(at('2022-11-04T22:59:00Z'))), STEP)).toBe('done');
    expect(reasonOf(() => decidePs(at('2022-11-04T23:00:00Z')))).toBe('after-deadline');
  });
});

describe('withdrawing and replacing a request', () => {
  it('withdraw: only the applicant; the step is open again and the old card decides nothing', () => {
    const app = waiting();
    expect(
      reasonOf(() => withdrawRequest(app, patientSafety, { step: STEP, by: nearestLeader }, LATER)),
    ).toBe('not-the-applicant');
    const { app: withdrawn, audit } = withdrawRequest(
      app,
      patientSafety,
      { step: STEP, by: applicant },
      LATER,
    );
    expect(withdrawn.steps.find((s) => s.id === STEP)).toMatchObject({ state: 'not-started', round: 1 });
    expect(withdrawn.steps.find((s) => s.id === STEP)?.waitingOn).toBeUndefined();
    expect(audit.action).toBe('endorsement.withdraw');
    expect(
      reasonOf(() =>
        decideEndorsement(
          withdrawn,
          patientSafety,
          { step: STEP, decision: 'approve', by: nearestLeader, round: 1 },
          LATER,
        ),
      ),
    ).toBe('not-waiting');
    expect(
      reasonOf(() => withdrawRequest(withdrawn, patientSafety, { step: STEP, by: applicant }, LATER)),
    ).toBe('not-waiting');
  });

  it('replace: waits on the new leader as a new round; the old leader and the old card are refused', () => {
    const app = waiting();
    expect(
      reasonOf(() =>
        replaceLeader(app, patientSafety, { step: STEP, leader: nearestLeader, by: applicant }, LATER),
      ),
    ).toBe('same-leader');
    const { app: replaced, audit } = replaceLeader(
      app,
      patientSafety,
      { step: STEP, leader: clinicLeader, by: applicant },
      LATER,
    );
    expect(replaced.steps.find((s) => s.id === STEP)).toMatchObject({
      state: 'waiting',
      waitingOn: clinicLeader,
      round: 2,
      since: LATER.toISOString(),
      note: 'Se vedlegg',
    });
    expect(audit.changes?.[`steps.${STEP}.waitingOn`]).toEqual({
      before: nearestLeader,
      after: clinicLeader,
    });
    expect(
      reasonOf(() =>
        decideEndorsement(
          replaced,
          patientSafety,
          { step: STEP, decision: 'approve', by: nearestLeader },
          LATER,
        ),
      ),
    ).toBe('not-the-named-leader');
    expect(
      reasonOf(() =>
        decideEndorsement(
          replaced,
          patientSafety,
          { step: STEP, decision: 'approve', by: clinicLeader, round: 1 },
          LATER,
        ),
      ),
    ).toBe('request-not-current');
    const approved = apply(
      decideEndorsement(
        replaced,
        patientSafety,
        { step: STEP, decision: 'approve', by: clinicLeader, round: 2 },
        LATER,
      ),
    );
    expect(approved.steps.find((s) => s.id === STEP)?.decidedBy).toEqual(clinicLeader);
  });
});
