import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { SettingPerson } from '../../src/bot/dialog.ts';
import { normalize } from '../../src/bot/matcher.ts';
import type { Application, Platform } from '../../src/domain/application.ts';
import type { Store } from '../../src/store/store.ts';
import { auditActions, reload, type SeedInput, seedApplication } from './applications.ts';
import { ConsoleSurface } from './console-surface.ts';
import { EngineSurface, type EngineSurfaceOptions } from './engine-surface.ts';
import { type Host, type HostSettings, type MovableClock, movableClock } from './host.ts';
import { Persona, type PersonaOptions, type PressOptions } from './persona.ts';
import { buttonOf, type Expected, type Inputs, type Shown } from './shown.ts';
import { SlackSurface } from './slack-surface.ts';
import type { Answer, Identity, Seen, Surface, SurfaceName } from './surface.ts';
import { TeamsSurface } from './teams-surface.ts';

export interface KitOptions extends EngineSurfaceOptions {
  /** The clock at the start of every test (ISO). */
  at: string;
  /** Engine and console surfaces: the embedded MemoryStore instead of Redis. */
  store?: 'redis' | 'memory';
  /** Engine surface: how its Redis store is made (behind a round-trip counter, traced). */
  redisStore?: (prefix: string | undefined) => Store;
}

/** Deployment settings as an operator writes them, with personas for people. */
export interface KitSettings {
  chiefs?: Record<string, Persona | { chief: Persona; deputy?: Persona }>;
  showPriorityRank?: boolean;
  reminderAdmins?: Persona[];
}

/** The platforms a scenario runs on when written once for both (`describe.each(PLATFORMS)`). */
export const PLATFORMS = ['teams', 'slack'] as const satisfies readonly SurfaceName[];

function surfaceOf(name: SurfaceName, options: EngineSurfaceOptions): Surface {
  if (name === 'teams') return new TeamsSurface();
  if (name === 'slack') return new SlackSurface();
  if (name === 'console') return new ConsoleSurface(options);
  return new EngineSurface(options);
}

/**
 * One conversation test kit for every surface. `useKit` registers the hooks: capture servers once
 * per file, a fresh host (or engine) on a fresh Redis prefix per test. See docs/testing.md.
 */
export function useKit(name: SurfaceName, options: KitOptions): Kit {
  const kit = new Kit(surfaceOf(name, options), options);
  beforeAll(() => kit.surface.open?.());
  beforeEach(() => kit.begin());
  afterEach(() => kit.end());
  afterAll(() => kit.surface.close?.());
  return kit;
}

export class Kit {
  private readonly personas: Persona[] = [];
  private readonly keys = new Set<string>();
  private time: MovableClock;
  private settings: HostSettings = {};
  private chats = new Map<string, Shown[]>();
  private notices = new Map<string, Set<string>>();
  private touched = new Map<string, number>();
  private modals = new Map<string, Shown>();
  private installed = new Set<Persona>();
  private touches = 0;

  constructor(
    readonly surface: Surface,
    readonly options: KitOptions,
  ) {
    this.time = movableClock(options.at);
  }

  get name(): SurfaceName {
    return this.surface.name;
  }
  get platform(): Platform {
    return this.surface.platform;
  }
  /** The store the bot writes (a second client on its state): seeds and read-backs. */
  get store(): Store {
    return this.surface.store;
  }
  /** The real host, on the HTTP surfaces. */
  get host(): Host | undefined {
    return this.surface.host;
  }
  now(): Date {
    return this.time.clock();
  }
  /** The Teams surface (its Bot Connector capture), for assertions only Teams can make. */
  get teams(): TeamsSurface | undefined {
    return this.surface instanceof TeamsSurface ? this.surface : undefined;
  }
  /** The Slack surface (its Web API capture), for assertions only Slack can make. */
  get slack(): SlackSurface | undefined {
    return this.surface instanceof SlackSurface ? this.surface : undefined;
  }

  /** A person on this surface; declare at file level or in a test. */
  user(name: string, options: PersonaOptions = {}): Persona {
    let key = normalize(name).split(' ')[0] || 'user';
    for (let n = 2; this.keys.has(key); n++) key = `${key.replace(/\d+$/, '')}${n}`;
    this.keys.add(key);
    const identity = this.surface.identify(name, key, {
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.trust ? { trust: options.trust } : {}),
    });
    const persona = new Persona(this, identity, options);
    this.personas.push(persona);
    return persona;
  }

  async begin(): Promise<void> {
    this.time = movableClock(this.options.at);
    this.settings = {};
    this.reset();
    await this.surface.start({
      clock: this.time,
      settings: this.settings,
      store: this.options.store ?? 'redis',
      ...(this.options.redisStore ? { redisStore: this.options.redisStore } : {}),
    });
  }

  async end(): Promise<void> {
    await this.surface.stop();
  }

  private reset(): void {
    this.chats = new Map();
    this.notices = new Map();
    this.touched = new Map();
    this.modals = new Map();
    this.installed = new Set();
    for (const p of this.personas) p.turns.length = 0;
  }

  /**
   * Deployment settings for this test (quality chiefs, rank visibility, reminder admins): the host
   * (or engine) is started again with them, on the same state.
   */
  async configure(settings: KitSettings): Promise<void> {
    const who = (p: Persona): SettingPerson => ({ platform: this.platform, userId: p.id, name: p.name });
    const chiefs = Object.entries(settings.chiefs ?? {}).map(([trust, c]) => {
      const { chief, deputy } = c instanceof Persona ? { chief: c, deputy: undefined } : c;
      return [trust, { chief: who(chief), ...(deputy ? { deputy: who(deputy) } : {}) }] as const;
    });
    this.settings = {
      ...(chiefs.length > 0 ? { trustQualityChiefs: Object.fromEntries(chiefs) } : {}),
      ...(settings.showPriorityRank !== undefined ? { showPriorityRank: settings.showPriorityRank } : {}),
      ...(settings.reminderAdmins
        ? { reminders: { enabled: false, admins: settings.reminderAdmins.map(who) } }
        : {}),
    };
    await this.restart();
  }

  /** A new host (or engine) on the same state, as after a deploy: chats and clocks carry on. */
  async restart(): Promise<void> {
    const prefix = this.surface.host?.prefix;
    await this.surface.stop();
    await this.surface.start({
      clock: this.time,
      settings: this.settings,
      store: this.options.store ?? 'redis',
      ...(prefix ? { prefix } : {}),
      ...(this.options.redisStore ? { redisStore: this.options.redisStore } : {}),
    });
    this.installed = new Set();
  }

  at(iso: string): void {
    this.time.set(iso);
  }

  /** An application in the store, as the tracker's transitions leave it at `stage`. */
  seed(input: SeedInput): Promise<Application> {
    return seedApplication(this.store, this.now(), { id: `app-${this.touches}-${Date.now()}`, ...input });
  }
  reload(id: string): Promise<Application> {
    return reload(this.store, id);
  }
  audit(id: string): Promise<string[]> {
    return auditActions(this.store, id);
  }

  // --- what each persona sees -------------------------------------------------------------------

  chatOf(conversation: string): Shown[] {
    return this.chats.get(conversation) ?? [];
  }
  inboxOf(conversation: string): Shown[] {
    const refs = this.notices.get(conversation) ?? new Set();
    return this.chatOf(conversation).filter((m) => refs.has(m.ref));
  }
  modalOf(user: string): Shown | undefined {
    return this.modals.get(user);
  }
  /** The most recently posted or replaced message of a chat that passes `test`. */
  newest(conversation: string, test: (m: Shown) => boolean): Shown | undefined {
    const key = (m: Shown) => this.touched.get(`${conversation}|${m.ref}`) ?? 0;
    return [...this.chatOf(conversation)].filter(test).sort((a, b) => key(b) - key(a))[0];
  }

  /** Applies what appeared; returns what appeared for `actor` (their own chat and modal). */
  private apply(seen: Seen[], actor?: Identity): Shown[] {
    const mine: Shown[] = [];
    for (const s of seen) {
      if (s.kind === 'modal') {
        if (s.view) this.modals.set(s.user, s.view);
        else this.modals.delete(s.user);
        if (s.view && s.user === actor?.id) mine.push(s.view);
        continue;
      }
      const chat = [...this.chatOf(s.conversation)];
      const ref = s.kind === 'update' ? s.ref : s.message.ref;
      const at = chat.findIndex((m) => m.ref === ref);
      const message = at >= 0 ? { ...s.message, ref, updates: (chat[at]?.updates ?? 0) + 1 } : s.message;
      if (at >= 0) chat[at] = message;
      else chat.push(message);
      this.chats.set(s.conversation, chat);
      this.touched.set(`${s.conversation}|${ref}`, ++this.touches);
      if (s.conversation === actor?.conversation) mine.push(message);
      else if (at < 0)
        this.notices.set(s.conversation, (this.notices.get(s.conversation) ?? new Set()).add(ref));
    }
    return mine;
  }

  /** Runs one request of `who`'s: installs whoever is declared first, then records the turn. */
  private async act(who: Persona, run: () => Promise<Answer>): Promise<void> {
    for (const p of this.personas) {
      if (this.installed.has(p)) continue;
      this.installed.add(p);
      if (p.options.installed === false) continue;
      await this.surface.install(p.identity);
      this.apply(this.surface.drain());
    }
    this.apply(this.surface.drain());
    const answer = await run();
    if (answer.status !== undefined)
      expect(answer.status, `${who.name}'s request was refused: ${JSON.stringify(answer.body)}`).toBeLessThan(
        300,
      );
    who.turns.push({ replies: this.apply(this.surface.drain(), who.identity), answer });
  }

  say(who: Persona, text: string): Promise<void> {
    return this.act(who, () => this.surface.say(who.identity, text));
  }

  press(who: Persona, label: Expected, given: Inputs, options: PressOptions): Promise<void> {
    return this.act(who, async () => {
      const on = who.target(label, options);
      const button = buttonOf(on, label);
      const inputs: Record<string, unknown> = {};
      const picked: Record<string, Identity> = {};
      for (const [id, value] of Object.entries(given)) {
        if (value instanceof Persona) {
          picked[id] = value.identity;
          inputs[id] = value.id;
        } else inputs[id] = value;
      }
      return this.surface.press(who.identity, { on, button, inputs, picked });
    });
  }

  redeliver(who: Persona): Promise<void> {
    return this.act(who, () => this.surface.redeliver());
  }
}
