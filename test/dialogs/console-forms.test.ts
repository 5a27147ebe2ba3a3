import { describe, expect, it } from 'vitest';
import { userIdOf } from '../../adapters/console/args.ts';
import { readInput, renderReplies } from '../../adapters/console/render.ts';
import { ConsoleChat } from '../../adapters/console/session.ts';
import type { Engine } from '../../src/bot/engine-port.ts';
import type { Inbound, Input } from '../../src/bot/messages.ts';
import { readPickedPerson } from '../../src/domain/endorsement-request.ts';
import { formCard } from '../support/cards.ts';

/** The terminal chat's forms, on an engine that records what it is sent and always shows one form. */
describe('console forms (unit, on a recording engine)', () => {
  const form = formCard(
    'Skjema',
    [
      { kind: 'text', id: 'title', label: 'Tittel', required: true },
      { kind: 'text', id: 'days', label: 'Dager', value: '14, 7', required: true },
      { kind: 'person', id: 'who', label: 'Leder' },
      { kind: 'text', id: 'note', label: 'Melding' },
    ],
    [
      { action: 'engine.resume', label: 'Fortsett der jeg var', style: 'primary' },
      { action: 'x.save', label: 'Lagre', style: 'primary' },
      { action: 'x.skip', label: 'Hopp over', data: { skip: true } },
      { action: 'x.back', label: 'Tilbake' },
      { action: 'x.cancel', label: 'Avbryt' },
      { action: 'help.start', label: 'Hjelp' },
    ],
    { errors: { title: 'Skriv en tittel.', other: 'Noe annet gikk galt.' } },
  );

  function recording() {
    const sent: Inbound[] = [];
    const engine: Engine = {
      async handle(event) {
        sent.push(event);
        return { replies: [form], notify: [] };
      },
    };
    const out: string[] = [];
    const chat = new ConsoleChat({
      engine,
      name: 'Kari',
      now: () => new Date('2022-10-10T08:00:00Z'),
      setNow: () => {},
      write: (t) => out.push(t),
    });
    return { chat, sent, out };
  }

  it('draws errors by their field, marks required inputs and presets; navigation never asks for inputs', () => {
    const { text, choices } = renderReplies([form]);
    expect(text).toContain('│   ✎ Tittel *\n│     ! Skriv en tittel.\n│   ✎ Dager * [14, 7]');
    expect(text).toContain('│ ! Noe annet gikk galt.');
    expect(choices.map((c) => [c.button.label, c.inputs.length, c.submits])).toEqual([
      ['Fortsett der jeg var', 0, false],
      ['Lagre', 4, true],
      ['Hopp over', 4, false],
      ['Tilbake', 0, false],
      ['Avbryt', 0, false],
      ['Hjelp', 0, false],
    ]);
  });

  it('the submit button: required enforced, presets kept on enter, optional skipped, @name read as a console user', async () => {
    const { chat, sent, out } = recording();
    await chat.send({ text: 'skjema' });
    await chat.line('2');
    expect(chat.prompt()).toBe('! Skriv en tittel.\nTittel (må fylles ut): ');
    await chat.line('');
    expect(out.at(-1)).toBe('(Tittel må fylles ut; /cancel forkaster skjemaet)');
    for (const line of ['Min søknad', '', '@Kari Søker', '']) await chat.line(line);
    expect(sent.at(-1)?.action).toEqual({
      id: 'x.save',
      data: {},
      inputs: { title: 'Min søknad', days: '14, 7', who: '@kari-soker' },
      people: { 'kari-soker': { name: 'Kari Søker' } },
    });
  });

  it('another button: enter on the first prompt sends it with the presets; navigation sends at once', async () => {
    const { chat, sent } = recording();
    await chat.send({ text: 'skjema' });
    await chat.line('3');
    expect(chat.prompt()).toBe('! Skriv en tittel.\nTittel (enter: hopp over skjemaet): ');
    await chat.line('');
    expect(sent.at(-1)?.action).toEqual({ id: 'x.skip', data: { skip: true }, inputs: { days: '14, 7' } });
    await chat.line('1');
    expect(sent.at(-1)?.action).toEqual({ id: 'engine.resume', data: {} });
    await chat.line('4');
    expect(sent.at(-1)?.action).toEqual({ id: 'x.back', data: {} });
  });

  it('reads @name with æ/ø/å as the console user --as that name; the domain takes such ids', () => {
    const person: Input = { kind: 'person', id: 'p', label: 'P' };
    expect(readInput(person, '@kari-søker')).toBe('@kari-soker');
    expect(readInput(person, '@Kari Søker')).toBe(`@${userIdOf('Kari Søker')}`);
    expect(readInput(person, 'Kari Søker')).toBe('Kari Søker');
    expect(readPickedPerson('console', '@kari-søker', undefined)).toEqual({
      kind: 'platform',
      person: { platform: 'console', userId: 'kari-søker', name: 'kari-søker' },
    });
    expect(readPickedPerson('console', '@kari søker', undefined).kind).toBe('typed');
  });
});
