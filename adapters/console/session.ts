import type { Engine } from '../../src/bot/engine-port.ts';
import type { Inbound, Outbound } from '../../src/bot/messages.ts';
import type { Locale } from '../../src/domain/call.ts';
import { formatLocal, parseAt } from '../../src/domain/timeline.ts';
import { userIdOf } from './args.ts';
import {
  type Choice,
  CONSOLE_WORDS,
  type EmptyLine,
  emptyLine,
  inputPrompt,
  presetValues,
  readInput,
  renderReplies,
} from './render.ts';

/** A card's inputs being asked for, one line each, before its button's click is sent. */
interface Form {
  choice: Choice;
  /** Preset values first, then what the user typed. */
  values: Record<string, unknown>;
  index: number;
  /** The user typed an answer (a non-submit button's form is then filled like the submit's). */
  started: boolean;
  /** People picked as @name, named as typed (the console's stand-in for a platform's name lookup). */
  people: Record<string, { name: string }>;
}

export interface ConsoleChatOptions {
  engine: Engine;
  write: (text: string) => void;
  name: string;
  locale?: Locale;
  /** The console's clock; `/at` moves it. */
  now: () => Date;
  setNow: (at: Date) => void;
  color?: boolean;
  /** Where engine errors go (the user already got a polite reply). */
  onError?: (error: unknown) => void;
}

/**
 * One terminal conversation: lines in, drawn replies out. A number presses a button; a button on a
 * card with inputs (other than navigation, see `Choice`) first asks for each input, one line each, so
 * piped input works the same. `/cancel` drops a form being filled in.
 */
export class ConsoleChat {
  private choices: Choice[] = [];
  private form: Form | undefined;
  private name: string;
  private locale: Locale;

  constructor(private readonly o: ConsoleChatOptions) {
    this.name = o.name;
    this.locale = o.locale ?? 'nb';
  }

  private get words() {
    return CONSOLE_WORDS[this.locale];
  }

  /** What to show before the next line. */
  prompt(): string {
    const form = this.form;
    const input = form?.choice.inputs[form.index];
    if (!form || !input) return `${this.name}> `;
    return inputPrompt(input, {
      empty: this.empty(form),
      ...(form.choice.errors[input.id] ? { error: form.choice.errors[input.id] } : {}),
      single: form.choice.inputs.length === 1,
      locale: this.locale,
    });
  }

  /** Handles one line; false when the user wants to leave. */
  async line(raw: string): Promise<boolean> {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') return false;
    if (this.form) return this.fill(line);
    if (line.startsWith('/as ')) {
      this.name = line.slice(4).trim() || this.name;
      this.choices = [];
      this.o.write(this.words.nowAs(this.name));
      return true;
    }
    if (line.startsWith('/at ')) {
      // Oslo time, as the CLI reads --at: "2022-10-20T14:30" is half past two in Trondheim.
      let at: Date | undefined;
      try {
        at = parseAt(line.slice(4).trim());
      } catch {
        this.o.write(this.words.badTime);
        return true;
      }
      this.o.setNow(at);
      this.o.write(this.words.clock(formatLocal(at), at.toISOString()));
      return true;
    }
    if (line === '') return true;
    const n = /^\d+$/.test(line) ? Number(line) : undefined;
    // A card whose buttons are numbers ("0", "1", "3 eller flere"): the typed number means the button
    // of that number, not its position, so it goes to the engine as text (it reads button labels).
    const named = n !== undefined && this.choices.some((c) => c.button.label.split(' ')[0] === line);
    // A card that asks for a number (how many awards, what share): the typed number is the answer,
    // not button N; the engine reads it as the answer to its question.
    const asksNumber = this.choices.some(
      (c) => c.submits && c.inputs.length === 1 && c.inputs[0]?.kind === 'number',
    );
    const choice = n === undefined || named || asksNumber ? undefined : this.choices.find((c) => c.n === n);
    if (choice) {
      if (choice.inputs.length > 0) {
        this.form = { choice, values: presetValues(choice.inputs), index: 0, started: false, people: {} };
        return true;
      }
      await this.send({ action: { id: choice.button.action, data: choice.button.data ?? {} } });
      return true;
    }
    await this.send({ text: line });
    return true;
  }

  private empty(form: Form): EmptyLine {
    const input = form.choice.inputs[form.index]!;
    return emptyLine(input, { submits: form.choice.submits, started: form.started, first: form.index === 0 });
  }

  /** One answer to the form being filled in; sends the click after the last one. */
  private async fill(line: string): Promise<boolean> {
    const form = this.form!;
    if (line === '/cancel') {
      this.form = undefined;
      this.o.write(this.words.dropped);
      return true;
    }
    const input = form.choice.inputs[form.index]!;
    if (line !== '') {
      const value = readInput(input, line);
      form.values[input.id] = value;
      if (input.kind === 'person' && typeof value === 'string' && value.startsWith('@'))
        form.people[value.slice(1)] = { name: nameOf(line.trim().slice(1)) };
      form.started = true;
      form.index++;
    } else {
      const empty = this.empty(form);
      if (empty === 'required') {
        this.o.write(this.words.mustFill(input.label));
        return true;
      }
      form.index = empty === 'skip-form' ? form.choice.inputs.length : form.index + 1;
    }
    if (form.index < form.choice.inputs.length) return true;
    this.form = undefined;
    const { button } = form.choice;
    const people = Object.keys(form.people).length > 0 ? { people: form.people } : {};
    await this.send({
      action: { id: button.action, data: button.data ?? {}, inputs: form.values, ...people },
    });
    return true;
  }

  /** Sends one event and draws the replies. */
  async send(what: Pick<Inbound, 'text' | 'action'>): Promise<Outbound[]> {
    // The language button changes the session's language; the console's own words follow it.
    const chosen = what.action?.id === 'language.start' ? what.action.data.locale : undefined;
    if (chosen === 'nb' || chosen === 'en') this.locale = chosen;
    const userId = userIdOf(this.name);
    const result = await this.o.engine.handle({
      platform: 'console',
      user: { id: userId, name: this.name, ...(this.o.locale ? { locale: this.o.locale } : {}) },
      conversation: { id: `console-${userId}`, kind: 'personal' },
      bookkeeping: { keepProfile: true },
      ...what,
      at: this.o.now(),
    });
    if (result.error !== undefined) this.o.onError?.(result.error);
    const drawn = renderReplies(result.replies, this.o.color ?? false);
    this.choices = drawn.choices;
    this.o.write(drawn.text);
    for (const n of result.notify) {
      this.o.write(
        `(→ message for ${n.to.userId}: ${renderReplies([n.message]).text.split('\n').slice(0, 3).join(' ')})`,
      );
    }
    return result.replies;
  }
}

/** "åse-øverås" or "Åse Øverås" as a name to show: words split on dashes, each capitalised. */
export function nameOf(typed: string): string {
  return typed
    .split(/[\s-]+/)
    .filter((w) => w !== '')
    .map((w) => w.charAt(0).toLocaleUpperCase('nb') + w.slice(1))
    .join(' ');
}
