import type { AmountResult } from './amount.ts';
import type { Answers, Verdict } from './eligibility.ts';

export type Platform = 'teams' | 'slack' | 'console';

/** A person as the platform identifies them (Teams: AAD object id; Slack: user id). */
export interface Person {
  platform: Platform;
  userId: string;
  name: string;
}

export type StepState = 'not-started' | 'waiting' | 'done' | 'declined' | 'not-needed';

export interface ApplicationStep {
  /** The call's step id. */
  id: string;
  state: StepState;
  /** Who it waits on (a leader for endorsements), when state is `waiting`. */
  waitingOn?: Person;
  /** ISO instant the current state began. */
  since?: string;
  /** ISO instant it must be done by (from the call's milestones or the trust's internal deadline). */
  dueAt?: string;
  decidedBy?: Person;
  comment?: string;
  /** ISO instant of the decision (endorsement, prioritisation, award). */
  decidedAt?: string;
  /** Endorsements: counts requests; a card carries it so a withdrawn or replaced request is stale. */
  round?: number;
  /** The applicant's note sent with the current request. */
  note?: string;
  /** A leader's "more information" question on the current request, and the applicant's answer. */
  question?: string;
  answer?: string;
  /** The eligibility question whose answer completed the step when the application was created. */
  satisfiedBy?: string;
}

export type ApplicationStatus = 'draft' | 'submitted' | 'awarded' | 'not-awarded' | 'withdrawn' | 'closed';

export interface Application {
  id: string;
  /** Compare-and-set version: every write must name the version it read. */
  version: number;
  callId: string;
  category: string;
  title: string;
  applicant: Person & { trust: string };
  status: ApplicationStatus;
  answers: Answers;
  verdict?: Verdict;
  amount?: Pick<AmountResult, 'maxRequest' | 'requiredOwnFinancing' | 'eligibleTotal' | 'binding'> & {
    requested?: number;
    own?: number;
    other?: number;
  };
  priorityAreas?: string[];
  steps: ApplicationStep[];
  /** Trust prioritisation: the place in the trust's order once confirmed. */
  priorityRank?: number;
  createdAt: string;
  updatedAt: string;
}

/** One change to an application, kept in order (a Redis Stream per application). */
export interface AuditEntry {
  /** Assigned by the store (stream id); absent when appending. */
  id?: string;
  at: string;
  actor: Person | { platform: 'system'; userId: 'system'; name: string } | { anonymous: true };
  platform: Platform | 'system';
  action: string;
  comment?: string;
  /** Before/after of the fields that changed. */
  changes?: Record<string, { before: unknown; after: unknown }>;
}
