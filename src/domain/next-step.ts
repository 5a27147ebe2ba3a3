import type { Application, ApplicationStep, Person, StepState } from './application.ts';
import type { Call } from './call.ts';
import type { StepData } from './call-schema.ts';
import { APPLICANT_ACTOR, missingRequirements } from './steps.ts';
import { calendarDaysBetween, hasPassed } from './timeline.ts';

/** One step someone must act on now. */
export interface OpenStep {
  step: StepData;
  state: StepState;
  /** Who must act now: `applicant`, or the role id of the person it waits on (or who decides). */
  actor: string;
  /** The step's role from the call data (`applicant` or a role id). */
  role: string;
  /** The named person it waits on (an asked leader). */
  waitingOn?: Person;
  /** Since when it waits (ISO), for "waiting since …". */
  since?: string;
  dueAt: Date | null;
  /** Calendar days in Europe/Oslo until `dueAt` (0 = today, negative = overdue); null when undated. */
  daysLeft: number | null;
  overdue: boolean;
}

const CLOSED = new Set(['withdrawn', 'closed', 'not-awarded']);

/**
 * Who must act: the applicant does their own steps, and also asks (again) for an endorsement that is
 * not started or was declined; once asked, the step waits on the named leader.
 */
function actorOf(data: StepData, step: ApplicationStep): string {
  if (data.kind === 'endorsement' && step.state !== 'waiting') return APPLICANT_ACTOR;
  return data.actor;
}

/** Every step that can be acted on now (its requirements are done), in the call's order. */
export function openSteps(app: Application, call: Call, now: Date): OpenStep[] {
  if (CLOSED.has(app.status)) return [];
  const open: OpenStep[] = [];
  for (const data of call.steps) {
    const step = app.steps.find((s) => s.id === data.id);
    if (!step || step.state === 'done' || step.state === 'not-needed') continue;
    if (missingRequirements(app, call, data.id).length > 0) continue;
    const dueAt = step.dueAt === undefined ? null : new Date(step.dueAt);
    const entry: OpenStep = {
      step: data,
      state: step.state,
      actor: actorOf(data, step),
      role: data.actor,
      dueAt,
      daysLeft: dueAt ? calendarDaysBetween(now, dueAt) : null,
      overdue: dueAt ? hasPassed(dueAt, now) : false,
    };
    if (step.waitingOn) entry.waitingOn = step.waitingOn;
    if (step.since) entry.since = step.since;
    open.push(entry);
  }
  return open;
}

/**
 * "What is my next step, and by when?": the first open step the applicant can act on, else the first
 * that waits on someone else; null when nothing is left. A pure function of (application, call, clock).
 */
export function nextStep(app: Application, call: Call, now: Date): OpenStep | null {
  const open = openSteps(app, call, now);
  return open.find((s) => s.actor === APPLICANT_ACTOR) ?? open[0] ?? null;
}

/** The steps of an application that wait on this person ("hva venter på meg?"). */
export function stepsWaitingOn(app: Application, call: Call, person: Person, now: Date): OpenStep[] {
  return openSteps(app, call, now).filter(
    (s) => s.waitingOn?.platform === person.platform && s.waitingOn.userId === person.userId,
  );
}
