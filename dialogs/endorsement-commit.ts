import { message } from '../src/bot/cards.ts';
import type { DialogContext, Effects, StepResult } from '../src/bot/dialog.ts';
import type { Application, AuditEntry, Person } from '../src/domain/application.ts';
import type { Transition } from '../src/domain/application-audit.ts';
import type { Call } from '../src/domain/call.ts';
import { isMidlerError, MidlerError } from '../src/domain/errors.ts';
import type { TransitionReason } from '../src/domain/steps.ts';
import { samePerson } from '../src/domain/steps.ts';

/**
 * Applies one tracker transition to the stored record with compare-and-set. A write that loses to a
 * concurrent one re-reads and re-decides on the fresh record, so a rule is always checked against
 * what is stored: a second click on "approve" finds the step decided and is refused.
 */

export type Records = Required<
  Pick<
    Effects,
    | 'getApplication'
    | 'updateApplication'
    | 'waitingOnMe'
    | 'applicationsOfCall'
    | 'claimOnce'
    | 'releaseClaim'
    | 'profileOf'
  >
>;

/** The Effects an endorsement dialog needs; the engine always provides them. */
export function records(ctx: DialogContext): Records {
  const e = ctx.effects;
  if (
    !e.getApplication ||
    !e.updateApplication ||
    !e.waitingOnMe ||
    !e.applicationsOfCall ||
    !e.claimOnce ||
    !e.releaseClaim ||
    !e.profileOf
  ) {
    throw new MidlerError('config.invalid', 'the engine gives this dialog no access to application records');
  }
  return {
    getApplication: e.getApplication,
    updateApplication: e.updateApplication,
    waitingOnMe: e.waitingOnMe,
    applicationsOfCall: e.applicationsOfCall,
    claimOnce: e.claimOnce,
    releaseClaim: e.releaseClaim,
    profileOf: e.profileOf,
  };
}

export type Committed =
  | { ok: true; before: Application; app: Application; audit: AuditEntry }
  | { ok: false; reason: TransitionReason | 'gone' | 'conflict'; app: Application | null };

const ATTEMPTS = 4;

function reasonOf(error: MidlerError): TransitionReason {
  return error.details?.reason as TransitionReason;
}

/** Reads the application, applies `change`, writes it if nobody wrote in between (else tries again). */
export async function commit(
  ctx: DialogContext,
  appId: string,
  change: (app: Application) => Transition,
  first?: Application,
): Promise<Committed> {
  const r = records(ctx);
  let app = first ?? (await r.getApplication(appId));
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (!app) return { ok: false, reason: 'gone', app: null };
    let next: Transition;
    try {
      next = change(app);
    } catch (e) {
      if (isMidlerError(e, 'transition.invalid')) return { ok: false, reason: reasonOf(e), app };
      throw e;
    }
    const written = await r.updateApplication(app.id, app.version, next.app, next.audit);
    if (written.ok) return { ok: true, before: app, app: written.value, audit: next.audit };
    if (written.reason === 'not-found') return { ok: false, reason: 'gone', app: null };
    app = written.current ?? (await r.getApplication(appId));
  }
  return { ok: false, reason: 'conflict', app };
}

/** The current user as the tracker names people. */
export function me(ctx: DialogContext): Person {
  return { platform: ctx.platform, userId: ctx.user.id, name: ctx.user.name };
}

export type Loaded = { app: Application; call: Call } | { result: StepResult };

/**
 * The application a button names, for its applicant only: a deleted record or someone else's gets a
 * message (`notYours`) and no access, whatever the button's data says.
 */
export async function loadOwnApplication(
  ctx: DialogContext,
  appId: string | undefined,
  notYours: 'endorsement.not-yours' | 'progress.not-yours',
): Promise<Loaded> {
  const app = appId ? await records(ctx).getApplication(appId) : null;
  const call = app ? ctx.catalog.get(app.callId) : undefined;
  if (!app || !call) return { result: { state: null, replies: [message(ctx.t('endorsement.not-found'))] } };
  if (!samePerson(app.applicant, me(ctx)))
    return { result: { state: null, replies: [message(ctx.t(notYours))] } };
  return { app, call };
}
