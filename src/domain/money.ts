/** Whole Norwegian kroner. Amounts are integers end to end: no floating-point drift. */
export type Nok = number;

export type MoneyErrorCode =
  | 'empty'
  | 'negative'
  | 'not-a-number'
  | 'too-large'
  | 'fraction-of-krone'
  /** A comma between thousands ("750,000", "1,234,567"): in Norwegian the comma is the decimal sign. */
  | 'comma-thousands';

export type MoneyParse = { ok: true; value: Nok } | { ok: false; error: MoneyErrorCode };

/** How typed amounts are read: `nb` (the default) as Norwegians type them; `en` also reads "750,000". */
export type MoneyLocale = 'nb' | 'en';

/** Larger amounts are typos, not budgets: no call in the region comes near a billion kroner. */
export const MAX_MONEY: Nok = 1_000_000_000;

const CURRENCY = String.raw`kr\.?|kroner|nok`;
const DASH_SUFFIX = /\s*[,.][-–—]$/;
const CURRENCY_PREFIX = new RegExp(`^(?:${CURRENCY})\\s*`);
/** Not after an 'm': "mnok" and "mkr" are millions, read as multipliers below. */
const CURRENCY_SUFFIX = new RegExp(`\\s*(?<!m)(?:${CURRENCY})$`);
const MINUS = /^[-−–]\s*/;
/** Multipliers as typed in chat; "mnok"/"mkr" carry the currency in them. */
const MULTIPLIERS: readonly [RegExp, bigint][] = [
  [/\s*(?:mrd\.?|milliard|milliarder|billion)$/, 1_000_000_000n],
  [/\s*(?:mnok|mkr|mill\.?|millioner|million|millions|mio\.?|mln\.?)$/, 1_000_000n],
  [/\s*(?:k|tusen|knok)$/, 1_000n],
];

const PLAIN = /^\d+$/;

/** The number grammar of one reading: which marks group thousands, and which mark decimals. */
interface Grammar {
  /** Digit groups of three with one consistent separator. */
  grouped: RegExp;
  /** A whole part (plain or grouped) and a decimal part after ',' or '.', the mark unlike the separator. */
  decimal: RegExp;
}

/**
 * Norwegian: space (also no-break), '.' and "'" group thousands; the comma is the decimal sign, always.
 * "1 234 567", "1.234.567", "1 200 000,00"; "1,234" is 1,234 kr (not whole kroner).
 */
const NB: Grammar = {
  grouped: /^\d{1,3}(?:([ .'])\d{3})(?:\1\d{3})*$/,
  decimal: /^(\d{1,3}(?:([ .'])\d{3})(?:\2\d{3})*|\d+)([,.])(\d+)$/,
};
/** English, opt-in: a comma groups thousands too ("NOK 750,000", "1,000,000.00"), as `formatMoney(n, 'en')` writes. */
const EN: Grammar = {
  grouped: /^\d{1,3}(?:([ .,'])\d{3})(?:\1\d{3})*$/,
  decimal: /^(\d{1,3}(?:([ .,'])\d{3})(?:\2\d{3})*|\d+)([,.])(\d+)$/,
};
/** With a unit, a lone '.' or ',' is always a decimal mark ("1.500 mill" is 1,5 million). */
const WITH_UNIT: Grammar = {
  grouped: /^\d{1,3}(?:([ '])\d{3})(?:\1\d{3})*$/,
  decimal: NB.decimal,
};
/** Commas between groups of three, as English writes thousands: "750,000", "1,234,567", "1,000.50". */
const COMMA_GROUPED = /^\d{1,3}((?:,\d{3})+)(\.\d+)?$/;

/**
 * Reads an amount as Norwegians type it: "750 000", "750.000", "750 000 kr", "kr 1,2 mill",
 * "1,5 millioner", "750k", "0,75 MNOK", "1 200 000,00". The comma is the decimal sign: "1,5" and
 * "1,234" are not whole kroner, and "750,000" / "1,234,567" are refused as `comma-thousands` rather
 * than read as 750 kr. With `locale` 'en' a comma may group thousands ("NOK 750,000").
 * Anything else is a clear error. Never throws. Readings of ambiguous forms are in docs/rules-engine.md.
 */
export function parseMoney(input: string, locale: MoneyLocale = 'nb'): MoneyParse {
  if (typeof input !== 'string') return fail('not-a-number');
  // \s covers the no-break and narrow no-break spaces Norwegian keyboards and Word put in numbers.
  let s = input.replace(/\s+/g, ' ').trim().toLowerCase();
  if (s === '') return fail('empty');

  let negative = false;
  for (let i = 0; i < 2; i++) {
    const before = s;
    s = s.replace(CURRENCY_PREFIX, '');
    if (MINUS.test(s)) {
      negative = true;
      s = s.replace(MINUS, '');
    }
    if (s === before) break;
  }
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s.replace(DASH_SUFFIX, '').replace(CURRENCY_SUFFIX, '');
    if (s === before) break;
  }
  let multiplier = 1n;
  for (const [pattern, factor] of MULTIPLIERS) {
    if (pattern.test(s)) {
      s = s.replace(pattern, '');
      multiplier = factor;
      break;
    }
  }
  s = s.trim();

  const grammar = multiplier !== 1n ? WITH_UNIT : locale === 'en' ? EN : NB;
  const number = splitNumber(s, grammar);
  if (number === undefined) return fail('not-a-number');
  if (negative && /[1-9]/.test(s)) return fail('negative');
  if (number === 'comma-thousands') return fail('comma-thousands');

  const scale = 10n ** BigInt(number.fraction.length);
  const scaled = (BigInt(number.whole) * scale + BigInt(number.fraction || '0')) * multiplier;
  if (scaled > BigInt(MAX_MONEY) * scale) return fail('too-large');
  if (scaled % scale !== 0n) return fail('fraction-of-krone');
  return { ok: true, value: Number(scaled / scale) };
}

function splitNumber(
  s: string,
  grammar: Grammar,
): { whole: string; fraction: string } | 'comma-thousands' | undefined {
  if (PLAIN.test(s)) return { whole: s, fraction: '' };
  if (grammar.grouped.test(s)) return { whole: s.replace(/\D/g, ''), fraction: '' };
  if (grammar === NB && commaThousands(s)) return 'comma-thousands';
  const m = grammar.decimal.exec(s);
  if (!m || m[2] === m[3]) return undefined;
  return { whole: (m[1] ?? '').replace(/\D/g, ''), fraction: m[4] ?? '' };
}

/**
 * Norwegian reading: "1,234" is 1,234 kr (refused later as not whole kroner). What cannot be a decimal
 * ("1,234,567", "1,234.50") or would silently be a thousandth of what was meant ("750,000" as 750 kr)
 * is refused as English-style grouping instead.
 */
function commaThousands(s: string): boolean {
  const m = COMMA_GROUPED.exec(s);
  if (!m) return false;
  const [, groups = '', decimals] = m;
  if (decimals !== undefined || groups.length > 4) return true;
  return /^,0+$/.test(groups) && !/^0+,/.test(s);
}

function fail(error: MoneyErrorCode): MoneyParse {
  return { ok: false, error };
}

/**
 * "750 000 kr" (nb) / "NOK 750,000" (en). The nb thousands separator is a plain space (chat clients
 * render and copy it reliably; `parseMoney` reads it back, and reads the en form back with locale 'en').
 * Throws for a non-integer.
 */
export function formatMoney(value: Nok, locale: 'nb' | 'en' = 'nb'): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not whole kroner: ${String(value)}`);
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.abs(value));
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return locale === 'en' ? `${sign}NOK ${groups.join(',')}` : `${sign}${groups.join(' ')} kr`;
}
