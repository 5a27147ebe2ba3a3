import type { ScriptStep } from '../support/transcript.ts';

/**
 * The openings many transcripts walk through before the turn they are about. Each one checks the
 * questions it passes, so a test that starts from it still fails where the conversation went wrong.
 */

type Expect = (string | RegExp)[];

export interface OpeningOptions {
  /** English labels and questions. */
  en?: boolean;
  /** Labels typed as text instead of clicked: a typed label presses its button (docs/conversation.md). */
  typed?: boolean;
  /** What the first reply must show, when a test checks more than "which call?". */
  asks?: Expect;
  /** More that the reply to the last step must show. */
  expect?: Expect;
}

/** A button label clicked, or typed as text. */
export function press(label: string, typed = false, expect?: Expect): ScriptStep {
  const step: ScriptStep = typed ? { say: label } : { click: label };
  return expect ? { ...step, expect } : step;
}

/** A command, the innovation call and a category; `then` is what the category's answer shows. */
export function innovation(
  command: string,
  category: string,
  then: Expect,
  o: OpeningOptions = {},
): ScriptStep[] {
  const en = o.en ?? false;
  return [
    { say: command, expect: o.asks ?? [en ? 'Which call' : 'Hvilken utlysning'] },
    press(en ? 'Innovation funding 2023' : 'Innovasjonsmidler 2023', o.typed),
    press(category, o.typed, [...then, ...(o.expect ?? [])]),
  ];
}

/** The amount calculator up to its first budget question. */
export function toBudget(command: string, category: string, o: OpeningOptions = {}): ScriptStep[] {
  return innovation(command, category, [o.en ? 'total project budget' : 'samlede prosjektbudsjettet'], o);
}

/** The eligibility check (or an application) up to the health-trust question. */
export function toTrust(command: string, category: string, o: OpeningOptions = {}): ScriptStep[] {
  return innovation(command, category, [o.en ? 'Which health trust' : 'Hvilket helseforetak'], o);
}

/** "ny søknad" through to an application created from the title and the health trust. */
export function newApplication(
  title: string,
  o: { category?: string; trust?: string; typed?: boolean } = {},
): ScriptStep[] {
  return [
    ...innovation('ny søknad', o.category ?? 'Produktinnovasjon', ['Hva heter prosjektet?'], o),
    { say: title, expect: ['Hvilket helseforetak'] },
    press(o.trust ?? 'Hemit HF', o.typed, ['er opprettet']),
  ];
}

/**
 * The Norwegian check of a service project from its call to the verdict's date question, every
 * rule met (a 25 % own financing, the head of clinic's sign-off, no large equipment).
 */
export function passingCheck(trust = 'St. Olavs hospital HF', percent = '50'): ScriptStep[] {
  return [
    press('Innovasjonsmidler 2023'),
    press('Tjenesteinnovasjon', false, ['Hvilket helseforetak']),
    press(trust, false, ['Hvor stor stilling']),
    { say: percent, expect: ['Hvor mange tildelinger'] },
    { say: '0', expect: ['Kan prosjektet selv finansiere minst 25 %'] },
    press('Ja', false, ['forankret hos klinikksjef']),
    press('Ja', false, ['større generelle utstyrsinvesteringer']),
    press('Nei', false, ['Når blir arbeidet']),
  ];
}
