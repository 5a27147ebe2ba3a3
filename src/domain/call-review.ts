import { z } from 'zod';

/**
 * What `midlerbot calls draft` leaves for a person to check in a draft call (docs/calls-lifecycle.md).
 * A flag is resolved by fixing the field it names and setting `resolved: true`; a call with an
 * unresolved flag is refused by `calls check` and by the loader, wherever the file lies.
 */

export const ReviewFlag = z
  .object({
    /** The field, e.g. `milestones[1].at` or `rules[5].cite.quote`. */
    path: z.string().min(1),
    /** `field`: a value the new text changes; `quote`: a quote reworded; `missing-quote`: no passage found. */
    change: z.enum(['field', 'quote', 'missing-quote']),
    message: z.string().min(1),
    was: z.union([z.string(), z.number()]).optional(),
    now: z.union([z.string(), z.number()]).optional(),
    /** The sentence of the new text the proposal comes from. */
    sentence: z.string().optional(),
    /** Texts of the call that still say the old value (descriptions, rule texts). */
    alsoMentionedIn: z.array(z.string()).optional(),
    resolved: z.boolean().default(false),
  })
  .strict();
export type ReviewFlag = z.infer<typeof ReviewFlag>;

/** A date, time, amount, percentage or award count of the new text, beside the field it probably belongs to. */
export const ReviewFact = z
  .object({
    kind: z.enum(['date', 'time', 'amount', 'percent', 'count', 'year']),
    text: z.string(),
    /** The field it probably belongs to; absent when none of the call's fields takes it. */
    field: z.string().optional(),
    sentence: z.string(),
  })
  .strict();
export type ReviewFact = z.infer<typeof ReviewFact>;

export const DraftReview = z
  .object({
    /** The call the draft was copied from. */
    from: z.string().min(1),
    flags: z.array(ReviewFlag).default([]),
    facts: z.array(ReviewFact).default([]),
  })
  .strict();
export type DraftReview = z.infer<typeof DraftReview>;
