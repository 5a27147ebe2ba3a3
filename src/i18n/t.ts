import type { Locale } from '../domain/call.ts';
import { messages } from './catalog/index.ts';

export type Messages = typeof messages;
export type MessageKey = keyof Messages;

/** The `{name}` placeholders of a text, as a union of names. */
type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | ParamNames<Rest>
  : never;
export type Params<K extends MessageKey> = Record<ParamNames<Messages[K]['nb']>, string | number>;
type ParamArgs<K extends MessageKey> = [ParamNames<Messages[K]['nb']>] extends [never]
  ? []
  : [params: Params<K>];

/** The text for `key` in `locale` with its `{placeholders}` filled in. */
export function t<K extends MessageKey>(locale: Locale, key: K, ...args: ParamArgs<K>): string {
  const template: string = messages[key][locale];
  const params = (args[0] ?? {}) as Record<string, string | number>;
  return template.replace(/\{([\w-]+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** For keys picked at run time (e.g. a verdict): checks the key exists instead of trusting a cast. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}

/** A translator bound to one locale, handed to dialogs. */
export type Translate = <K extends MessageKey>(key: K, ...args: ParamArgs<K>) => string;

export function translator(locale: Locale): Translate {
  return (key, ...args) => t(locale, key, ...args);
}
