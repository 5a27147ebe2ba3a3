import { describe, expect, it } from 'vitest';
import { renderInput } from '../../adapters/slack/render-inputs.ts';
import { parseActivity } from '../../adapters/teams/activity-parse.ts';
import { markdownSafe, renderCard, renderOutbound } from '../../adapters/teams/adaptive-card.ts';
import type { Button, Card } from '../../src/bot/messages.ts';
import { formCard } from '../support/cards.ts';
import { personalMessage } from '../support/teams-fixtures.ts';
import { adaptiveCardViolations } from './adaptive-rules.ts';

type El = Record<string, unknown>;

const answer = (i: number, label = `Svar ${i}`): Button => ({
  action: 'eligibility.answer',
  label,
  data: { q: 'x', a: i, v: 2 },
});
const nav: Button[] = [
  { action: 'eligibility.back', label: 'Tilbake', data: { v: 2 } },
  { action: 'eligibility.cancel', label: 'Avbryt', data: { v: 2 } },
];
const question = (buttons: Button[]): Card => ({
  kind: 'card',
  title: 'Kan du søke?',
  blocks: [{ kind: 'text', text: 'Spørsmål' }],
  buttons,
});
const titles = (actions: unknown) => (actions as El[]).map((a) => a.title);

describe('buttons as Teams shows them', () => {
  it('keeps up to six buttons in the card’s own row', () => {
    const [out] = renderCard(question([answer(1), answer(2), answer(3), answer(4), ...nav]));
    expect(titles(out?.actions)).toEqual(['Svar 1', 'Svar 2', 'Svar 3', 'Svar 4', 'Tilbake', 'Avbryt']);
    expect(adaptiveCardViolations(out!)).toEqual([]);
  });

  it('puts six answers in a row of their own and the navigation in the card’s row', () => {
    const [out] = renderCard(question([1, 2, 3, 4, 5, 6].map((i) => answer(i)).concat(nav)));
    const sets = out!.body.filter((e) => e.type === 'ActionSet');
    expect(sets.map((s) => titles(s.actions))).toEqual([
      ['Svar 1', 'Svar 2', 'Svar 3', 'Svar 4', 'Svar 5', 'Svar 6'],
    ]);
    expect(titles(out?.actions)).toEqual(['Tilbake', 'Avbryt']);
    expect(adaptiveCardViolations(out!)).toEqual([]);
  });

  it('splits a menu of seven into even rows', () => {
    const menu = [1, 2, 3, 4, 5, 6, 7].map((i) => ({ action: `d${i}.start`, label: `Meny ${i}` }));
    const [out] = renderCard(question(menu));
    const rows = [...out!.body.filter((e) => e.type === 'ActionSet').map((s) => s.actions), out!.actions];
    expect(rows.map((r) => (r as unknown[]).length)).toEqual([4, 3]);
  });

  it('shows long answers as a list with one "Answer" button, read back as that answer’s press', () => {
    const long = 'Overføring av tjenesteinnovasjon fra annet helseforetak';
    const [out] = renderCard(
      question([answer(1, 'Tjenesteinnovasjon'), answer(2, long), ...nav]),
      undefined,
      { locale: 'en' },
    );
    const list = out!.body.find((e) => e.type === 'Input.ChoiceSet')!;
    expect(list).toMatchObject({ style: 'expanded', isRequired: true, errorMessage: 'Choose one answer' });
    expect((list.choices as El[]).map((c) => c.title)).toEqual(['Tjenesteinnovasjon', long]);
    expect(titles(out?.actions)).toEqual(['Answer', 'Tilbake', 'Avbryt']);
    expect(adaptiveCardViolations(out!)).toEqual([]);
    // What Teams posts back for the submit: its data and the chosen value, side by side.
    const submit = (out!.actions as El[])[0]!;
    const value = { ...(submit.data as El), [list.id as string]: '1' };
    const event = parseActivity(
      {
        ...personalMessage('https://smba.trafficmanager.net/emea/', ''),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { verb: submit.verb, data: value } },
      } as never,
      new Date(),
    );
    expect(event.kind === 'turn' && event.inbound.action).toMatchObject({
      id: 'eligibility.answer',
      data: { a: 2, v: 2 },
    });
    const none = parseActivity(
      { ...personalMessage('https://smba.trafficmanager.net/emea/', ''), value: submit.data } as never,
      new Date(),
    );
    expect(none.kind === 'turn' && none.inbound.action?.id).toBe('engine.resume');
  });
});

describe('inputs as Teams shows them', () => {
  it('gives every required input a message in the turn’s language, and no inputMode', () => {
    const card = formCard(
      'Beløp',
      [{ kind: 'amount', id: 'total', label: 'Totalbudsjett', required: true }],
      [{ action: 'amount.total', label: 'Regn ut' }],
    );
    const [nb] = renderCard(card);
    const [en] = renderCard(card, undefined, { locale: 'en' });
    expect(nb!.body[1]).toMatchObject({ isRequired: true, errorMessage: 'Fyll inn: Totalbudsjett' });
    expect(en!.body[1]).toMatchObject({ errorMessage: 'Please fill in: Totalbudsjett' });
    expect(JSON.stringify(nb)).not.toContain('inputMode');
    expect(adaptiveCardViolations(nb!)).toEqual([]);
  });

  it('declares 1.6 only for the organisation-wide people picker', () => {
    const picker = formCard('Leder', [{ kind: 'person', id: 'leader', label: 'Leder', required: true }]);
    expect(renderCard(picker)[0]!.version).toBe('1.6');
    expect(adaptiveCardViolations(renderCard(picker)[0]!)).toEqual([]);
    const listed = renderCard(picker, undefined, { people: [{ title: 'Nils', value: 'n1' }] })[0]!;
    expect(listed.version).toBe('1.5');
  });
});

describe('Markdown-safe text', () => {
  it('keeps a date at the start of a line from becoming a numbered list', () => {
    expect(markdownSafe('Frist:\n4. november 2022 kl. 12')).toBe('Frist:\n4.\u00a0november 2022 kl. 12');
    expect(markdownSafe('Kl. 12. Ferdig')).toBe('Kl. 12. Ferdig');
    const [text] = renderOutbound({ kind: 'text', text: '20. oktober 2022: søknadsfrist' });
    expect(text!.text).toBe('20.\u00a0oktober 2022: søknadsfrist');
    const [card] = renderCard({ kind: 'card', title: 'x', blocks: [{ kind: 'text', text: '4. november' }] });
    expect(adaptiveCardViolations(card!)).toEqual([]);
  });

  it('is what the card rules catch when it is missing', () => {
    const raw = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: '4. november', wrap: true }],
    };
    expect(adaptiveCardViolations(raw)).toEqual([expect.stringContaining('numbered list')]);
    const seven = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [],
      actions: Array.from({ length: 7 }, (_, i) => ({ type: 'Action.Submit', title: `${i}` })),
    };
    expect(adaptiveCardViolations(seven)).toEqual([
      expect.stringContaining('nothing but buttons'),
      expect.stringContaining('7 actions'),
    ]);
    const bad = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Input.Text', id: 'a', label: 'A', inputMode: 'decimal' }],
    };
    expect(adaptiveCardViolations(bad)).toEqual([expect.stringContaining('inputMode')]);
  });
});

describe('a date question', () => {
  it('opens its picker on the bot’s day on Teams and on Slack', () => {
    const card = formCard(
      'Når?',
      [{ kind: 'date', id: 'end', label: 'Svar', required: true, opensOn: '2022-10-04' }],
      [{ action: 'eligibility.answer', label: 'Send' }],
    );
    expect(renderCard(card)[0]!.body[1]).toMatchObject({ type: 'Input.Date', value: '2022-10-04' });
    expect(renderInput(card.inputs![0]!).element).toMatchObject({
      type: 'datepicker',
      initial_date: '2022-10-04',
    });
  });
});
