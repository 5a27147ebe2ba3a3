import type { Application, Person } from '../../src/domain/application.ts';
import type { Locale } from '../../src/domain/call.ts';
import type { Kit } from './kit.ts';
import { buttonOf, type Expected, expectShown, hasButton, type Inputs, type Shown, textOf } from './shown.ts';
import type { Answer, Identity } from './surface.ts';

/** One turn of a persona: what appeared in their own chat (or modal), and how the platform answered. */
export interface Turn {
  replies: Shown[];
  answer: Answer;
}

export interface PersonaOptions {
  trust?: string;
  locale?: Locale;
  /** False: the persona never installed the app (Teams cannot reach them proactively). */
  installed?: boolean;
}

export interface PressOptions {
  /** The message (as it was shown then) to press on; default the newest one with the button. */
  on?: Shown;
}

/**
 * A person in the conversation. Every action returns a `Flow`, so a scenario reads as one chain:
 * `await kari.says('status').sees('Dine søknader').presses('Trekk søknaden')`.
 */
export class Persona {
  /** Turns of this test, oldest first. */
  readonly turns: Turn[] = [];

  constructor(
    readonly kit: Kit,
    readonly identity: Identity,
    readonly options: PersonaOptions,
  ) {}

  get name(): string {
    return this.identity.name;
  }
  /** The platform user id the bot records. */
  get id(): string {
    return this.identity.id;
  }
  get trust(): string {
    return this.options.trust ?? 'st-olavs-hospital';
  }
  /** The persona as the domain names people (for seeds and expected records). */
  get person(): Person {
    return { platform: this.kit.platform, userId: this.id, name: this.name };
  }

  says(text: string): Flow {
    return new Flow(this).says(text);
  }
  presses(label: Expected, inputs?: Inputs, options?: PressOptions): Flow {
    return new Flow(this).presses(label, inputs, options);
  }
  /** The last request again, exactly as sent (a platform's retry of the same delivery). */
  redelivers(): Flow {
    return new Flow(this).redelivers();
  }
  at(iso: string): Flow {
    return new Flow(this).at(iso);
  }
  sees(...expected: Expected[]): Flow {
    return new Flow(this).sees(...expected);
  }
  receives(...expected: Expected[]): Flow {
    return new Flow(this).receives(...expected);
  }

  /** A draft (or later stage) of this persona's in the store, as the tracker leaves it. */
  applies(input: Omit<Parameters<Kit['seed']>[0], 'applicant'> = {}): Promise<Application> {
    return this.kit.seed({ ...input, applicant: { ...this.person, trust: this.trust } });
  }

  /** What the last turn showed in this persona's chat (or modal), in order. */
  get replies(): Shown[] {
    return this.turns.at(-1)?.replies ?? [];
  }
  get answer(): Answer {
    return this.turns.at(-1)?.answer ?? {};
  }
  /** This persona's chat as it shows now (messages replaced in place show their newest version). */
  get chat(): Shown[] {
    return this.kit.chatOf(this.identity.conversation);
  }
  /** Messages that came to this persona from others' turns (notifications), as they show now. */
  get inbox(): Shown[] {
    return this.kit.inboxOf(this.identity.conversation);
  }
  /** The open modal (Slack), if any. */
  get modal(): Shown | undefined {
    return this.kit.modalOf(this.id);
  }
  /** What the persona looks at: the open modal, else the newest card of the chat. */
  get card(): Shown {
    const card = this.modal ?? this.kit.newest(this.identity.conversation, (m) => m.kind === 'card');
    if (!card) throw new Error(`${this.name} sees no card:\n${textOf(this.chat)}`);
    return card;
  }
  /** The message as it shows now (after any in-place replacement); `shown` may be an older rendering. */
  now(shown: Shown): Shown {
    const found = this.chat.find((m) => m.ref === shown.ref);
    if (!found) throw new Error(`${this.name} has no message ${shown.ref}`);
    return found;
  }
  /** Chat messages that contain `text`, oldest first. */
  received(text: Expected): Shown[] {
    return this.chat.filter((m) => (typeof text === 'string' ? m.text.includes(text) : text.test(m.text)));
  }
  /** The newest chat message that contains `text` (it must exist). */
  message(text: Expected): Shown {
    const found = this.received(text).at(-1);
    if (!found) throw new Error(`${this.name} got no message with ${String(text)}:\n${textOf(this.chat)}`);
    return found;
  }

  /** The message a press goes to: the given one, the open modal, else the newest with the button. */
  target(label: Expected, options: PressOptions = {}): Shown {
    if (options.on) return options.on;
    const modal = this.modal;
    if (modal && hasButton(modal, label)) return modal;
    const found = this.kit.newest(this.identity.conversation, (m) => hasButton(m, label));
    if (!found) buttonOf(modal ?? this.chat.at(-1) ?? emptyCard, label);
    return found as Shown;
  }
}

const emptyCard: Shown = {
  ref: '',
  kind: 'card',
  text: '(nothing shown)',
  buttons: [],
  inputs: [],
  updates: 0,
  raw: {},
};

/**
 * A chain of steps, run in order when awaited (as botbuilder-testing's TestFlow). `as(other)` hands
 * the chain to another persona; `sees` checks the current persona's last turn, `receives` their newest
 * notification.
 */
export class Flow implements PromiseLike<Turn> {
  private chain: Promise<void> = Promise.resolve();
  private who: Persona;

  constructor(start: Persona) {
    this.who = start;
  }

  private step(run: (who: Persona) => unknown): Flow {
    this.chain = this.chain.then(async () => {
      await run(this.who);
    });
    return this;
  }

  says(text: string): Flow {
    return this.step((p) => p.kit.say(p, text));
  }
  presses(label: Expected, inputs: Inputs = {}, options: PressOptions = {}): Flow {
    return this.step((p) => p.kit.press(p, label, inputs, options));
  }
  redelivers(): Flow {
    return this.step((p) => p.kit.redeliver(p));
  }
  /** Moves the clock (the host's, the engine's and the signed timestamps'). */
  at(iso: string): Flow {
    return this.step((p) => p.kit.at(iso));
  }
  as(other: Persona): Flow {
    return this.step(() => {
      this.who = other;
    });
  }
  /** Every expected text is in the current persona's last turn. */
  sees(...expected: Expected[]): Flow {
    return this.step((p) => expectShown(p.replies, expected, [], `${p.name}'s last turn`));
  }
  /** None of these texts is in the current persona's last turn. */
  notSees(...unexpected: Expected[]): Flow {
    return this.step((p) => expectShown(p.replies, [], unexpected, `${p.name}'s last turn`));
  }
  /** Every expected text is in the current persona's newest notification. */
  receives(...expected: Expected[]): Flow {
    return this.step((p) => expectShown(p.inbox.at(-1), expected, [], `${p.name}'s newest notification`));
  }
  /** Any check of your own, with the persona the chain is at. */
  check(run: (who: Persona) => unknown): Flow {
    return this.step(run);
  }

  // biome-ignore lint/suspicious/noThenProperty: a flow is awaited, as botbuilder-testing's TestFlow is
  then<A = Turn, B = never>(
    onFulfilled?: ((turn: Turn) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    return this.chain
      .then(() => this.who.turns.at(-1) ?? { replies: [], answer: {} })
      .then(onFulfilled, onRejected);
  }
}
