import { z } from 'zod';
import type { Platform } from '../domain/application.ts';
import { parseAt } from '../domain/timeline.ts';
import type { PersonSetting } from './config.ts';

/** How one environment variable is read: empty means unset, each kind with its own message. */

export const empty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
export const text = () => z.preprocess(empty, z.string().trim().optional());
export const flag = (fallback: boolean) =>
  z.preprocess(
    (v) => empty(v) ?? String(fallback),
    z
      .string()
      .toLowerCase()
      .refine((s) => ['true', 'false', '1', '0', 'yes', 'no'].includes(s), 'must be true or false')
      .transform((s) => ['true', '1', 'yes'].includes(s)),
  );
/** A true/false setting whose absence means "the default for this NODE_ENV" (undefined). */
export const optionalFlag = () =>
  z.preprocess(
    empty,
    z
      .string()
      .toLowerCase()
      .refine((s) => ['true', 'false', '1', '0', 'yes', 'no'].includes(s), 'must be true or false')
      .transform((s) => ['true', '1', 'yes'].includes(s))
      .optional(),
  );
export const int = (fallback: number, min: number, max: number) =>
  z.preprocess(
    (v) => empty(v) ?? String(fallback),
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number')
      .transform(Number)
      .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`),
  );
/** A comma-separated list, each entry trimmed and read by `item`; unset is an empty list. */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    z.array(item),
  );
export const url = () =>
  z.preprocess(
    empty,
    z
      .string()
      .refine((s) => URL.canParse(s) && /^https?:/.test(s), 'must be an http(s) URL')
      .optional(),
  );

const PERSON = /^(teams|slack|console):(.+)$/;
export const personRef = z.union([
  z
    .string()
    .regex(PERSON, 'must be "platform:userId" (teams, slack or console)')
    .transform((s): PersonSetting => {
      const [, platform, userId] = PERSON.exec(s) ?? [];
      return { platform: platform as Platform, userId: userId ?? '' };
    }),
  z.object({
    platform: z.enum(['teams', 'slack', 'console']),
    userId: z.string().min(1),
    name: z.string().optional(),
  }),
]);
export const chiefs = z.record(
  z.string().min(1),
  z.object({ chief: personRef, deputy: personRef.optional() }),
);

export function jsonSetting<T>(schema: z.ZodType<T>, fallback: T) {
  return z.preprocess(empty, z.string().optional()).transform((s, ctx): T => {
    if (s === undefined) return fallback;
    let raw: unknown;
    try {
      raw = JSON.parse(s);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
      return fallback;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', message: `${issue.path.join('.') || '(top)'} ${issue.message}` });
    }
    return fallback;
  });
}

/** A time as the console's --at reads it: Oslo time unless an offset is given. */
export const osloTime = () =>
  z.preprocess(empty, z.string().trim().optional()).transform((s, ctx): Date | undefined => {
    if (s === undefined) return undefined;
    try {
      return parseAt(s);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'is not a time (Oslo time: 2022-10-01T10:00, or ISO with an offset)',
      });
      return undefined;
    }
  });
