import { computeAmount } from '../src/domain/amount.ts';
import type { Call } from '../src/domain/call.ts';
import type { Catalog } from '../src/domain/catalog.ts';
import { type EligibilityInput, evaluateEligibility } from '../src/domain/eligibility.ts';
import { parseMoney } from '../src/domain/money.ts';
import { planReminders } from '../src/domain/reminder-plan.ts';
import { buildTimeline } from '../src/domain/timeline.ts';
import type { Subscription } from '../src/store/store.ts';
import type { BenchOptions } from './options.ts';
import { type Row, timeSequential } from './stats.ts';

/** Amounts as people type them in chat, valid and not, so every branch of the parser is walked. */
const MONEY_INPUTS = [
  '750 000',
  '750.000',
  '750 000 kr',
  'kr 1,2 mill',
  '1,5 millioner',
  '750k',
  '0,75 MNOK',
  'NOK 350,000',
  '1 000 000,-',
  '12',
  'femti',
  '-5 000',
  '1,5',
  '',
  '3 mrd',
];

/** A full set of answers to the innovation call (service category) that ends with a verdict. */
const INNOVATION_ANSWERS: EligibilityInput = {
  category: 'service',
  answers: {
    trust: 'st-olavs-hospital',
    'position-share': 60,
    'prior-awards': 1,
    'own-financing': 'yes',
    'clinic-chief-anchoring': 'not-yet',
    'large-equipment': 'no',
    'project-end-date': '2023-11-30',
  },
};

const AT = new Date('2022-09-15T10:00:00Z');
const DAY_MS = 86_400_000;

export function requireCall(catalog: Catalog, id: string): Call {
  const call = catalog.get(id);
  if (!call)
    throw new Error(`bench: call ${id} not in the catalog (have: ${catalog.calls.map((c) => c.id)})`);
  return call;
}

/** Channel subscriptions as a region would have them: every trust, both calls, some custom schedules. */
function subscriptions(catalog: Catalog, count: number): Subscription[] {
  const trusts = [undefined, 'st-olavs-hospital', 'helse-more-og-romsdal', 'hemit'];
  return Array.from({ length: count }, (_, i) => ({
    conversationKey: `teams:19:bench-channel-${i}@thread.tacv2`,
    platform: i % 2 === 0 ? 'teams' : 'slack',
    callIds: catalog.calls.map((c) => c.id),
    daysBefore: i % 3 === 0 ? [30, 14, 7, 1] : [],
    timeOfDay: i % 5 === 0 ? '08:30' : '',
    paused: i % 17 === 0,
    ...(trusts[i % trusts.length] ? { trust: trusts[i % trusts.length] } : {}),
    updatedAt: AT.toISOString(),
    updatedBy: 'bench',
  }));
}

/** Pure functions: no I/O, so these rows are the floor under every chat turn. */
export async function domainRows(catalog: Catalog, options: BenchOptions): Promise<Row[]> {
  const innovation = requireCall(catalog, 'innovasjon-2023');
  const safety = requireCall(catalog, 'pasientsikkerhet-2023-2024');
  const verdict = evaluateEligibility(innovation, INNOVATION_ANSWERS).verdict;
  if (verdict !== 'eligible-with-todos') {
    throw new Error(`bench: the scripted answers no longer reach a verdict (got ${verdict}); update bench`);
  }
  const { domainN: n, budgetMs } = options;
  const rows: Row[] = [];
  rows.push(
    await timeSequential('domain', `parseMoney (${MONEY_INPUTS.length} input mix)`, n, budgetMs, (i) =>
      parseMoney(MONEY_INPUTS[i % MONEY_INPUTS.length] ?? ''),
    ),
  );
  rows.push(
    await timeSequential('domain', 'computeAmount (cost lines)', n, budgetMs, (i) =>
      computeAmount(innovation, {
        category: i % 2 === 0 ? 'service' : 'product',
        lines: [
          { label: 'Prosjektleder', amount: 400_000 + (i % 100) * 1_000, costType: 'project-personnel' },
          { label: 'Utstyr', amount: 120_000, costType: 'project-equipment' },
          { label: 'Reiser', amount: 35_000, costType: 'other-project-costs' },
        ],
        own: 150_000,
        priorAwards: i % 4,
      }),
    ),
  );
  rows.push(
    await timeSequential('domain', 'evaluateEligibility (full answers)', n, budgetMs, () =>
      evaluateEligibility(innovation, INNOVATION_ANSWERS),
    ),
  );
  rows.push(
    await timeSequential('domain', 'buildTimeline', n, budgetMs, (i) =>
      buildTimeline(i % 2 === 0 ? innovation : safety, new Date(AT.getTime() + (i % 400) * DAY_MS), 'hemit'),
    ),
  );
  const subs = subscriptions(catalog, options.quick ? 20 : 100);
  const days = Math.min(365, n);
  rows.push(
    await timeSequential(
      'domain',
      `planReminders (${subs.length} subs, one plan per day of a year)`,
      days,
      budgetMs,
      (i) =>
        planReminders({
          calls: catalog.calls,
          subscriptions: subs,
          applications: [],
          now: new Date(AT.getTime() + (i % 365) * DAY_MS),
        }),
    ),
  );
  return rows;
}
