import { expect, inject } from 'vitest';
import { createEngine, type EngineConfig } from '../../src/bot/engine.ts';
import type { Engine } from '../../src/bot/engine-port.ts';
import type { Button, Inbound, Outbound, TurnResult } from '../../src/bot/messages.ts';
import { loadCatalog } from '../../src/calls/load.ts';
import type { Platform } from '../../src/domain/application.ts';
import type { Locale } from '../../src/domain/call.ts';
import type { Catalog } from '../../src/domain/catalog.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import type { Store } from '../../src/store/store.ts';

/**
 * Transcript tests: a conversation as a script of user turns (text, button clicks by label, form
 * submits) and the bot content expected after each. Runs the real engine on a real Store.
 */

let catalogCache: Catalog | undefined;
/** The real call files under calls/. */
export function realCatalog(): Catalog {
  catalogCache ??= loadCatalog('calls');
  return catalogCache;
}

/** Everything a person would read in a reply, as one string (titles, texts, facts, steps, buttons). */
export function render(out: Outbound): string {
  if (out.kind === 'text') return out.text;
  const lines: string[] = [];
  if (out.title) lines.push(`# ${out.title}`);
  for (const b of out.blocks) {
    if (b.kind === 'text') lines.push(b.text);
    else if (b.kind === 'facts') lines.push(...b.facts.map((f) => `${f.label}: ${f.value}`));
    else if (b.kind === 'steps')
      lines.push(...b.steps.map((s) => `[${s.state}] ${s.label}${s.detail ? ` – ${s.detail}` : ''}`));
    else if (b.kind === 'progress') lines.push(`(${b.current}/${b.total}) ${b.label ?? ''}`);
    else lines.push(`> ${b.text} (${b.source})`);
  }
  for (const i of out.inputs ?? []) {
    const value = 'value' in i && i.value !== undefined ? ` = ${String(i.value)}` : '';
    lines.push(`<${i.kind} ${i.id}: ${i.label}>${value}`);
    if (i.kind === 'choice') lines.push(...i.options.map((o) => `  ( ) ${o.label}`));
    const error = out.errors?.[i.id];
    if (error) lines.push(`! ${i.id}: ${error}`);
  }
  for (const btn of out.buttons ?? []) lines.push(`[${btn.label}]`);
  return lines.join('\n');
}

export interface ChatOptions {
  store: Store;
  at: string;
  locale?: Locale;
  userId?: string;
  name?: string;
  platform?: Platform;
  conversationId?: string;
  /** Personal chat unless set (channel reminders need a channel). */
  conversationKind?: Inbound['conversation']['kind'];
  config?: EngineConfig;
  catalog?: Catalog;
}

export class Chat {
  engine: Engine;
  /** Every turn's result, oldest first. */
  readonly turns: TurnResult[] = [];
  private at: Date;

  constructor(private readonly options: ChatOptions) {
    this.at = new Date(options.at);
    this.engine = this.newEngine();
  }

  private newEngine(): Engine {
    let n = 0;
    return createEngine({
      store: this.options.store,
      catalog: this.options.catalog ?? realCatalog(),
      clock: () => this.at,
      config: {
        newId: () => `app-${this.options.userId ?? 'u1'}-${Date.parse(this.options.at)}-${++n}`,
        ...this.options.config,
      },
    });
  }

  /** A new engine on the same store, as after a process restart. */
  restart(): void {
    this.engine = this.newEngine();
  }

  setTime(iso: string): void {
    this.at = new Date(iso);
  }

  private event(what: Pick<Inbound, 'text' | 'action'>): Inbound {
    const o = this.options;
    return {
      platform: o.platform ?? 'console',
      user: {
        id: o.userId ?? 'u1',
        name: o.name ?? 'Kari Nordmann',
        ...(o.locale ? { locale: o.locale } : {}),
      },
      conversation: {
        id: o.conversationId ?? `c-${o.userId ?? 'u1'}`,
        kind: o.conversationKind ?? 'personal',
      },
      ...what,
      at: new Date(this.at.getTime()),
    };
  }

  private async send(event: Inbound): Promise<TurnResult> {
    const result = await this.engine.handle(event);
    this.turns.push(result);
    return result;
  }

  say(text: string): Promise<TurnResult> {
    return this.send(this.event({ text }));
  }

  /** Presses a button by its label, from the newest turn that shows one (`turnsAgo` picks an older turn). */
  click(label: string | RegExp, inputs?: Record<string, unknown>, turnsAgo = 0): Promise<TurnResult> {
    const button = this.findButton(label, turnsAgo);
    return this.send(
      this.event({ action: { id: button.action, data: button.data ?? {}, ...(inputs ? { inputs } : {}) } }),
    );
  }

  /** Sends a raw action (crafted or replayed payloads). */
  action(
    id: string,
    data: Record<string, unknown> = {},
    inputs?: Record<string, unknown>,
  ): Promise<TurnResult> {
    return this.send(this.event({ action: { id, data, ...(inputs ? { inputs } : {}) } }));
  }

  findButton(label: string | RegExp, turnsAgo = 0): Button {
    const turn = this.turns[this.turns.length - 1 - turnsAgo];
    const buttons = (turn?.replies ?? []).flatMap((r) => (r.kind === 'card' ? (r.buttons ?? []) : []));
    const found = buttons.filter((b) =>
      typeof label === 'string' ? b.label === label : label.test(b.label),
    );
    if (found.length === 0) {
      throw new Error(
        `no button ${String(label)} in:\n${this.lastText(turnsAgo)}\n(buttons: ${buttons.map((b) => b.label).join(' | ')})`,
      );
    }
    return found[found.length - 1]!;
  }

  lastText(turnsAgo = 0): string {
    const turn = this.turns[this.turns.length - 1 - turnsAgo];
    return (turn?.replies ?? []).map(render).join('\n---\n');
  }
}

export type ScriptStep =
  | { say: string; expect?: (string | RegExp)[]; not?: (string | RegExp)[] }
  | {
      click: string | RegExp;
      inputs?: Record<string, unknown>;
      turnsAgo?: number;
      expect?: (string | RegExp)[];
      not?: (string | RegExp)[];
    }
  | { restart: true };

/** Plays a script and checks each turn's content; the failure message shows the whole reply. */
export async function play(chat: Chat, steps: ScriptStep[]): Promise<void> {
  for (const step of steps) {
    if ('restart' in step) {
      chat.restart();
      continue;
    }
    const result =
      'say' in step ? await chat.say(step.say) : await chat.click(step.click, step.inputs, step.turnsAgo);
    const shown = chat.lastText();
    expect(result.error, `turn failed: ${String(result.error)}\n${shown}`).toBeUndefined();
    for (const e of step.expect ?? []) {
      if (typeof e === 'string') expect(shown, `after ${JSON.stringify(step)}`).toContain(e);
      else expect(shown, `after ${JSON.stringify(step)}`).toMatch(e);
    }
    for (const e of step.not ?? []) {
      if (typeof e === 'string') expect(shown, `after ${JSON.stringify(step)}`).not.toContain(e);
      else expect(shown, `after ${JSON.stringify(step)}`).not.toMatch(e);
    }
  }
}

/** The stores every transcript runs against: the embedded MemoryStore and RedisStore on the test Redis. */
export function transcriptStores(file: string): { name: string; make: () => Store }[] {
  let n = 0;
  return [
    { name: 'memory', make: () => createMemoryStore() },
    {
      name: 'redis',
      make: () =>
        createRedisStore({
          url: inject('redisUrl'),
          prefix: `t-${file}-${process.pid}-${Date.now()}-${++n}:`,
        }),
    },
  ];
}
