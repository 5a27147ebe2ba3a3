import { describe, expect, it } from 'vitest';
import { MAX_CARD_BYTES, renderCard, renderOutbound } from '../../adapters/teams/adaptive-card.ts';
import type { Card } from '../../src/bot/messages.ts';

type El = Record<string, unknown>;
const find = (els: El[], type: string) => els.filter((e) => e.type === type);

describe('Adaptive Card rendering', () => {
  const card: Card = {
    kind: 'card',
    title: 'Søknad',
    blocks: [
      { kind: 'text', text: 'Frist **20. oktober**', emphasis: 'warning' },
      { kind: 'facts', facts: [{ label: 'Utlysning', value: 'Innovasjon' }] },
      {
        kind: 'steps',
        steps: [
          { label: 'Leder', state: 'done' },
          { label: 'Klinikksjef', state: 'current', detail: 'venter' },
        ],
      },
      { kind: 'quote', text: '25 % egenfinansiering', source: 'innovasjon-2023' },
    ],
    inputs: [
      { kind: 'text', id: 'title', label: 'Tittel', required: true, maxLength: 80 },
      { kind: 'amount', id: 'total', label: 'Totalbudsjett', placeholder: '1 200 000' },
      { kind: 'number', id: 'pct', label: 'Stilling', min: 0, max: 100 },
      {
        kind: 'choice',
        id: 'trust',
        label: 'Foretak',
        multiple: false,
        options: [{ value: 'stolav', label: 'St. Olavs' }],
      },
      {
        kind: 'choice',
        id: 'partners',
        label: 'Partnere',
        multiple: true,
        options: Array.from({ length: 8 }, (_, i) => ({ value: `p${i}`, label: `P${i}` })),
        value: ['p1', 'p2'],
      },
      { kind: 'date', id: 'start', label: 'Start', value: '2024-01-01' },
      { kind: 'person', id: 'leader', label: 'Nærmeste leder', required: true },
    ],
    buttons: [
      { action: 'application.next', label: 'Neste', style: 'primary', data: { v: 3 } },
      { action: 'engine.cancel', label: 'Avbryt', style: 'danger' },
      { action: 'amount.own', label: 'Vet ikke ennå', data: { unknown: true }, withoutInputs: true },
    ],
    errors: { total: 'Skriv et beløp i hele kroner' },
  };

  it('renders schema elements for every block, input and button', () => {
    const [out] = renderCard(card);
    // The organisation-wide people picker (Data.Query) is Adaptive Cards 1.6.
    expect(out?.version).toBe('1.6');
    const body = out?.body ?? [];
    expect(find(body, 'FactSet')).toHaveLength(1);
    expect(body.find((e) => e.type === 'TextBlock' && e.text === 'Frist **20. oktober**')?.color).toBe(
      'Warning',
    );
    expect(JSON.stringify(body)).toContain('✅ Leder');
    const choice = find(body, 'Input.ChoiceSet');
    expect(choice[0]).toMatchObject({ id: 'trust', style: 'expanded', isMultiSelect: false });
    expect(choice[1]).toMatchObject({
      id: 'partners',
      style: 'compact',
      isMultiSelect: true,
      value: 'p1,p2',
    });
    expect(choice[2]).toMatchObject({
      id: 'leader',
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
      fallback: { type: 'Input.Text', id: 'leader' },
    });
    expect(find(body, 'Input.Date')[0]).toMatchObject({ id: 'start', value: '2024-01-01' });
    expect(find(body, 'Input.Number')[0]).toMatchObject({ min: 0, max: 100 });
    // The server-side error sits right below its input.
    const totalIndex = body.findIndex((e) => e.id === 'total');
    expect(body[totalIndex + 1]).toMatchObject({
      type: 'TextBlock',
      color: 'Attention',
      text: 'Skriv et beløp i hele kroner',
    });
    const [next, cancel, unknown] = (out?.actions ?? []) as El[];
    // Teams holds back a button while a required input is empty, unless the button sends no inputs.
    expect(next?.associatedInputs).toBeUndefined();
    expect(cancel).toMatchObject({ associatedInputs: 'none', fallback: { associatedInputs: 'none' } });
    expect(unknown).toMatchObject({ associatedInputs: 'none', fallback: { associatedInputs: 'none' } });
    expect(next).toMatchObject({
      type: 'Action.Execute',
      verb: 'application.next',
      style: 'positive',
      data: { midlerbot: { action: 'application.next', data: { v: 3 } } },
      fallback: {
        type: 'Action.Submit',
        data: { midlerbot: { action: 'application.next', data: { v: 3 } } },
      },
    });
    expect(cancel?.style).toBe('destructive');
  });

  it('splits a long list into several cards under the size limit, inputs and buttons on the last', () => {
    const long: Card = {
      kind: 'card',
      title: 'Alle søknader',
      blocks: [
        {
          kind: 'facts',
          facts: Array.from({ length: 600 }, (_, i) => ({ label: `Søknad ${i}`, value: 'x'.repeat(60) })),
        },
      ],
      inputs: [{ kind: 'text', id: 'q', label: 'Søk' }],
      buttons: [{ action: 'status.search', label: 'Søk' }],
    };
    const cards = renderCard(long);
    expect(cards.length).toBeGreaterThan(1);
    for (const c of cards) expect(Buffer.byteLength(JSON.stringify(c))).toBeLessThanOrEqual(MAX_CARD_BYTES);
    const facts = cards.flatMap((c) => find(c.body, 'FactSet').flatMap((f) => f.facts as unknown[]));
    expect(facts).toHaveLength(600);
    expect(cards.slice(0, -1).every((c) => !c.actions && find(c.body, 'Input.Text').length === 0)).toBe(true);
    expect(cards.at(-1)?.actions).toHaveLength(1);
    expect(find(cards.at(-1)?.body ?? [], 'Input.Text')).toHaveLength(1);
  });

  it('sends text as markdown and cards as adaptive attachments', () => {
    expect(renderOutbound({ kind: 'text', text: '**Hei**' })).toEqual([
      { type: 'message', text: '**Hei**', textFormat: 'markdown' },
    ]);
    const [activity] = renderOutbound(card);
    expect(activity?.summary).toBe('Søknad');
    expect((activity?.attachments as { contentType: string }[] | undefined)?.[0]?.contentType).toBe(
      'application/vnd.microsoft.card.adaptive',
    );
  });
});
