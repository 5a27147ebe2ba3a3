import type { Application, ApplicationStep, Person, Platform } from './application.ts';
import type { Call } from './call.ts';
import type { RoleData, StepData } from './call-schema.ts';
import { missingRequirements } from './steps.ts';

/**
 * Pure helpers around the endorsement transitions (src/domain/transitions.ts): which steps an
 * application asks leaders for, how a picked person is read, and the ids that name one request.
 */

export interface EndorsementStep {
  data: StepData;
  step: ApplicationStep;
  role: RoleData | undefined;
}

/** The application's endorsement steps (not `not-needed`), in the call's order. */
export function endorsementSteps(app: Application, call: Call): EndorsementStep[] {
  return call.steps.flatMap((data) => {
    if (data.kind !== 'endorsement') return [];
    const step = app.steps.find((s) => s.id === data.id);
    if (!step || step.state === 'not-needed') return [];
    return [{ data, step, role: call.roles.find((r) => r.id === data.actor) }];
  });
}

/** Steps the applicant can ask for now: never asked, withdrawn or declined. */
export function askable(steps: readonly EndorsementStep[]): EndorsementStep[] {
  return steps.filter((s) => s.step.state === 'not-started' || s.step.state === 'declined');
}

/**
 * The applicant's own steps that must be done before an endorsement can be asked for (the draft),
 * deepest first, so marking them done in this order satisfies every requirement.
 */
export function stepsBeforeAsking(app: Application, call: Call, stepId: string): string[] {
  return missingRequirements(app, call, stepId);
}

/** Names one request (application, step, round): the leader's card and its later updates. */
export function requestRefId(appId: string, stepId: string, round: number | undefined): string {
  return `endorsement:${appId}:${stepId}:${round ?? 0}`;
}

/** A person typed by name only: the bot cannot message them, and nobody can decide as them. */
export const TYPED_PREFIX = 'typed:';

export function isTypedPerson(person: Pick<Person, 'userId'> | undefined): boolean {
  return person?.userId.startsWith(TYPED_PREFIX) ?? false;
}

const PLATFORM_ID: Record<Platform, RegExp> = {
  // The Teams people picker submits the user's AAD object id.
  teams: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  // Slack users_select submits a user id (U… or, on Enterprise Grid, W…).
  slack: /^[UW][A-Z0-9]{6,}$/,
  // The console has no directory: `@id` names a simulated user (letters of any language: @kari-søker).
  console: /^@[\p{L}\w.-]+$/u,
};

export type PickedPerson =
  | { kind: 'platform'; person: Person }
  | { kind: 'typed'; person: Person }
  | { kind: 'none' };

/**
 * Reads a person input (a platform id from the picker, or what a client without a picker let the
 * user type) and an optional typed name. A value that is not a platform id is a typed name.
 */
export function readPickedPerson(
  platform: Platform,
  picked: unknown,
  typedName: unknown,
  knownName?: string,
): PickedPerson {
  const value = typeof picked === 'string' ? picked.trim() : '';
  const typed = typeof typedName === 'string' ? typedName.trim().replace(/\s+/g, ' ') : '';
  if (value !== '' && PLATFORM_ID[platform].test(value)) {
    const userId = platform === 'console' ? value.slice(1) : value;
    return { kind: 'platform', person: { platform, userId, name: knownName ?? (typed || userId) } };
  }
  const name = value !== '' ? value.replace(/\s+/g, ' ') : typed;
  if (name === '') return { kind: 'none' };
  return { kind: 'typed', person: { platform, userId: `${TYPED_PREFIX}${name.toLowerCase()}`, name } };
}

/** A platform id as the picker submitted it, for looking up a known name before reading. */
export function pickedId(platform: Platform, picked: unknown): string | undefined {
  const value = typeof picked === 'string' ? picked.trim() : '';
  if (!PLATFORM_ID[platform].test(value)) return undefined;
  return platform === 'console' ? value.slice(1) : value;
}
