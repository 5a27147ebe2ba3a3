/** Whole Norwegian kroner. Amounts are integers end to end: no floating-point drift. */
export type Nok = number;

export type MoneyErrorCode = 'empty' | 'negative' | 'not-a-number' | 'too-large' | 'fraction-of-krone';

export type MoneyParse = { ok: true; value: Nok } | { ok: false; error: MoneyErrorCode };

/**
 * Reads an amount as Norwegians type it: "750 000", "750.000", "750 000 kr", "kr 1,2 mill",
 * "1,5 millioner", "750k", "0,75 MNOK". Anything else is a clear error.
 */
export function parseMoney(_input: string): MoneyParse {
  throw new Error('not implemented');
}

/** "750 000 kr" (nb) / "NOK 750,000" (en). */
export function formatMoney(_value: Nok, _locale: 'nb' | 'en' = 'nb'): string {
  throw new Error('not implemented');
}
