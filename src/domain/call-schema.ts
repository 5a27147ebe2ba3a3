import { z } from 'zod';
import { checkReferences } from './call-references.ts';
import { DraftReview } from './call-review.ts';

/**
 * The shape of a funding call file (`calls/<id>.yaml`). A call is data: a new year's call is a new
 * file validated by this schema, never a code change. Every rule carries a verbatim quote from the
 * call text (`calls/sources/<source>`), and `calls check` verifies that the quote really is there.
 */

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and dashes');

/** An entry of one of a call file's lists: a slug id that references use, and no unknown fields. */
function item<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject({ id: slug, ...shape });
}

/** Wall-clock time in Europe/Oslo: `YYYY-MM-DD` (ends 23:59:59 local) or `YYYY-MM-DDTHH:mm`. */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'expected YYYY-MM-DD or YYYY-MM-DDTHH:mm (Europe/Oslo time)')
  .refine((s) => isRealDate(s), 'not a real calendar date or time');

function isRealDate(s: string): boolean {
  const [date, time] = s.split('T');
  const [y, m, d] = (date ?? '').split('-').map(Number);
  if (!y || !m || !d || m > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return false;
  if (time === undefined) return true;
  const [hh, mm] = time.split(':').map(Number);
  return hh !== undefined && mm !== undefined && hh < 24 && mm < 60;
}

/** Every user-facing text exists in bokmål (the source language) and English. */
export const Text = z.strictObject({ nb: z.string().min(1), en: z.string().min(1) });
export type Text = z.infer<typeof Text>;

/** A short verbatim passage of the call text. The loader adds the call id. */
export const Quote = z.strictObject({ quote: z.string().min(3) });

export const Rule = item({
  /** What the rule means, in plain words. */
  text: Text,
  cite: Quote,
  /** Shown when this rule says no: what would change the outcome. */
  whatWouldHelp: Text.optional(),
});
export type RuleData = z.infer<typeof Rule>;

export const MilestoneKind = z.enum([
  'published',
  'updated',
  'deadline',
  'award',
  'project-start',
  'status-report',
  'final-report',
  'project-end',
]);
export type MilestoneKind = z.infer<typeof MilestoneKind>;

export const Milestone = item({
  kind: MilestoneKind,
  label: Text,
  /** Local time; absent when the text gives no date (e.g. "after completion"). */
  at: LocalDateTime.optional(),
  /** For undated milestones: the milestone they follow ("etter avslutning" follows project end). */
  after: slug.optional(),
  /** `by` = at the latest (a deadline); `on` = the event happens then. */
  precision: z.enum(['by', 'on']).default('by'),
  note: Text.optional(),
  cite: Quote,
}).refine((m) => m.at !== undefined || m.after !== undefined, {
  message: 'a milestone needs either `at` or `after`',
});
export type MilestoneData = z.infer<typeof Milestone>;

export const Trust = item({
  name: z.string().min(2),
  /** The trust's own deadline for anchoring/prioritising before the regional deadline (optional data). */
  internalDeadline: LocalDateTime.optional(),
});
export type TrustData = z.infer<typeof Trust>;

export const Role = item({
  name: Text,
  /** Who fills this role is chosen per application (a person picker), or fixed per trust in config. */
  chosenBy: z.enum(['applicant', 'configuration', 'region']),
});
export type RoleData = z.infer<typeof Role>;

export const Category = item({
  name: Text,
  description: Text.optional(),
  /** Largest amount one may request, whole NOK; absent when the call sets no cap. */
  maxAmount: z.number().int().positive().optional(),
  /** Own financing as a whole percent of the total eligible budget. */
  ownFinancingPercent: z.number().int().min(0).max(100).default(0),
  /** How many awards one project can receive in total; absent when unlimited. */
  maxAwards: z.number().int().positive().optional(),
  /** Rule ids that explain the cap, own financing and award limit. */
  rules: z.array(slug).default([]),
  /** Other names people use for the category in a question ("overføring", "transfer"). */
  aliases: z.array(z.string().min(2)).optional(),
});
export type CategoryData = z.infer<typeof Category>;

export const CostType = item({
  label: Text,
  eligible: z.boolean(),
  /** The rule that makes it (in)eligible. */
  rule: slug.optional(),
  /** Limit to some categories; absent means all. */
  categories: z.array(slug).optional(),
});
export type CostTypeData = z.infer<typeof CostType>;

export const PriorityArea = item({
  label: Text,
  /** `prioritised` = the call will prioritise it; `encouraged` = welcomed, not prioritised. */
  level: z.enum(['prioritised', 'encouraged']),
  categories: z.array(slug).optional(),
  examples: z.array(Text).default([]),
  cite: Quote,
});
export type PriorityAreaData = z.infer<typeof PriorityArea>;

/** A question is asked only when every part of its condition holds. */
export const Condition = z.strictObject({
  categories: z.array(slug).optional(),
  /** question id -> option ids, one of which must have been chosen. */
  answers: z.record(z.string(), z.array(z.string())).optional(),
});
export type ConditionData = z.infer<typeof Condition>;

export const Outcome = z.enum(['ok', 'disqualify', 'todo']);
export type Outcome = z.infer<typeof Outcome>;

export const Option = item({
  label: Text,
  outcome: Outcome.default('ok'),
  /** For `todo`: what must still happen, and the milestone it must happen before. */
  todo: Text.optional(),
  dueBy: slug.optional(),
  /** A trust's internal deadline, when set, comes before `dueBy`. */
  dueByTrustInternal: z.boolean().default(false),
}).refine((o) => o.outcome !== 'todo' || o.todo !== undefined, {
  message: 'a todo option needs `todo` text',
});
export type OptionData = z.infer<typeof Option>;

/** A number limit, fixed or per category (e.g. earlier awards allowed). */
const Limit = z.union([z.number(), z.strictObject({ byCategory: z.record(z.string(), z.number()) })]);

export const Question = item({
  kind: z.enum(['yes-no', 'single', 'multi', 'number', 'percent', 'date']),
  text: Text,
  help: Text.optional(),
  rule: slug,
  when: Condition.optional(),
  options: z.array(Option).optional(),
  /** number/percent: below `min` or above `max` disqualifies. */
  min: Limit.optional(),
  max: Limit.optional(),
  /** date: later than this milestone disqualifies. */
  notAfter: slug.optional(),
  /**
   * date: earlier than this day disqualifies, quoting its own rule (patient safety: the funds are
   * «til bruk i 2023-2024», so a project that ends before 2023 cannot use them).
   */
  notBefore: z.strictObject({ date: LocalDateTime, rule: slug }).optional(),
}).superRefine((q, ctx) => {
  const needsOptions = q.kind === 'yes-no' || q.kind === 'single' || q.kind === 'multi';
  if (needsOptions && (!q.options || q.options.length < 2)) {
    ctx.addIssue({
      code: 'custom',
      path: ['options'],
      message: `a ${q.kind} question needs at least two options`,
    });
  }
  if (!needsOptions && q.options) {
    ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${q.kind} question takes no options` });
  }
});
export type QuestionData = z.infer<typeof Question>;

/** In the order an application meets them (reminder-nudges reads "before submission" from it). */
export const StepKind = z.enum([
  'eligibility',
  'draft',
  'category',
  'endorsement',
  'prioritisation',
  'submission',
  'award',
  'report',
  'project-end',
]);
export type StepKind = z.infer<typeof StepKind>;

export const Step = item({
  kind: StepKind,
  label: Text,
  /** `applicant`, or a role id. */
  actor: slug,
  /** Steps that must be done first. */
  requires: z.array(slug).default([]),
  /** The milestone it must happen before (or on). */
  due: slug.optional(),
  /** The trust's internal deadline, when set, replaces `due`. */
  dueTrustInternal: z.boolean().default(false),
  /** Only some categories have this step. */
  categories: z.array(slug).optional(),
  cite: Quote.optional(),
  /**
   * Eligibility answers that already complete this step when an application is created, e.g. an
   * endorsement question answered "yes" in the check (see docs/tracker.md).
   */
  doneWhen: z.strictObject({ question: slug, options: z.array(z.string()).min(1) }).optional(),
});
export type StepData = z.infer<typeof Step>;

export const CallFile = z
  .strictObject({
    schemaVersion: z.literal(1),
    /** `draft`: written by `calls draft`, kept under calls/drafts/ until reviewed (docs/calls-lifecycle.md). */
    status: z.literal('draft').optional(),
    /** Calls of one series follow each other year by year (`innovasjonsmidler`); channels follow a series. */
    series: slug.optional(),
    title: Text,
    publisher: z.string().min(2),
    /** The call text this file encodes, under `calls/sources/`. */
    source: z.string().regex(/^[\w.-]+\.txt$/),
    purpose: Text,
    goals: z.array(Text).default([]),
    trusts: z.array(Trust).min(1),
    roles: z.array(Role).min(1),
    categories: z.array(Category).min(1),
    rules: z.array(Rule).min(1),
    costTypes: z.array(CostType).min(1),
    priorityAreas: z.array(PriorityArea).default([]),
    /** Collaboration, submission, reporting and other rules the bot explains but does not test. */
    notes: z.array(z.strictObject({ topic: slug, rule: slug })).default([]),
    questions: z.array(Question).min(1),
    milestones: z.array(Milestone).min(1),
    steps: z.array(Step).min(1),
    submission: z.strictObject({ where: Text, portal: Text, guidance: Text.optional(), rule: slug }),
    contact: Text,
    /** Other names people use for the call in a question ("innovasjon", "patient safety"). */
    aliases: z.array(z.string().min(2)).optional(),
    /** What a draft's reviewer must still check; every flag resolved before it can be published. */
    review: DraftReview.optional(),
  })
  // Runs only once every part is well formed; each issue carries the path of the dangling reference.
  .superRefine((call, ctx) => {
    for (const issue of checkReferences(call))
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type CallFileData = z.infer<typeof CallFile>;
