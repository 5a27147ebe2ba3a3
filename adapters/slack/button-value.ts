import { z } from 'zod';
import { LIMITS } from './limits.ts';

/** What a button carries back: the engine's action id and its data, as JSON in `value`. */
const ButtonValue = z.object({ a: z.string().min(1), d: z.record(z.string(), z.unknown()).default({}) });

export function encodeButtonValue(action: string, data: Record<string, unknown>): string {
  const full = JSON.stringify({ a: action, d: data });
  if (full.length <= LIMITS.buttonValue) return full;
  // Data too big for Slack's 2000 characters: the action alone still reaches the engine, which treats
  // the press as one it cannot place and answers politely instead of Slack rejecting the message.
  return JSON.stringify({ a: action, d: {} });
}

/** The action and data of a pressed button, or null for a value we did not write. */
export function decodeButtonValue(
  value: string | undefined,
): { action: string; data: Record<string, unknown> } | null {
  if (value === undefined) return null;
  try {
    const parsed = ButtonValue.safeParse(JSON.parse(value));
    return parsed.success ? { action: parsed.data.a, data: parsed.data.d } : null;
  } catch {
    return null;
  }
}
