import type { DialogSettings } from '../../src/bot/dialog.ts';
import { createEngine } from '../../src/bot/engine.ts';
import type { Card, Inbound, Input, Outbound } from '../../src/bot/messages.ts';
import type { Sender, SendResult } from '../../src/bot/ports.ts';
import type { Locale } from '../../src/domain/call.ts';
import type { Catalog } from '../../src/domain/catalog.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { createTurnRunner } from '../../src/server/turn-runner.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import type { Store } from '../../src/store/store.ts';
import { quietLog } from '../kit/host.ts';

/**
 * Walks the dialogs the way people would, to collect every card they can produce: from a set of
 * openings, every button of every new kind of card is pressed (with its inputs filled in, and once
 * more empty so the validation errors show), by whoever the card reached. Each press runs on its own
 * copy of the in-memory store, so no state leaks between branches; a card is expanded once per kind.
 */

export interface Person {
  key: string;
  id: string;
  name: string;
  locale: Locale;
  trust?: string;
}

/** One message somebody was shown, with the path that produced it (for a failure's message). */
export interface Seen {
  to: string;
  message: Outbound;
  path: string;
  locale: Locale;
}

/** Where a step happens: the person's own chat, or the one team channel the walk has. */
export const CHANNEL = 'channel';

type Step = { who: string; where?: typeof CHANNEL } & (
  | { say: string }
  | { action: string; label: string; fill: boolean; data: Record<string, unknown> }
);

export interface CrawlOptions {
  catalog: Catalog;
  at: Date;
  people: Person[];
  /** Who opens each walk, and what they type first (in the channel, when `where` says so). */
  openings: { who: string; say: string; where?: typeof CHANNEL }[];
  settings?: DialogSettings;
  /** Bounds: walks per crawl and steps per walk. */
  maxWalks?: number;
  maxDepth?: number;
}

class Chats implements Sender {
  readonly platform = 'teams' as const;
  readonly seen: { to: string; message: Outbound }[] = [];
  constructor(private readonly people: Person[]) {}
  private post(to: string, message: Outbound): SendResult {
    this.seen.push({ to, message });
    return { ok: true, messageRef: `m-${this.seen.length}` };
  }
  /** Where a message was posted, so its update is shown in the same chat. */
  private whereIs(ref: string): string | undefined {
    return this.seen[Number(ref.slice(2)) - 1]?.to;
  }
  async sendToConversation(key: string, message: Outbound): Promise<SendResult> {
    return this.post(key.includes(CHANNEL) ? CHANNEL : key, message);
  }
  async sendToUser(userId: string, message: Outbound): Promise<SendResult> {
    const who = this.people.find((p) => p.id === userId);
    return who ? this.post(who.key, message) : { ok: false, reason: 'not-installed' };
  }
  async update(key: string, ref: string, message: Outbound): Promise<SendResult> {
    return this.post(this.whereIs(ref) ?? (key.includes(CHANNEL) ? CHANNEL : key), message);
  }
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A plausible answer for an input, so the walk gets past forms; the n-th person input, the n-th other person. */
function fillIn(input: Input, at: Date, people: Person[], who: string, nth: number): unknown {
  switch (input.kind) {
    case 'text':
      return input.multiline ? 'Tiltaket gjør utskrivningen tryggere.' : 'Trygg utskrivning';
    case 'amount':
      return '400 000';
    case 'number':
      return input.min ?? 1;
    case 'choice':
      return input.multiple ? [input.options[0]?.value] : input.options[0]?.value;
    case 'date':
      // A year on: inside the calls' periods of use, so the checks go on to their later questions.
      return iso(new Date(at.getTime() + 365 * 24 * 3600 * 1000));
    case 'person': {
      const others = people.filter((p) => p.key !== who);
      return others[nth % others.length]?.id;
    }
  }
}

const signature = (m: Outbound) =>
  m.kind === 'text'
    ? 'text'
    : JSON.stringify([
        m.title === undefined,
        // Which question or item a button is about is part of the kind; the state version is not.
        (m.buttons ?? []).map((b) => [b.action, { ...b.data, v: undefined }]),
        (m.inputs ?? []).map((i) => `${i.kind}:${i.id}`),
        Object.keys(m.errors ?? {}),
        // An application's progress is part of the kind, so later steps (approved, ranked) are reached.
        m.blocks.map((b) => (b.kind === 'steps' ? b.steps.map((x) => x.state).join(',') : b.kind)),
      ]);

/**
 * A copy of an in-memory store that shares nothing mutable with it: its maps, sets, arrays and the
 * objects it keeps (class instances keep their prototype), so a walk can branch without replaying.
 */
function fork<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, fork(v)])) as T;
  if (value instanceof Set) return new Set([...value].map(fork)) as T;
  if (Array.isArray(value)) return value.map(fork) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  const copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) copy[k] = fork(v);
  return copy as T;
}

interface State {
  store: Store;
  seen: { to: string; message: Outbound }[];
  ids: number;
  path: Step[];
  /** Where the applications stood after the last step. */
  progress: string;
}

export async function crawl(
  options: CrawlOptions,
): Promise<Seen[] & { walks: number; skipped: number; kinds: number }> {
  const maxWalks = options.maxWalks ?? 4000;
  const maxDepth = options.maxDepth ?? 24;
  const byKey = new Map(options.people.map((p) => [p.key, p]));
  const kinds = new Set<string>();
  const seen: Seen[] = [];
  const empty = createMemoryStore({ clock: () => options.at });
  const queue: { from: State; step: Step }[] = options.openings.map((step) => ({
    from: { store: empty, seen: [], ids: 0, path: [], progress: '' },
    step,
  }));
  let walks = 0;
  let skipped = 0;
  // One engine for the whole walk, on a store that is each branch's own copy in turn.
  let current: Store = empty;
  let n = 0;
  const chats = new Chats(options.people);
  const store = new Proxy({} as Store, {
    get: (_, key) => {
      const v = (current as unknown as Record<PropertyKey, unknown>)[key];
      return typeof v === 'function' ? v.bind(current) : v;
    },
  });
  const engine = createEngine({
    store,
    catalog: options.catalog,
    clock: () => options.at,
    config: { newId: () => `app-${++n}`, ...(options.settings ? { settings: options.settings } : {}) },
  });
  const run = createTurnRunner({
    engine,
    senders: () => new Map([['teams', chats]]),
    store,
    log: quietLog(),
    metrics: createMetrics(),
  });

  const describe = (path: Step[]) =>
    path
      .map(
        (s) => `${s.who}${s.where ? ' in the channel' : ''}: ${'say' in s ? `"${s.say}"` : `[${s.label}]`}`,
      )
      .join(' → ');

  while (queue.length > 0 && walks < maxWalks) {
    const { from, step } = queue.shift()!;
    walks += 1;
    const store = fork(from.store);
    current = store;
    chats.seen.length = 0;
    chats.seen.push(...from.seen);
    n = from.ids;
    const who = byKey.get(step.who)!;
    const event: Inbound = {
      platform: 'teams',
      user: { id: who.id, name: who.name, locale: who.locale, ...(who.trust ? { trust: who.trust } : {}) },
      conversation: step.where ? { id: CHANNEL, kind: 'channel' } : { id: who.key, kind: 'personal' },
      at: options.at,
    };
    if ('say' in step) event.text = step.say;
    else {
      const on = chats.seen
        .filter((s) => s.to === (step.where ?? step.who))
        .map((s) => s.message)
        .filter((m): m is Card => m.kind === 'card')
        .findLast((m) => (m.buttons ?? []).some((b) => b.action === step.action && b.label === step.label));
      const button = on?.buttons?.find((b) => b.action === step.action && b.label === step.label);
      if (!on || !button) {
        skipped += 1;
        continue;
      }
      const inputs: Record<string, unknown> = {};
      const people: Record<string, { name: string }> = {};
      let nth = 0;
      if (step.fill)
        for (const input of on.inputs ?? []) {
          const value = fillIn(
            input,
            options.at,
            options.people,
            step.who,
            input.kind === 'person' ? nth++ : 0,
          );
          if (value === undefined) continue;
          inputs[input.id] = value;
          const person = options.people.find((p) => p.id === value);
          if (input.kind === 'person' && person) people[person.id] = { name: person.name };
        }
      event.action = {
        id: button.action,
        data: button.data ?? {},
        ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
        ...(Object.keys(people).length > 0 ? { people } : {}),
      };
    }
    const before = chats.seen.length;
    const turn = await run(event);
    for (const r of turn.replies) chats.seen.push({ to: step.where ?? step.who, message: r });
    const path = [...from.path, step];
    const state: State = { store: current, seen: [...chats.seen], ids: n, path, progress: '' };
    const opening = 'say' in path[0]! ? path[0].say : '';
    // Where the applications stand is part of a card's kind: a leader's card after the other leader
    // approved leads on to the trust's ranking, the same card before it does not.
    const progress: string[] = [];
    for (let id = 1; id <= n; id++) {
      const app = await current.getApplication(`app-${id}`);
      if (app) progress.push(app.steps.map((x) => x.state).join(','));
    }
    const now = progress.join('|');
    state.progress = now;
    const fresh = chats.seen.slice(before);
    for (const { to, message } of fresh)
      seen.push({ to, message, path: describe(path), locale: turn.locale ?? byKey.get(to)?.locale ?? 'nb' });
    // When an application moved on, the cards people still have open may now lead further too.
    const open =
      now === from.progress
        ? []
        : [...new Set(chats.seen.map((x) => x.to))].flatMap((to) => {
            const last = chats.seen
              .slice(0, before)
              .findLast((x) => x.to === to && x.message.kind === 'card');
            return last ? [last] : [];
          });
    for (const { to, message } of [...fresh, ...open]) {
      // In the channel, the person who opened the walk presses what the bot posts there.
      const person = to === CHANNEL ? byKey.get(path[0]!.who) : byKey.get(to);
      // A press with the inputs left empty shows the errors; what follows it is the same as filled.
      if (message.kind !== 'card' || !person || path.length >= maxDepth) continue;
      if ('fill' in step && !step.fill) continue;
      // Kinds are per opening: the same question after "new application" leads further than after "help".
      const kind = `${opening}:${to}:${signature(message)}:${now}`;
      if (kinds.has(kind)) continue;
      kinds.add(kind);
      for (const b of message.buttons ?? []) {
        const press = {
          who: person.key,
          ...(to === CHANNEL ? { where: CHANNEL as typeof CHANNEL } : {}),
          action: b.action,
          label: b.label,
          data: b.data ?? {},
        };
        // Leaders' and chiefs' presses go first: their flows lie deep behind the applicant's.
        if (person.key !== path[0]!.who) queue.unshift({ from: state, step: { ...press, fill: true } });
        else queue.push({ from: state, step: { ...press, fill: true } });
        // Pressed with its required inputs empty, the card comes back with its errors.
        if ((message.inputs ?? []).some((x) => x.required) && b.withoutInputs !== true)
          queue.push({ from: state, step: { ...press, fill: false } });
      }
    }
  }
  return Object.assign(seen, { walks, skipped, kinds: kinds.size });
}
