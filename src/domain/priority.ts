import type { PriorityAreaData } from './call-schema.ts';
import type { Call } from './call.ts';

export interface PriorityMatch {
  /** Areas the project touches, prioritised first. */
  matched: PriorityAreaData[];
  /** Areas of the category the project does not touch. */
  others: PriorityAreaData[];
  /** True when the category has no priority areas at all (innovation: product). */
  noneDefined: boolean;
}

/** The call's priority areas that apply to a category. */
export function priorityAreasFor(_call: Call, _category?: string): PriorityAreaData[] {
  throw new Error('not implemented');
}

/** Which priority areas a project touches, from the ids the user picked. Unknown ids are ignored. */
export function matchPriorityAreas(_call: Call, _category: string | undefined, _chosen: string[]): PriorityMatch {
  throw new Error('not implemented');
}
