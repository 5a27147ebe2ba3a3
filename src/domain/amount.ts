import type { Call } from './call.ts';
import { requireCategory, ruleReason } from './call-lookup.ts';
import type { CategoryData, Text } from './call-schema.ts';
import { alternativesFor, type Reason } from './eligibility.ts';
import { MidlerError } from './errors.ts';
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

/** Which of a category's rules explains which limit, read from the rule ids (see docs/rules-engine.md). */
export interface CategoryRules {
  cap?: string;
  ownFinancing?: string;
  awardLimit?: string;
  /** The category's other rules: what the money may be used for. */
  general: string[];
}

export function categoryRules(category: CategoryData): CategoryRules {
  const out: CategoryRules = { general: [] };
  for (const id of category.rules) {
    if (out.awardLimit === undefined && /award|tildeling/.test(id)) out.awardLimit = id;
    else if (out.ownFinancing === undefined && /own-financing|egenfinans/.test(id)) out.ownFinancing = id;
    else if (out.cap === undefined && /cap|max-amount|maks|tak/.test(id)) out.cap = id;
    else out.general.push(id);
  }
  return out;
}

/**
 * The allowable amount under the call's rules:
 *   maxRequest = max(0, min(cap, eligibleTotal − max(own, ceil(pct × eligibleTotal / 100)) − other)),
 * and 0 once the category's award limit is reached. Whole kroner throughout.
 * Throws MidlerError('category.not-found') for bad categories, MidlerError('input.invalid') for bad input.
 */
export function computeAmount(call: Call, input: AmountInput): AmountResult {
  const category = requireCategory(call, input.category);
  const rules = categoryRules(category);
  const own = optionalKroner('own', input.own);
  const other = optionalKroner('other', input.other) ?? 0;
  const priorAwards = count('priorAwards', input.priorAwards);
  const { eligibleTotal, ineligibleLines } = eligibleBudget(call, category, input);

  const pct = category.ownFinancingPercent;
  const requiredOwnFinancing = ceilDiv(pct * eligibleTotal, 100);
  const ownFinancingShortfall =
    own !== undefined && own < requiredOwnFinancing ? requiredOwnFinancing - own : 0;
  const cap = category.maxAmount ?? null;
  const room = eligibleTotal - Math.max(own ?? 0, requiredOwnFinancing) - other;
  const awardLimitReached = category.maxAwards !== undefined && priorAwards >= category.maxAwards;

  // A tie between the cap and the budget is the cap: it is the number the call text names.
  const binding: Binding = awardLimitReached
    ? 'award-limit'
    : cap !== null && cap <= room
      ? 'cap'
      : pct > 0 && requiredOwnFinancing > 0 && requiredOwnFinancing >= (own ?? 0)
        ? 'own-financing'
        : 'budget';
  const maxRequest = awardLimitReached ? 0 : Math.max(0, cap === null ? room : Math.min(cap, room));

  const reasons = orderedReasons(call, rules, binding, ineligibleLines, {
    pct,
    cap,
    hasAwardLimit: category.maxAwards !== undefined,
  });
  const trouble = reasons.filter(
    (r) =>
      (r.ruleId === rules.awardLimit && binding === 'award-limit') ||
      (r.ruleId === rules.ownFinancing && (binding === 'own-financing' || ownFinancingShortfall > 0)) ||
      ineligibleLines.some((l) => l.reason.ruleId === r.ruleId),
  );
  // Only what the call file says would help; another category is no way around a requirement (issue 15).
  const alternatives = alternativesFor(call, trouble);

  return {
    callId: call.id,
    category: category.id,
    eligibleTotal,
    maxRequest,
    requiredOwnFinancing,
    ownFinancingPercent: pct,
    ownFinancingShortfall,
    cap,
    binding,
    ineligibleLines,
    reasons,
    alternatives,
  };
}

function eligibleBudget(
  call: Call,
  category: CategoryData,
  input: AmountInput,
): { eligibleTotal: Nok; ineligibleLines: IneligibleLine[] } {
  if (input.lines === undefined || input.lines.length === 0) {
    const total = optionalKroner('total', input.total);
    if (total === undefined) throw new MidlerError('input.invalid', 'give a total budget or cost lines');
    return { eligibleTotal: total, ineligibleLines: [] };
  }
  let eligibleTotal = 0;
  const ineligibleLines: IneligibleLine[] = [];
  for (const line of input.lines) {
    kroner(`line "${line.label}"`, line.amount);
    const type = call.costTypes.find((c) => c.id === line.costType);
    if (!type || (type.categories && !type.categories.includes(category.id))) {
      const known = call.costTypes
        .filter((c) => !c.categories || c.categories.includes(category.id))
        .map((c) => c.id);
      throw new MidlerError(
        'input.invalid',
        `unknown cost type "${line.costType}"; known: ${known.join(', ')}`,
        {
          details: { costType: line.costType, known },
        },
      );
    }
    if (type.eligible) eligibleTotal += line.amount;
    else {
      const reason: Reason = type.rule
        ? ruleReason(call, type.rule)
        : { ruleId: type.id, text: type.label, cite: { callId: call.id, quote: '' } };
      ineligibleLines.push({ ...line, reason });
    }
  }
  return { eligibleTotal: kroner('eligible total', eligibleTotal), ineligibleLines };
}

/** Binding rule first, then what made lines ineligible, then the other limits, then the general rules. */
function orderedReasons(
  call: Call,
  rules: CategoryRules,
  binding: Binding,
  lines: readonly IneligibleLine[],
  applies: { pct: number; cap: Nok | null; hasAwardLimit: boolean },
): Reason[] {
  const bindingRule = {
    'award-limit': rules.awardLimit,
    cap: rules.cap,
    'own-financing': rules.ownFinancing,
    budget: undefined,
  }[binding];
  const ids = [
    bindingRule,
    ...lines.map((l) => l.reason.ruleId),
    applies.cap !== null ? rules.cap : undefined,
    applies.pct > 0 ? rules.ownFinancing : undefined,
    applies.hasAwardLimit ? rules.awardLimit : undefined,
    ...rules.general,
  ];
  const seen = new Set<string>();
  const out: Reason[] = [];
  for (const id of ids) {
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    const fromLine = lines.find((l) => l.reason.ruleId === id);
    out.push(fromLine ? fromLine.reason : ruleReason(call, id));
  }
  return out;
}

function ceilDiv(a: number, b: number): number {
  const rest = a % b;
  return rest === 0 ? a / b : (a - rest) / b + 1;
}

function kroner(what: string, value: number): Nok {
  // pct × total must stay exact, so totals stay well inside the safe-integer range.
  if (!Number.isSafeInteger(value) || value < 0 || value * 100 > Number.MAX_SAFE_INTEGER) {
    throw new MidlerError(
      'input.invalid',
      `${what}: expected whole kroner, 0 or more (got ${String(value)})`,
      {
        details: { field: what, value },
      },
    );
  }
  return value;
}

function count(what: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new MidlerError(
      'input.invalid',
      `${what}: expected a whole number, 0 or more (got ${String(value)})`,
      {
        details: { field: what, value },
      },
    );
  }
  return value;
}

function optionalKroner(what: string, value: number | undefined): Nok | undefined {
  return value === undefined ? undefined : kroner(what, value);
}
