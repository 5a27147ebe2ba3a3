import { parseArgs } from 'node:util';
import { loadCatalog } from '../calls/load.ts';
import { type AmountInput, type AmountResult, type CostLine, computeAmount } from '../domain/amount.ts';
import type { Call, Locale } from '../domain/call.ts';
import { isMidlerError } from '../domain/errors.ts';
import { formatMoney, type MoneyErrorCode, parseMoney } from '../domain/money.ts';
import { t } from '../i18n/t.ts';
import { type CliOutput, failure, flag, success, usageError, value } from './output.ts';

export const USAGE = [
  'Usage: midlerbot amount --call ID --category CATEGORY --total NOK [--own NOK] [--other NOK]',
  '                        [--prior-awards N] [--line COST-TYPE=NOK ...] [--json] [--locale nb|en] [--calls DIR]',
  '  NOK is typed the Norwegian way: "750 000", "750.000", "1,2 mill", "750k", "0,75 MNOK";',
  '  the comma is the decimal sign ("1,5 mill" = 1 500 000 kr), so "1,234" is not whole kroner.',
  '  --line (repeatable) gives the budget as cost lines instead of --total; lines win when both are given.',
  '  --category may be left out when the call has only one. Exit 2: bad input; exit 1: unknown call or category.',
  '  -h, --help  this text.',
].join('\n');

const MONEY_PROBLEM: Record<MoneyErrorCode, string> = {
  empty: 'is empty',
  negative: 'is negative',
  'not-a-number': 'is not an amount',
  'too-large': 'is larger than 1 000 000 000 kr',
  'fraction-of-krone': 'is not whole kroner',
  'comma-thousands': 'has a comma between thousands, but in Norwegian the comma is the decimal sign',
};

/** A hint after the problem, with an example built from what was typed where that helps. */
function moneyHint(error: MoneyErrorCode, text: string): string {
  const typed = text.trim();
  if (error === 'comma-thousands') {
    const spaced = typed.replace(/(\d),(?=\d{3}(?!\d))/g, '$1 ');
    return ` Type "${spaced}" (or with "." between thousands).`;
  }
  if (error === 'fraction-of-krone') {
    const thousands = /^(.*?\d{1,3}),(\d{3})(\D*)$/.exec(typed);
    if (thousands)
      return ` In Norwegian the comma is the decimal sign; for thousands type "${thousands[1]} ${thousands[2]}${thousands[3]}" (or with ".").`;
    return ' Type whole kroner, e.g. "1 200 000" or "1,2 mill" (the comma is the decimal sign).';
  }
  if (error === 'not-a-number') return ' Type for example "1 200 000", "1.200.000", "1,2 mill" or "750k".';
  return '';
}

class BadInput extends Error {}

/** `midlerbot amount ...`: the allowable amount for a call and category, as JSON or for people. */
export async function run(args: string[]): Promise<CliOutput> {
  let options: ReturnType<typeof readOptions>;
  try {
    options = readOptions(args);
  } catch (e) {
    if (e instanceof BadInput) return usageError(e.message, USAGE);
    throw e;
  }

  let call: Call | undefined;
  let known: string[];
  try {
    const catalog = loadCatalog(options.callsDir);
    call = catalog.get(options.callId);
    known = catalog.calls.map((c) => c.id);
  } catch (e) {
    if (isMidlerError(e, 'call.invalid')) return failure(e.message);
    throw e;
  }
  if (!call) return failure(`Unknown call: ${options.callId}. Known calls: ${known.join(', ')}`);

  const categories = call.categories.map((c) => c.id);
  const category = options.category ?? (categories.length === 1 ? categories[0] : undefined);
  if (category === undefined)
    return usageError(`Missing --category (one of: ${categories.join(', ')}).`, USAGE);
  if (!categories.includes(category)) {
    return failure(
      `Unknown category for ${call.id}: ${category}. Known categories: ${categories.join(', ')}`,
    );
  }

  let result: AmountResult;
  try {
    result = computeAmount(call, { ...options.input, category });
  } catch (e) {
    if (isMidlerError(e, 'input.invalid')) return usageError(e.message, USAGE);
    throw e;
  }
  if (options.json)
    return success(JSON.stringify({ ...result, input: { ...options.input, category } }, null, 2));
  return success(explain(call, result, options.input, options.locale));
}

function readOptions(args: string[]) {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    // parseArgs' messages already name the option ("Unknown option '--x'").
    throw new BadInput((e as Error).message);
  }
  const v = parsed.values;
  if (parsed.positionals.length > 0) throw new BadInput(`Unexpected argument: ${parsed.positionals[0]}`);
  if (v.call === undefined) throw new BadInput('Missing --call ID.');
  if (v.total === undefined && (v.line ?? []).length === 0)
    throw new BadInput('Missing --total NOK (or --line).');
  const locale = v.locale ?? 'nb';
  if (locale !== 'nb' && locale !== 'en') throw new BadInput(`--locale must be nb or en, not ${locale}`);

  const input: Omit<AmountInput, 'category'> = {};
  if (v.total !== undefined) input.total = money('--total', v.total);
  if (v.own !== undefined) input.own = money('--own', v.own);
  if (v.other !== undefined) input.other = money('--other', v.other);
  if (v['prior-awards'] !== undefined) input.priorAwards = count('--prior-awards', v['prior-awards']);
  if (v.line !== undefined && v.line.length > 0) input.lines = v.line.map(costLine);
  return {
    callId: v.call,
    category: v.category,
    input,
    json: v.json === true,
    locale: locale as Locale,
    callsDir: v.calls ?? 'calls',
  };
}

const OPTIONS_WITH_VALUES = new Set([
  '--call',
  '--category',
  '--total',
  '--own',
  '--other',
  '--prior-awards',
  '--line',
  '--locale',
  '--calls',
]);

/**
 * `--total -5`: parseArgs would take "-5" for an option and refuse it as ambiguous. A value that
 * starts with a dash and then a digit is the option's value, so the money parser can say "negative".
 */
function attachDashValues(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    if (OPTIONS_WITH_VALUES.has(arg) && next !== undefined && /^-\s*[\d.,]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function parse(args: string[]) {
  return parseArgs({
    args: attachDashValues(args),
    strict: true,
    allowPositionals: true,
    options: {
      call: value,
      category: value,
      total: value,
      own: value,
      other: value,
      'prior-awards': value,
      line: { ...value, multiple: true },
      json: flag,
      locale: value,
      calls: value,
    },
  });
}

function money(option: string, text: string): number {
  const parsed = parseMoney(text);
  if (!parsed.ok)
    throw new BadInput(`${option} "${text}" ${MONEY_PROBLEM[parsed.error]}.${moneyHint(parsed.error, text)}`);
  return parsed.value;
}

function count(option: string, text: string): number {
  if (!/^\s*\d+\s*$/.test(text)) throw new BadInput(`${option} "${text}" is not a whole number, 0 or more.`);
  return Number(text);
}

/** `COST-TYPE=NOK`, e.g. `project-personnel=300 000`; the cost type is also the line's label. */
function costLine(text: string): CostLine {
  const at = text.indexOf('=');
  if (at <= 0) throw new BadInput(`--line "${text}" should be COST-TYPE=NOK.`);
  const costType = text.slice(0, at).trim();
  return { label: costType, costType, amount: money(`--line ${costType}`, text.slice(at + 1)) };
}

function explain(call: Call, r: AmountResult, input: Omit<AmountInput, 'category'>, locale: Locale): string {
  const kr = (n: number) => formatMoney(n, locale);
  const category = call.categories.find((c) => c.id === r.category);
  const facts: [string, string][] = [
    [t(locale, 'amount.fact.eligible-total'), kr(r.eligibleTotal)],
    [t(locale, 'amount.fact.own-required', { percent: r.ownFinancingPercent }), kr(r.requiredOwnFinancing)],
  ];
  if (input.own !== undefined) facts.push([t(locale, 'amount.fact.own-declared'), kr(input.own)]);
  if (r.ownFinancingShortfall > 0)
    facts.push([t(locale, 'amount.fact.shortfall'), kr(r.ownFinancingShortfall)]);
  facts.push(
    r.cap === null ? [t(locale, 'amount.fact.no-cap'), ''] : [t(locale, 'amount.fact.cap'), kr(r.cap)],
    [t(locale, 'amount.fact.max'), kr(r.maxRequest)],
  );
  const width = Math.max(...facts.map(([label]) => label.length));
  const out = [
    `${call.title[locale]} — ${category?.name[locale] ?? r.category}`,
    r.maxRequest > 0
      ? t(locale, 'amount.result.title', { max: kr(r.maxRequest) })
      : t(locale, 'amount.result.nothing'),
    '',
    ...facts.map(
      ([label, value]) => `  ${value === '' ? label : `${`${label}:`.padEnd(width + 1)}  ${value}`}`,
    ),
    '',
    `${t(locale, 'amount.binds')}: ${t(locale, `amount.binding.${r.binding}`)}`,
  ];
  if (r.ineligibleLines.length > 0) {
    out.push('', `${t(locale, 'amount.ineligible')}:`);
    for (const l of r.ineligibleLines) {
      out.push(
        `  - ${t(locale, 'amount.ineligible-line', { label: l.label, amount: kr(l.amount) })} (${l.reason.ruleId})`,
      );
    }
  }
  out.push('', `${t(locale, 'amount.rules')}:`);
  for (const reason of r.reasons) {
    out.push(
      `  - ${reason.text[locale]}`,
      `    «${reason.cite.quote}» (${reason.cite.callId}, ${reason.ruleId})`,
    );
  }
  if (r.alternatives.length > 0) {
    out.push('', `${t(locale, 'amount.alternatives')}:`, ...r.alternatives.map((a) => `  - ${a[locale]}`));
  }
  return out.join('\n');
}
