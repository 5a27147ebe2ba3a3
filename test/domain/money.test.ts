import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, MAX_MONEY, type MoneyErrorCode, parseMoney } from '../../src/domain/money.ts';

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';

describe('parseMoney reads amounts as Norwegians type them', () => {
  it.each([
    ['750 000', 750_000],
    [`750${NBSP}000`, 750_000],
    [`750${NARROW_NBSP}000`, 750_000],
    ['750.000', 750_000],
    ['750000', 750_000],
    ['750 000 kr', 750_000],
    ['750 000 kroner', 750_000],
    ['kr 750 000', 750_000],
    ['kr. 750 000,-', 750_000],
    ['kr 1,2 mill', 1_200_000],
    ['1,5 millioner', 1_500_000],
    ['1.5 million', 1_500_000],
    ['1 mill. kr', 1_000_000],
    ['2 mill', 2_000_000],
    ['1,25 mio', 1_250_000],
    ['750k', 750_000],
    ['750 k', 750_000],
    ['750 tusen', 750_000],
    ['0,5k', 500],
    ['1 mrd', 1_000_000_000],
    ['0,75 MNOK', 750_000],
    ['1,2 MNOK', 1_200_000],
    ['NOK 750000', 750_000],
    ['750 000 NOK', 750_000],
    ['750,-', 750],
    ['750.000,-', 750_000],
    ['1 234 567', 1_234_567],
    ['1.234.567', 1_234_567],
    ["1'234'567", 1_234_567],
    ['1.500', 1_500],
    ['750,00', 750],
    ['1.000.000,00', 1_000_000],
    ['1 000 000,0', 1_000_000],
    ['1 200 000,00', 1_200_000],
    ['kr 1 200 000,-', 1_200_000],
    ['1,500 mill', 1_500_000],
    ['0,000', 0],
    ['1 000,000', 1_000],
    ['1.500 mill', 1_500_000],
    ['0', 0],
    ['-0', 0],
    ['  350 000  ', 350_000],
    ['1 000 000 000', 1_000_000_000],
  ])('%j is %d', (input, value) => {
    expect(parseMoney(input)).toEqual({ ok: true, value });
  });

  it.each<[string, MoneyErrorCode]>([
    ['', 'empty'],
    ['   ', 'empty'],
    [NBSP, 'empty'],
    ['-750', 'negative'],
    ['−750 000 kr', 'negative'],
    ['kr -1,2 mill', 'negative'],
    ['abc', 'not-a-number'],
    ['kr', 'not-a-number'],
    ['mill', 'not-a-number'],
    ['12abc', 'not-a-number'],
    ['sju hundre tusen', 'not-a-number'],
    ['1e6', 'not-a-number'],
    ['75 00', 'not-a-number'],
    ['1.500.5', 'not-a-number'],
    ['1,2,3', 'not-a-number'],
    ['750 000 kr kr kr kr', 'not-a-number'],
    ['- abc', 'not-a-number'],
    ['Infinity', 'not-a-number'],
    ['NaN', 'not-a-number'],
    ['1,5', 'fraction-of-krone'],
    ['1,25', 'fraction-of-krone'],
    // The comma is the decimal sign: 1,234 is 1.234 kr, not 1 234 kr.
    ['1,234', 'fraction-of-krone'],
    ['1,500', 'fraction-of-krone'],
    ['1,234 kr', 'fraction-of-krone'],
    // English-style grouping is refused, never read as a thousandth of what was meant.
    ['750,000', 'comma-thousands'],
    ['NOK 750,000', 'comma-thousands'],
    ['1,000', 'comma-thousands'],
    ['1,234,567', 'comma-thousands'],
    ['1,000,000.00', 'comma-thousands'],
    ['1,234.50', 'comma-thousands'],
    ['-750,000', 'negative'],
    ['750,50', 'fraction-of-krone'],
    ['1.5', 'fraction-of-krone'],
    ['1,2345678 mill', 'fraction-of-krone'],
    ['1 000 000 001', 'too-large'],
    ['1,1 mrd', 'too-large'],
    ['2 000 mill', 'too-large'],
    ['99999999999999999999999999', 'too-large'],
  ])('%j is refused: %s', (input, error) => {
    expect(parseMoney(input)).toEqual({ ok: false, error });
  });
});

describe("parseMoney(…, 'en') also reads a comma between thousands", () => {
  it.each([
    ['NOK 750,000', 750_000],
    ['750,000', 750_000],
    ['1,234', 1_234],
    ['1,234,567', 1_234_567],
    ['1,000,000.00', 1_000_000],
    ['1 200 000', 1_200_000],
    ['1.234.567', 1_234_567],
    ['1,2 mill', 1_200_000],
    ['1.5 million', 1_500_000],
  ])('%j is %d', (input, value) => {
    expect(parseMoney(input, 'en')).toEqual({ ok: true, value });
  });

  it.each<[string, MoneyErrorCode]>([
    ['1,5', 'fraction-of-krone'],
    ['1,234.5', 'fraction-of-krone'],
    ['1,2,3', 'not-a-number'],
    ['-750,000', 'negative'],
  ])('%j is refused: %s', (input, error) => {
    expect(parseMoney(input, 'en')).toEqual({ ok: false, error });
  });
});

describe('formatMoney', () => {
  it.each([
    [0, '0 kr', 'NOK 0'],
    [999, '999 kr', 'NOK 999'],
    [1_000, '1 000 kr', 'NOK 1,000'],
    [750_000, '750 000 kr', 'NOK 750,000'],
    [1_234_567, '1 234 567 kr', 'NOK 1,234,567'],
    [-350_000, '-350 000 kr', '-NOK 350,000'],
  ])('%d is %j (nb) and %j (en)', (value, nb, en) => {
    expect(formatMoney(value)).toBe(nb);
    expect(formatMoney(value, 'nb')).toBe(nb);
    expect(formatMoney(value, 'en')).toBe(en);
  });

  it('refuses what is not whole kroner', () => {
    expect(() => formatMoney(1.5)).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN)).toThrow(RangeError);
  });
});

describe('money properties', () => {
  const amount = fc.integer({ min: 0, max: MAX_MONEY });

  it('format then parse gives the same amount, in both locales', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom<'nb' | 'en'>('nb', 'en'), (n, locale) => {
        expect(parseMoney(formatMoney(n, locale), locale)).toEqual({ ok: true, value: n });
      }),
      { numRuns: 2_000 },
    );
  });

  it('parse never throws, whatever is typed', () => {
    const typed = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[-−]?(?:kr|nok)? ?[\d .,']{0,16} ?(?:k|mill|mnok|kr|,-)?$/),
    );
    fc.assert(
      fc.property(typed, (s) => {
        const r = parseMoney(s);
        if (r.ok) expect(Number.isSafeInteger(r.value) && r.value >= 0 && r.value <= MAX_MONEY).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });

  it('every thousands separator reads the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: MAX_MONEY }), (n) => {
        const groups = formatMoney(n, 'nb').replace(' kr', '').split(' ');
        const variants = [' ', '.', NBSP, NARROW_NBSP, "'"].map((sep) => groups.join(sep));
        for (const v of [
          ...variants,
          groups.join(''),
          `${groups.join(' ')} kr`,
          `kr ${groups.join('.')},-`,
        ]) {
          expect(parseMoney(v)).toEqual({ ok: true, value: n });
        }
        expect(parseMoney(groups.join(','), 'en')).toEqual({ ok: true, value: n });
        expect(parseMoney(groups.join(','))).toMatchObject({ ok: false });
      }),
      { numRuns: 1_000 },
    );
  });

  it('without a unit the comma is always the decimal sign: whole kroner or refused', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.oneof(fc.constantFrom('0', '00', '000'), fc.stringMatching(/^\d{1,3}$/)),
        (whole, decimals) => {
          const r = parseMoney(`${formatMoney(whole).replace(' kr', '')},${decimals}`);
          if (!/^0+$/.test(decimals)) expect(r).toEqual({ ok: false, error: 'fraction-of-krone' });
          // "750,000": 750 kr to a Norwegian, 750 000 to an English reader; refused, not guessed.
          else if (decimals.length === 3 && whole > 0 && whole < 1000)
            expect(r).toEqual({ ok: false, error: 'comma-thousands' });
          else expect(r).toEqual({ ok: true, value: whole });
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('a whole number of millions or thousands reads with a unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 99 }), (m, hundredths) => {
        const decimals = String(hundredths).padStart(2, '0');
        const expected = m * 1_000_000 + hundredths * 10_000;
        if (expected > MAX_MONEY) return;
        expect(parseMoney(`${m},${decimals} mill`)).toEqual({ ok: true, value: expected });
        expect(parseMoney(`${m}.${decimals} MNOK`)).toEqual({ ok: true, value: expected });
        expect(parseMoney(`${m * 1000 + hundredths * 10}k`)).toEqual({ ok: true, value: expected });
      }),
    );
  });
});
