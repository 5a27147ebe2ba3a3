import type { Text } from './call-schema.ts';
import type { Call } from './call.ts';
import type { Reason } from './eligibility.ts';
import type { Nok } from './money.ts';

export interface CostLine {
  label: string;
  amount: Nok;
  costType: string;
}

export interface AmountInput {
  category: string;
  /** Either a total eligible budget or cost lines (lines win when both are given). */
  total?: Nok;
  lines?: CostLine[];
  own?: Nok;
  other?: Nok;
  priorAwards?: number;
}

/** Which rule limits the amount. */
export type Binding = 'cap' | 'own-financing' | 'budget' | 'award-limit';

export interface IneligibleLine extends CostLine {
  reason: Reason;
}

export interface AmountResult {
  callId: string;
  category: string;
  /** Sum of the eligible budget. */
  eligibleTotal: Nok;
  /** The largest amount one may request (0 when nothing may be requested). */
  maxRequest: Nok;
  /** ceil(percent x eligible total). */
  requiredOwnFinancing: Nok;
  ownFinancingPercent: number;
  /** Declared own financing below the requirement (0 when enough or not declared). */
  ownFinancingShortfall: Nok;
  cap: Nok | null;
  binding: Binding;
  ineligibleLines: IneligibleLine[];
  /** Each rule applied, with its citation, in the order they matter. */
  reasons: Reason[];
  /** Hints such as "transfer: up to 350 000 kr without own financing". */
  alternatives: Text[];
}

/** The allowable amount under the call's rules. Throws MidlerError('category.not-found') for bad categories. */
export function computeAmount(_call: Call, _input: AmountInput): AmountResult {
  throw new Error('not implemented');
}
