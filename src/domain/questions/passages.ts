/**
 * The call text cut into passages the search can point at: a sentence, or a bullet with the
 * bullets nested under it, or a line ending in ":" with the bullets that follow it.
 */

/** Runs of white space (line breaks, no-break spaces) as one space. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** For comparing quotes: squashed, lowercased, without the punctuation at either end. */
export function quoteKey(text: string): string {
  return squash(text)
    .toLowerCase()
    .replace(/^[\s,.;:!?«»"']+|[\s,.;:!?«»"']+$/g, '');
}

/** True when one quote lies within the other (the call files quote the same passage in parts). */
export function overlaps(a: string, b: string): boolean {
  const x = quoteKey(a);
  const y = quoteKey(b);
  return x.length >= 3 && y.length >= 3 && (x.includes(y) || y.includes(x));
}

const NESTED = /^\s{2,}•/;
const BULLET = /^\s*•/;

/** The passages of a call text, in order. */
export function passagesOf(text: string): string[] {
  const units: string[][] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    const last = units.at(-1);
    const opener = last?.[0]?.trim() ?? '';
    const listFollows = last !== undefined && (opener.endsWith(':') || BULLET.test(last[0] ?? ''));
    if (last && NESTED.test(raw)) last.push(raw);
    else if (last && BULLET.test(raw) && opener.endsWith(':') && listFollows) last.push(raw);
    else units.push([raw]);
  }
  return units.flatMap((unit) => {
    const [first = '', ...list] = unit;
    if (BULLET.test(first)) return [squash(unit.join(' '))];
    // One passage per sentence, so a hit points at the sentence that says it; a list belongs to
    // the sentence that opens it.
    const sentences = squash(first)
      .split(/(?<=[.!?])\s+(?=[A-ZÆØÅ«])/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    if (list.length > 0 && sentences.length > 0) sentences.push(squash([sentences.pop(), ...list].join(' ')));
    return sentences;
  });
}
