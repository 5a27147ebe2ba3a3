import type { DialogSettings } from '../../src/bot/dialog.ts';
import { createEngine } from '../../src/bot/engine.ts';
import type { TurnRunner } from '../../src/bot/engine-port.ts';
import type { Inbound, Outbound } from '../../src/bot/messages.ts';
import type { Sender, SendResult } from '../../src/bot/ports.ts';
import type { Platform } from '../../src/domain/application.ts';
import type { Clock } from '../../src/domain/clock.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { createTurnRunner } from '../../src/server/turn-runner.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import type { Store } from '../../src/store/store.ts';
import { type MovableClock, quietLog, realCatalog, redisStore } from './host.ts';
import { identityOf, pickerValue } from './identities.ts';
import { fromOutbound } from './shown.ts';
import type { Answer, Identity, Press, Seen, Surface, SurfaceStart } from './surface.ts';

/**
 * The engine directly: each turn goes through the real turn runner (notifications delivered), the
 * platform is an in-memory Sender that keeps every person's chat. No HTTP, no rendering.
 */

/** The platform as the engine sees it: who has the app, and what appears in whose chat. */
export class ChatSender implements Sender {
  readonly installed = new Set<string>();
  readonly seen: Seen[] = [];
  /** Where each message sits, so an update finds its chat. */
  private readonly where = new Map<string, string>();
  private n = 0;
  constructor(readonly platform: Platform) {}

  /** A user's personal chat: where their identity says it is (identities.ts), else `dm-{id}`. */
  readonly conversations = new Map<string, string>();
  conversationOf = (userId: string) => this.conversations.get(userId) ?? `dm-${userId}`;

  post(conversation: string, out: Outbound): string {
    const ref = `msg-${++this.n}`;
    this.where.set(ref, conversation);
    this.seen.push({ kind: 'post', conversation, message: fromOutbound(out, ref) });
    return ref;
  }

  /** A reply shown the way a platform would: a card that `replaces` a message updates it. */
  reply(conversation: string, out: Outbound): void {
    const replaces = out.kind === 'card' ? out.replaces : undefined;
    if (replaces && this.where.get(replaces) === conversation) this.replace(replaces, out);
    else this.post(conversation, out);
  }

  private replace(ref: string, out: Outbound): boolean {
    const conversation = this.where.get(ref);
    if (!conversation) return false;
    this.seen.push({ kind: 'update', conversation, ref, message: fromOutbound(out, ref) });
    return true;
  }

  async sendToConversation(key: string, message: Outbound): Promise<SendResult> {
    return { ok: true, messageRef: this.post(key, message) };
  }

  async sendToUser(userId: string, message: Outbound): Promise<SendResult> {
    if (!this.installed.has(userId)) return { ok: false, reason: 'not-installed' };
    return { ok: true, messageRef: this.post(this.conversationOf(userId), message) };
  }

  async update(_key: string, messageRef: string, message: Outbound): Promise<SendResult> {
    return this.replace(messageRef, message) ? { ok: true, messageRef } : { ok: false, reason: 'gone' };
  }
}

export interface EngineSurfaceOptions {
  platform?: Platform;
  /** Ids of new records (default `app-N`, so a test can name them). */
  newId?: () => string;
}

/** Engine settings from the host's (the same TRUST_QUALITY_CHIEFS and SHOW_PRIORITY_RANK). */
/**
 * The real engine behind the real turn runner (notifications delivered to `sender`), on the calls
 * under calls/: how every engine-level test plays turns, the kit's engine surface and the
 * endorsement transcripts' World alike.
 */
export function engineRunner(options: {
  store: Store;
  clock: Clock;
  platform: Platform;
  sender: Sender;
  newId: () => string;
  settings?: DialogSettings | undefined;
}): TurnRunner {
  const engine = createEngine({
    store: options.store,
    catalog: realCatalog(),
    clock: options.clock,
    config: { newId: options.newId, ...(options.settings ? { settings: options.settings } : {}) },
  });
  return createTurnRunner({
    engine,
    senders: () => new Map([[options.platform, options.sender]]),
    store: options.store,
    log: quietLog(),
    metrics: createMetrics(),
  });
}

export function dialogSettings(settings: SurfaceStart['settings']): DialogSettings {
  return {
    ...(settings.trustQualityChiefs ? { trustQualityChiefs: settings.trustQualityChiefs } : {}),
    ...(settings.showPriorityRank !== undefined ? { showPriorityRank: settings.showPriorityRank } : {}),
    ...(settings.reminders?.admins ? { reminderAdmins: settings.reminders.admins } : {}),
  };
}

export class EngineSurface implements Surface {
  readonly name: 'engine' | 'console' = 'engine';
  readonly platform: Platform;
  sender: ChatSender;
  run!: TurnRunner;
  private currentStore: Store | undefined;
  protected clock!: MovableClock;
  private last: Inbound | undefined;
  private ids = 0;

  constructor(readonly options: EngineSurfaceOptions = {}) {
    this.platform = options.platform ?? 'console';
    this.sender = new ChatSender(this.platform);
  }

  get store(): Store {
    if (!this.currentStore) throw new Error('the kit has not started (call it inside a test)');
    return this.currentStore;
  }

  async start(options: SurfaceStart): Promise<void> {
    this.clock = options.clock;
    this.currentStore ??=
      options.store === 'memory'
        ? createMemoryStore({ clock: options.clock.clock })
        : (options.redisStore ?? redisStore)(options.prefix);
    this.sender = new ChatSender(this.platform);
    this.ids = 0;
    this.run = this.runner(options);
  }

  /** A replica: its own engine and runner on the same store and platform. */
  runner(options: Pick<SurfaceStart, 'settings'>): TurnRunner {
    return engineRunner({
      store: this.store,
      clock: this.clock.clock,
      platform: this.platform,
      sender: this.sender,
      newId: this.options.newId ?? (() => `app-${++this.ids}`),
      settings: dialogSettings(options.settings),
    });
  }

  async stop(): Promise<void> {
    await this.currentStore?.close();
    this.currentStore = undefined;
  }

  identify(name: string, key: string, o: Pick<Identity, 'locale' | 'trust'>): Identity {
    return identityOf(this.platform, name, key, o);
  }

  async install(who: Identity): Promise<Answer> {
    this.sender.installed.add(who.id);
    this.sender.conversations.set(who.id, who.conversation);
    return {};
  }

  protected event(who: Identity, what: Pick<Inbound, 'text' | 'action'>): Inbound {
    return {
      platform: this.platform,
      user: {
        id: who.id,
        name: who.name,
        ...(who.locale ? { locale: who.locale } : {}),
        ...(who.trust ? { trust: who.trust } : {}),
      },
      conversation: { id: who.conversation, kind: 'personal' },
      ...what,
      at: this.clock.clock(),
    };
  }

  protected async send(event: Inbound): Promise<Answer> {
    this.last = event;
    const turn = await this.run(event);
    for (const r of turn.replies) this.sender.reply(event.conversation.id, r);
    return { result: turn };
  }

  say(who: Identity, text: string): Promise<Answer> {
    return this.send(this.event(who, { text }));
  }

  press(who: Identity, { on, button, inputs, picked }: Press): Promise<Answer> {
    const people = Object.fromEntries(Object.values(picked).map((p) => [p.id, { name: p.name }]));
    for (const [id, p] of Object.entries(picked)) inputs[id] = pickerValue(this.platform, p);
    const { action, data } = button.press as { action: string; data: Record<string, unknown> };
    return this.send(
      this.event(who, {
        action: {
          id: action,
          data,
          ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
          ...(on.kind !== 'modal' ? { messageRef: on.ref } : {}),
          ...(Object.keys(people).length > 0 ? { people } : {}),
        },
      }),
    );
  }

  redeliver(): Promise<Answer> {
    if (!this.last) throw new Error('nothing to deliver again');
    return this.send(this.last);
  }

  drain(): Seen[] {
    return this.sender.seen.splice(0);
  }
}
