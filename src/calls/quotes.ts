/** A `quote` field somewhere in a call file, with the path that leads to it. */
export interface FoundQuote {
  path: (string | number)[];
  quote: string;
}

/** Every quote in a call file, depth first in file order. */
export function findQuotes(value: unknown, path: (string | number)[] = []): FoundQuote[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => findQuotes(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'quote' && typeof v === 'string'
      ? [{ path: [...path, key], quote: v }]
      : findQuotes(v, [...path, key]),
  );
}

/** Line breaks, runs of spaces and no-break spaces in the call text all count as one space. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
