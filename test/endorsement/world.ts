import { expect } from 'vitest';
import type { DialogSettings } from '../../src/bot/dialog.ts';
import type { TurnRunner } from '../../src/bot/engine-port.ts';
import type { Button, Card, Inbound, Outbound } from '../../src/bot/messages.ts';
import type { Sender, SendResult } from '../../src/bot/ports.ts';
import type { Application, Person, Platform } from '../../src/domain/application.ts';
import type { Call } from '../../src/domain/call.ts';
import { createdAudit } from '../../src/domain/tracker.ts';
import type { Store } from '../../src/store/store.ts';
import { draftOf } from '../kit/applications.ts';
import { engineRunner } from '../kit/engine-surface.ts';
import { render } from '../support/transcript.ts';

/**
 * Engine-level endorsement transcripts with several people on one Store: each person talks to the
 * real engine through the real turn runner (src/bot/deliver.ts); the platform is an in-memory
 * Sender that keeps each person's chat (posted messages, replaced in place by `update`).
 */

export interface Posted {
  ref: string;
  message: Outbound;
  /** How often the message was replaced. */
  updates: number;
}

/** The platform as the bot sees it: who has the app, and what each person's chat shows. */
export class ChatPlatform implements Sender {
  readonly chats = new Map<string, Posted[]>();
  readonly installed = new Set<string>();
  private n = 0;
  constructor(readonly platform: Platform) {}

  async sendToConversation(): Promise<SendResult> {
    return { ok: false, reason: 'gone' };
  }

  async sendToUser(userId: string, message: Outbound): Promise<SendResult> {
    if (!this.installed.has(userId)) return { ok: false, reason: 'not-installed' };
    const ref = `msg-${++this.n}`;
    this.chats.set(userId, [...(this.chats.get(userId) ?? []), { ref, message, updates: 0 }]);
    return { ok: true, messageRef: ref };
  }

  async update(_key: string, messageRef: string, message: Outbound): Promise<SendResult> {
    for (const posted of this.chats.values()) {
      const found = posted.find((p) => p.ref === messageRef);
      if (found) {
        found.message = message;
        found.updates++;
        return { ok: true, messageRef };
      }
    }
    return { ok: false, reason: 'gone' };
  }

  /** Shows a reply the way the platform would: a card that replaces the clicked message updates it. */
  showReply(userId: string, out: Outbound): void {
    if (out.kind === 'card' && out.replaces) {
      const found = (this.chats.get(userId) ?? []).find((p) => p.ref === out.replaces);
      if (found) {
        found.message = out;
        found.updates++;
      }
    }
  }
}

export class World {
  readonly platform: ChatPlatform;
  readonly run: TurnRunner;
  private at: Date;
  private ids = 0;

  constructor(
    readonly store: Store,
    at: string,
    settings?: DialogSettings,
    platform: Platform = 'teams',
  ) {
    this.at = new Date(at);
    this.platform = new ChatPlatform(platform);
    this.run = this.runner(settings);
  }

  /** A second replica: its own engine and runner on the same store and platform. */
  runner(settings?: DialogSettings): TurnRunner {
    return engineRunner({
      store: this.store,
      clock: () => this.at,
      platform: this.platform.platform,
      sender: this.platform,
      newId: () => `app-${++this.ids}`,
      settings,
    });
  }

  setTime(iso: string): void {
    this.at = new Date(iso);
  }

  now(): Date {
    return this.at;
  }

  person(userId: string, name: string, installed = true): Actor {
    if (installed) this.platform.installed.add(userId);
    return new Actor(this, { platform: this.platform.platform, userId, name });
  }

  /** A draft as the application dialog creates it (the check passed; endorsements still to ask). */
  async draft(
    call: Call,
    applicant: Person,
    trust: string,
    title: string,
    id = `app-${++this.ids}`,
  ): Promise<Application> {
    const app = draftOf({ call, id, applicant: { ...applicant, trust }, title }, this.at);
    return this.store.createApplication(app, createdAudit(app, applicant));
  }
}

export class Actor {
  /** Replies of each turn, newest last. */
  readonly turns: Outbound[][] = [];

  constructor(
    readonly world: World,
    readonly person: Person,
  ) {}

  get id(): string {
    return this.person.userId;
  }

  private event(what: Pick<Inbound, 'text' | 'action'>, run = this.world.run): Promise<Outbound[]> {
    const event: Inbound = {
      platform: this.person.platform,
      user: { id: this.person.userId, name: this.person.name },
      conversation: { id: `dm-${this.person.userId}`, kind: 'personal' },
      ...what,
      at: this.world.now(),
    };
    return run(event).then(({ replies }) => {
      this.turns.push(replies);
      for (const r of replies) this.world.platform.showReply(this.id, r);
      return replies;
    });
  }

  say(text: string): Promise<Outbound[]> {
    return this.event({ text });
  }

  /** Presses a button on a card; `messageRef` when the card is a message in this person's chat. */
  press(
    card: Outbound,
    label: string | RegExp,
    inputs?: Record<string, unknown>,
    messageRef?: string,
    run?: TurnRunner,
  ): Promise<Outbound[]> {
    const button = findButton(card, label);
    return this.event(
      {
        action: {
          id: button.action,
          data: button.data ?? {},
          ...(inputs ? { inputs } : {}),
          ...(messageRef ? { messageRef } : {}),
        },
      },
      run,
    );
  }

  /** Presses a button on the newest reply card that has it. */
  click(label: string | RegExp, inputs?: Record<string, unknown>): Promise<Outbound[]> {
    const last = this.turns.at(-1) ?? [];
    const card = [...last].reverse().find((r) => r.kind === 'card' && hasButton(r, label));
    if (!card) throw new Error(`no button ${String(label)} in:\n${this.lastText()}`);
    return this.press(card, label, inputs);
  }

  /** This person's chat as the platform shows it (notifications, replaced in place). */
  inbox(): Posted[] {
    return this.world.platform.chats.get(this.id) ?? [];
  }

  lastInbox(): Posted {
    const last = this.inbox().at(-1);
    if (!last) throw new Error(`${this.person.name} got no message`);
    return last;
  }

  /** Presses a button on a message in this person's chat (as the platform would send it). */
  pressInInbox(
    posted: Posted,
    label: string | RegExp,
    inputs?: Record<string, unknown>,
    run?: TurnRunner,
  ): Promise<Outbound[]> {
    return this.press(posted.message, label, inputs, posted.ref, run);
  }

  lastText(): string {
    return (this.turns.at(-1) ?? []).map(render).join('\n---\n');
  }
}

export function hasButton(out: Outbound, label: string | RegExp): boolean {
  return (
    out.kind === 'card' &&
    (out.buttons ?? []).some((b) => (typeof label === 'string' ? b.label === label : label.test(b.label)))
  );
}

export function findButton(out: Outbound, label: string | RegExp): Button {
  const found =
    out.kind === 'card'
      ? (out.buttons ?? []).find((b) => (typeof label === 'string' ? b.label === label : label.test(b.label)))
      : undefined;
  if (!found) throw new Error(`no button ${String(label)} in:\n${render(out)}`);
  return found;
}

export function shown(replies: Outbound[] | Outbound): string {
  return (Array.isArray(replies) ? replies : [replies]).map(render).join('\n---\n');
}

export function cardOf(replies: Outbound[]): Card {
  const card = replies.find((r): r is Card => r.kind === 'card');
  expect(card, shown(replies)).toBeDefined();
  return card as Card;
}
