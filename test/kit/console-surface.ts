import { type Choice, renderReplies } from '../../adapters/console/render.ts';
import { ConsoleChat } from '../../adapters/console/session.ts';
import type { Engine } from '../../src/bot/engine-port.ts';
import type { Outbound } from '../../src/bot/messages.ts';
import { EngineSurface, type EngineSurfaceOptions } from './engine-surface.ts';
import type { Answer, Identity, Press, SurfaceStart } from './surface.ts';

/**
 * The terminal chat (adapters/console): each persona has a ConsoleChat of their own on one engine
 * and store (two terminals on one Redis). Buttons are pressed by their number, a card's inputs are
 * answered one line each, people are picked as `@name`, exactly as a person types them.
 */
export class ConsoleSurface extends EngineSurface {
  override readonly name = 'console';
  private readonly terminals = new Map<string, { chat: ConsoleChat; drawn: Outbound[]; written: string[] }>();

  constructor(options: EngineSurfaceOptions = {}) {
    super({ ...options, platform: 'console' });
  }

  override async start(options: SurfaceStart): Promise<void> {
    await super.start(options);
    this.terminals.clear();
  }

  private terminal(who: Identity) {
    let t = this.terminals.get(who.id);
    if (t) return t;
    const written: string[] = [];
    const drawn: Outbound[] = [];
    // The console hands the engine's replies to the kit's chats through the real turn runner.
    const engine: Engine = {
      handle: async (event) => {
        const turn = await this.run(event);
        drawn.splice(0, drawn.length, ...turn.replies);
        for (const r of turn.replies) this.sender.reply(event.conversation.id, r);
        return { replies: turn.replies, notify: [] };
      },
    };
    const chat = new ConsoleChat({
      engine,
      write: (text) => written.push(text),
      name: who.name,
      ...(who.locale ? { locale: who.locale } : {}),
      now: () => this.clock.clock(),
      setNow: (at) => this.clock.set(at),
    });
    t = { chat, drawn, written };
    this.terminals.set(who.id, t);
    return t;
  }

  private async lines(who: Identity, lines: string[]): Promise<Answer> {
    const t = this.terminal(who);
    const from = t.written.length;
    for (const line of lines) await t.chat.line(line);
    return { body: t.written.slice(from).join('\n') };
  }

  override say(who: Identity, text: string): Promise<Answer> {
    return this.lines(who, [text]);
  }

  override press(who: Identity, { on, button, inputs, picked }: Press): Promise<Answer> {
    const t = this.terminal(who);
    const { choices } = renderReplies(t.drawn);
    const { action, data } = button.press as { action: string; data: Record<string, unknown> };
    const choice = choices.find(
      (c) => c.button.action === action && JSON.stringify(c.button.data ?? {}) === JSON.stringify(data),
    );
    if (!choice)
      throw new Error(
        `the console shows buttons of the last answer only; ${button.label} is on an older one (${on.ref})`,
      );
    return this.lines(who, [String(choice.n), ...answers(choice, inputs, picked)]);
  }
}

/** One line per input the console asks for: the value typed, an option's number, `@name`, or enter. */
function answers(
  choice: Choice,
  inputs: Record<string, unknown>,
  picked: Record<string, Identity>,
): string[] {
  if (choice.inputs.length === 0) return [];
  return choice.inputs.map((input) => {
    const person = picked[input.id];
    if (person) return `@${person.name}`;
    const value = inputs[input.id];
    if (value === undefined) return '';
    if (input.kind !== 'choice') return String(value);
    const numbers = (Array.isArray(value) ? value : [value]).map(
      (v) => input.options.findIndex((o) => o.value === v) + 1,
    );
    return numbers.join(', ');
  });
}
