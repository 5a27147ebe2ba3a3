import type { Engine } from '../src/bot/engine-port.ts';
import type { Button, Inbound, Outbound, TurnResult } from '../src/bot/messages.ts';

/** The instant every simulated turn happens at: the innovation call is open, deadline in 35 days. */
export const BENCH_AT = new Date('2022-09-15T10:00:00Z');

/** One user turn: typed text, or a click on the button with this label in the previous reply. */
export type BenchStep = { say: string } | { click: string };

/** A conversation to replay, and text its last reply must show (so the bench times the real path). */
export interface BenchScript {
  steps: readonly BenchStep[];
  endsWith: string;
}

/**
 * The eligibility check as a person does it (English, innovation call, service category): typed
 * text and button presses, ending in "yes, once the to-dos are done". Same path as the transcript
 * test in test/transcripts/eligibility.test.ts, so the benchmark times what users actually do.
 */
export const ELIGIBILITY_SCRIPT: BenchScript = {
  endsWith: 'Yes, you can apply',
  steps: [
    { say: 'am I eligible' },
    { click: 'Innovation funding 2023' },
    { click: 'Service innovation' },
    { click: 'St. Olavs hospital HF' },
    { say: '60' },
    { say: '1' },
    { click: 'Yes' },
    { click: 'Not yet' },
    { click: 'Yes' },
    { say: '2023-11-30' },
  ],
};

/**
 * The eligibility check and then the turns that touch more of the Store: an application created
 * from the verdict, the status overview, a language switch (profile write) and help. Used to count
 * Redis round trips for every kind of turn, not only dialog steps.
 */
export const ROUND_TRIP_SCRIPT: BenchScript = {
  endsWith: 'Midlerbot',
  steps: [
    ...ELIGIBILITY_SCRIPT.steps,
    { click: 'Start an application' },
    { say: 'Smart pill box' },
    { say: 'status' },
    { say: 'norsk' },
    { say: 'english' },
    { say: 'help' },
  ],
};

export function stepLabel(step: BenchStep, index: number): string {
  return `${String(index + 1).padStart(2, '0')} ${'say' in step ? `say "${step.say}"` : `click [${step.click}]`}`;
}

function buttonsOf(replies: readonly Outbound[]): Button[] {
  return replies.flatMap((r) => (r.kind === 'card' ? (r.buttons ?? []) : []));
}

function textOf(replies: readonly Outbound[]): string {
  return replies
    .map((r) =>
      r.kind === 'text'
        ? r.text
        : [r.title ?? '', ...r.blocks.map((b) => ('text' in b ? b.text : ''))].join('\n'),
    )
    .join('\n');
}

/** One simulated person in a personal chat; each turn is checked so a broken dialog stops the bench. */
export class BenchUser {
  private last: TurnResult | undefined;

  constructor(
    private readonly engine: Engine,
    readonly id: string,
  ) {}

  private event(what: Pick<Inbound, 'text' | 'action'>): Inbound {
    return {
      platform: 'teams',
      user: { id: this.id, name: `Bench ${this.id}`, locale: 'en' },
      conversation: { id: `conv-${this.id}`, kind: 'personal' },
      ...what,
      at: new Date(BENCH_AT.getTime()),
    };
  }

  /** The Inbound for a step, resolved against the previous reply (so it can be built before timing). */
  next(step: BenchStep): Inbound {
    if ('say' in step) return this.event({ text: step.say });
    const buttons = buttonsOf(this.last?.replies ?? []);
    const button = buttons.filter((b) => b.label === step.click).at(-1);
    if (!button) {
      throw new Error(
        `bench user ${this.id}: no button [${step.click}] (have: ${buttons.map((b) => b.label).join(' | ')})\n${textOf(this.last?.replies ?? [])}`,
      );
    }
    return this.event({ action: { id: button.action, data: button.data ?? {} } });
  }

  async send(event: Inbound): Promise<TurnResult> {
    const result = await this.engine.handle(event);
    if (result.error !== undefined)
      throw new Error(`bench user ${this.id}: turn failed: ${String(result.error)}`);
    this.last = result;
    return result;
  }

  /** After the last step: the conversation must have got where it should, or the bench timed something else. */
  assertFinished(script: BenchScript): void {
    const shown = textOf(this.last?.replies ?? []);
    if (!shown.includes(script.endsWith)) {
      throw new Error(`bench user ${this.id}: the last reply lacks "${script.endsWith}":\n${shown}`);
    }
  }

  /** What the last reply showed (for diagnosing a script that went astray). */
  lastText(): string {
    return textOf(this.last?.replies ?? []);
  }
}
