import type { Engine } from '../../src/bot/engine-port.ts';
import type { Inbound, Outbound } from '../../src/bot/messages.ts';
import type { Locale } from '../../src/domain/call.ts';
import { userIdOf } from './args.ts';
import { type Choice, inputPrompt, readInput, renderReplies } from './render.ts';

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
 * card with inputs first asks for each input, one line each, so piped input works the same.
 */
export class ConsoleChat {
  private choices: Choice[] = [];
  private form: { choice: Choice; values: Record<string, unknown>; index: number } | undefined;
  private name: string;

  constructor(private readonly o: ConsoleChatOptions) {
    this.name = o.name;
  }

  /** What to show before the next line. */
  prompt(): string {
    const input = this.form?.choice.inputs[this.form.index];
    return input ? inputPrompt(input) : `${this.name}> `;
  }

  /** Handles one line; false when the user wants to leave. */
  async line(raw: string): Promise<boolean> {
    const line = raw.trim();
    if (this.form) return this.fill(line);
    if (line === '/quit' || line === '/exit') return false;
    if (line.startsWith('/as ')) {
      this.name = line.slice(4).trim() || this.name;
      this.choices = [];
      this.o.write(`(you are now ${this.name})`);
      return true;
    }
    if (line.startsWith('/at ')) {
      const at = new Date(line.slice(4).trim());
      if (Number.isNaN(at.getTime())) this.o.write('(not a date)');
      else {
        this.o.setNow(at);
        this.o.write(`(clock: ${at.toISOString()})`);
      }
      return true;
    }
    if (line === '') return true;
    const n = /^\d+$/.test(line) ? Number(line) : undefined;
    const choice = n === undefined ? undefined : this.choices.find((c) => c.n === n);
    if (choice) {
      if (choice.submits) {
        this.form = { choice, values: {}, index: 0 };
        return true;
      }
      await this.send({ action: { id: choice.button.action, data: choice.button.data ?? {} } });
      return true;
    }
    await this.send({ text: line });
    return true;
  }

  private async fill(line: string): Promise<boolean> {
    const form = this.form!;
    const input = form.choice.inputs[form.index]!;
    if (line !== '') form.values[input.id] = readInput(input, line);
    form.index++;
    if (form.index < form.choice.inputs.length) return true;
    this.form = undefined;
    const { button } = form.choice;
    await this.send({ action: { id: button.action, data: button.data ?? {}, inputs: form.values } });
    return true;
  }

  /** Sends one event and draws the replies. */
  async send(what: Pick<Inbound, 'text' | 'action'>): Promise<Outbound[]> {
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
