import { z } from 'zod';

/**
 * What the question search reads besides the call files themselves: the call texts
 * (`calls/sources/`) and the synonym groups (`calls/search/synonyms.yaml`). Loaded by src/calls/
 * with the calls and handed to the core as data; a catalog built in memory has none and still
 * answers from its call data.
 */
export interface Knowledge {
  /** Each call's text, by call id. */
  readonly sources: Readonly<Record<string, string>>;
  /** Groups of words and phrases that mean the same, in any language. */
  readonly synonyms: readonly (readonly string[])[];
}

export const EMPTY_KNOWLEDGE: Knowledge = { sources: {}, synonyms: [] };

/** `calls/search/synonyms.yaml`. */
export const SynonymFile = z
  .object({
    groups: z.array(z.array(z.string().min(1)).min(2, 'a synonym group needs at least two members')),
  })
  .strict();

/** One question of a question set (`calls/questions/<call-id>.yaml`), see docs/questions.md. */
export const SetQuestion = z
  .object({
    q: z.string().min(2),
    lang: z.enum(['nb', 'en']),
    /** The topic whose quote the answer must carry: a rule id, `milestone:<id>`, `none` … */
    expect: z.string().min(2),
    /** Words the answer must state outside the quote. */
    facts: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
    /** The question names no call, and the answer must cover every call. */
    both: z.boolean().default(false),
  })
  .strict();
export type SetQuestion = z.infer<typeof SetQuestion>;

export const QuestionSetFile = z.object({ questions: z.array(SetQuestion).min(1) }).strict();

/** A question set entry with the call it belongs to and whether it is held out from tuning. */
export interface QuestionCase extends SetQuestion {
  callId: string;
  heldOut: boolean;
}
