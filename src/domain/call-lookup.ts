import type { Call, Citation } from './call.ts';
import type { CategoryData, RuleData, Text } from './call-schema.ts';
import { MidlerError } from './errors.ts';

/** The category, or MidlerError('category.not-found') naming the ones the call has. */
export function requireCategory(call: Call, categoryId: string): CategoryData {
  const category = call.categories.find((c) => c.id === categoryId);
  if (category) return category;
  const known = call.categories.map((c) => c.id);
  throw new MidlerError(
    'category.not-found',
    `unknown category "${categoryId}" in call ${call.id}; known: ${known.join(', ')}`,
    { details: { callId: call.id, category: categoryId, known } },
  );
}

/** A rule by id. The loader has checked every reference, so a miss is a broken call object. */
export function requireRule(call: Call, ruleId: string): RuleData {
  const rule = call.rules.find((r) => r.id === ruleId);
  if (!rule) throw new MidlerError('call.invalid', `call ${call.id} has no rule "${ruleId}"`);
  return rule;
}

/** The shape of eligibility's `Reason`, kept here so this helper imports nothing that imports it. */
export interface RuleReason {
  ruleId: string;
  questionId?: string;
  text: Text;
  cite: Citation;
}

/** A rule as a reason a person can check: its plain words and its quote from the call text. */
export function ruleReason(call: Call, ruleId: string, questionId?: string): RuleReason {
  const rule = requireRule(call, ruleId);
  return {
    ruleId,
    ...(questionId === undefined ? {} : { questionId }),
    text: rule.text,
    cite: { callId: call.id, quote: rule.cite.quote },
  };
}

/**
 * Whether the call sets a rule on the amount of this category: a cap or an own-financing share.
 * Where it sets none (patient safety), the bot neither invents a limit nor asks for an amount or own
 * financing before the leaders are asked (docs/calls.md, "amounts").
 */
export function hasAmountRule(category: CategoryData | undefined): boolean {
  return category !== undefined && (category.maxAmount !== undefined || category.ownFinancingPercent > 0);
}

/** Own financing is asked only where the call requires a share of it. */
export function asksOwnFinancing(category: CategoryData | undefined): boolean {
  return (category?.ownFinancingPercent ?? 0) > 0;
}

/** What the call text says on a note's topic: its rule's sentence and quote, when the call has the note. */
export function noteSays(call: Call, topic: string): { text: Text; quote: string } | undefined {
  const note = call.notes.find((n) => n.topic === topic);
  const rule = note && call.rules.find((r) => r.id === note.rule);
  return rule ? { text: rule.text, quote: rule.cite.quote } : undefined;
}
