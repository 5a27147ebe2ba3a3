import type { QuestionData } from '../src/domain/call-schema.ts';
import type { Answer } from '../src/domain/eligibility.ts';
import { list } from './shared.ts';

/**
 * Turns what a button, a form or typed text carried into an answer of the question's kind, or
 * undefined when it cannot be read. Whether it is allowed is the domain's `validateAnswer`.
 */
export function readAnswer(q: QuestionData, raw: unknown): Answer | undefined {
  switch (q.kind) {
    case 'yes-no':
    case 'single':
      return typeof raw === 'string' && raw !== '' ? raw : undefined;
    case 'multi':
      return list(raw);
    case 'number':
    case 'percent':
      return readNumber(raw);
    case 'date':
      return readDate(raw);
  }
}

function readNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const cleaned = raw
    .replace(/%|prosent|percent/gi, '')
    .replace(/\s/g, '')
    .replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** `YYYY-MM-DD`, or the Norwegian `D.M.YYYY`; anything else is unreadable. */
function readDate(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const nor = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const parts = iso ? [iso[1], iso[2], iso[3]] : nor ? [nor[3], nor[2], nor[1]] : undefined;
  if (!parts) return undefined;
  const [y, m, d] = parts.map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d)
    return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
