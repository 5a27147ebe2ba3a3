import type { Call } from './call.ts';
import { requireCategory } from './call-lookup.ts';
import type { PriorityAreaData } from './call-schema.ts';

export interface PriorityMatch {
  /** Areas the project touches, prioritised first. */
  matched: PriorityAreaData[];
  /** Areas of the category the project does not touch. */
  others: PriorityAreaData[];
  /** True when the category has no priority areas at all (innovation: product). */
  noneDefined: boolean;
}

/**
 * The call's priority areas that apply to a category, in the call's order. An area without
 * `categories` applies to every category; with no category given, every area of the call.
 * Throws MidlerError('category.not-found') for an unknown category.
 */
export function priorityAreasFor(call: Call, category?: string): PriorityAreaData[] {
  if (category === undefined) return [...call.priorityAreas];
  requireCategory(call, category);
  return call.priorityAreas.filter((a) => a.categories === undefined || a.categories.includes(category));
}

/** Which priority areas a project touches, from the ids the user picked. Unknown ids are ignored. */
export function matchPriorityAreas(
  call: Call,
  category: string | undefined,
  chosen: string[],
): PriorityMatch {
  const areas = priorityAreasFor(call, category);
  const picked = new Set(chosen);
  const touched = areas.filter((a) => picked.has(a.id));
  // `prioritised` weighs more in the assessment than `encouraged`, so it is listed first.
  const matched = [
    ...touched.filter((a) => a.level === 'prioritised'),
    ...touched.filter((a) => a.level !== 'prioritised'),
  ];
  return { matched, others: areas.filter((a) => !picked.has(a.id)), noneDefined: areas.length === 0 };
}
