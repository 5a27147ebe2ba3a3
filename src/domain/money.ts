/** Whole Norwegian kroner. Amounts are integers end to end: no floating-point drift. */
export type Nok = number;

export type MoneyErrorCode = 'empty' | 'negative' | 'not-a-number' | 'too-large' | 'fraction-of-krone';

export type MoneyParse = { ok: true; value: Nok } | { ok: false; error: MoneyErrorCode };

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
/** Digit groups of three with one consistent separator: "750 000", "750.000", "750,000", "1'500". */
const GROUPED = /^\d{1,3}(?:([ .,'])\d{3})(?:\1\d{3})*$/;
/** A whole part (plain or grouped) and a decimal part after ',' or '.', the mark unlike the separator. */
const DECIMAL = /^(\d{1,3}(?:([ .,'])\d{3})(?:\2\d{3})*|\d+)([,.])(\d+)$/;
/** With a unit, a lone '.' or ',' is always a decimal mark ("1.500 mill" is 1,5 million). */
const GROUPED_NO_POINT = /^\d{1,3}(?:([ '])\d{3})(?:\1\d{3})*$/;

/**
 * Reads an amount as Norwegians type it: "750 000", "750.000", "750 000 kr", "kr 1,2 mill",
 * "1,5 millioner", "750k", "0,75 MNOK". Anything else is a clear error. Never throws.
 * Readings of ambiguous forms are in docs/rules-engine.md.
 */
export function parseMoney(input: string): MoneyParse {
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

  const number = multiplier === 1n ? splitNumber(s, GROUPED) : splitNumber(s, GROUPED_NO_POINT);
  if (number === undefined) return fail('not-a-number');
  if (negative && /[1-9]/.test(number.whole + number.fraction)) return fail('negative');

  const scale = 10n ** BigInt(number.fraction.length);
  const scaled = (BigInt(number.whole) * scale + BigInt(number.fraction || '0')) * multiplier;
  if (scaled > BigInt(MAX_MONEY) * scale) return fail('too-large');
  if (scaled % scale !== 0n) return fail('fraction-of-krone');
  return { ok: true, value: Number(scaled / scale) };
}

function splitNumber(s: string, grouped: RegExp): { whole: string; fraction: string } | undefined {
  if (PLAIN.test(s)) return { whole: s, fraction: '' };
  if (grouped.test(s)) return { whole: s.replace(/\D/g, ''), fraction: '' };
  const m = DECIMAL.exec(s);
  if (!m || m[2] === m[3]) return undefined;
  return { whole: (m[1] ?? '').replace(/\D/g, ''), fraction: m[4] ?? '' };
}

function fail(error: MoneyErrorCode): MoneyParse {
  return { ok: false, error };
}

/**
 * "750 000 kr" (nb) / "NOK 750,000" (en). The nb thousands separator is a plain space (chat clients
 * render and copy it reliably; `parseMoney` reads it back). Throws for a non-integer.
 */
export function formatMoney(value: Nok, locale: 'nb' | 'en' = 'nb'): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not whole kroner: ${String(value)}`);
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.abs(value));
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return locale === 'en' ? `${sign}NOK ${groups.join(',')}` : `${sign}${groups.join(' ')} kr`;
}
