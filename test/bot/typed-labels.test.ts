import { describe, expect, it } from 'vitest';
import { dialogs } from '../../dialogs/index.ts';
import { message } from '../../src/bot/cards.ts';
import type { Dialog } from '../../src/bot/dialog.ts';
import { createEngine } from '../../src/bot/engine.ts';
import type { Inbound, TurnResult } from '../../src/bot/messages.ts';
import { createCatalog } from '../../src/domain/catalog.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { countingDialogs } from '../support/dialog-counts.ts';
import { Chat, play, render } from '../support/transcript.ts';
import { newApplication, toBudget } from '../transcripts/steps.ts';

const AT = '2022-09-15T10:00:00Z';
const UNKNOWN = 'Det forsto jeg ikke helt';

describe('routing with typos picks the most specific phrase', () => {
  // Answered in the language it is written in, whatever the client's locale (docs/conversation.md).
  it.each([
    ['hvor my kan jeg søke om', 'Hvilken utlysning gjelder det?', 'Hvilken utlysning vil du sjekke?'],
    ['hvormye kan jeg søke om', 'Hvilken utlysning gjelder det?', 'Hvilken utlysning vil du sjekke?'],
    ['howmuch can i apply for', 'Which call is it for?', 'Which call do you want to check?'],
  ])('"%s" opens the amount dialog, not the eligibility check', async (typed, amount, check) => {
    const chat = new Chat({ store: createMemoryStore(), at: AT });
    await play(chat, [{ say: typed, expect: [amount], not: [check] }]);
  });
});

describe('a typed button label presses the button (real dialogs, memory store)', () => {
  const chat = (locale?: 'en') =>
    new Chat({ store: createMemoryStore(), at: AT, ...(locale ? { locale } : {}) });

  it('eligibility: call, category, trust and "ja"/"Ja"/"Nei" typed instead of clicked', async () => {
    await play(chat(), [
      { say: 'kan jeg søke', expect: ['Hvilken utlysning vil du sjekke?'] },
      { say: 'innovasjonsmidler 2023', expect: ['Hvilken kategori søker du i?'] },
      { say: 'Tjenesteinnovasjon', expect: ['Spørsmål 1 av 7', 'Hvilket helseforetak'] },
      { say: 'st olavs hospital hf', expect: ['Spørsmål 2 av 7'] },
      { say: '50', expect: ['Spørsmål 3 av 7'] },
      { say: '0', expect: ['Spørsmål 4 av 7', '[Ja]'] },
      { say: 'ja', expect: ['Spørsmål 5 av 7', 'forankret hos klinikksjef'], not: [UNKNOWN] },
      // "nei" is not the whole label "Nei, klinikksjef har sagt nei": nothing is answered.
      { say: 'nei', expect: [UNKNOWN, '[Fortsett der jeg var]'] },
      { click: 'Fortsett der jeg var', expect: ['Spørsmål 5 av 7'] },
      { say: 'Ja', expect: ['Spørsmål 6 av 7', 'utstyrsinvesteringer'] },
      { say: 'Nei', expect: ['Spørsmål 7 av 7', 'Skriv en dato'], not: [UNKNOWN] },
    ]);
  });

  it('amount: a typed category with a typo, "Vet ikke ennå" and "Ingen" while an amount is awaited, "0"', async () => {
    await play(chat(), [
      ...toBudget('hvor mye kan jeg søke om', 'tjenesteinovasjon', {
        typed: true,
        expect: ['Innovasjonsmidler 2023 – Tjenesteinnovasjon'],
      }),
      { say: '1 mill', expect: ['egenfinansiering'] },
      // The dialog cannot read it as an amount, so it is the button's label.
      { say: 'Vet ikke ennå', expect: ['annen finansiering'], not: ['klarte ikke å lese'] },
      { say: 'ingen', expect: ['Hvor mange tildelinger'], not: ['klarte ikke å lese'] },
      { say: '0', expect: ['# Du kan søke om inntil 750 000 kr'], not: [UNKNOWN] },
    ]);
  });

  it('amount: "3" names "3 eller flere"; unreadable text that is no label is re-asked as before', async () => {
    await play(chat(), [
      ...toBudget('beløp', 'Produktinnovasjon', { typed: true }),
      { say: 'mye penger', expect: ['klarte ikke å lese «mye penger»'] },
      { say: '400k' },
      { say: '100 000' },
      { say: '0', expect: ['Hvor mange tildelinger'] },
      { say: '3', expect: ['Grensen for antall tildelinger'], not: [UNKNOWN] },
    ]);
  });

  it('en: "Service innovation", "Not sure yet", "None", "0"', async () => {
    await play(chat('en'), [
      { say: 'how much can I ask for' },
      { say: 'innovation funding 2023' },
      { say: 'service innovation', expect: ['Innovation funding 2023 – Service innovation'] },
      { say: '1 000 000' },
      { say: 'not sure yet', expect: ['other funding'] },
      { say: 'None' },
      { say: '0', expect: ['# You can ask for up to NOK 750,000'] },
    ]);
  });

  it('a destructive button is never pressed by typing its label, even exactly', async () => {
    const store = createMemoryStore();
    const c = new Chat({ store, at: AT });
    await play(c, [
      ...newApplication('Smart seng', { typed: true }),
      // The words themselves ask for a confirmation (routing), which only a click gives.
      { say: 'slett mine data', expect: ['# Slette alle dataene dine?', '[Ja, slett alt]'] },
      { say: 'Ja, slett alt', not: ['er slettet'] },
      { say: 'ja slet alt', not: ['er slettet'] },
    ]);
    expect(await store.listApplicationsByUser('console', 'u1')).toHaveLength(1);
  });

  it('a label from an older card does not act', async () => {
    const c = chat();
    await play(c, [
      ...toBudget('hvor mye kan jeg søke om', 'Tjenesteinnovasjon', { typed: true }),
      { say: '1 mill' },
      { say: '250 000', expect: ['annen finansiering'] },
      // A label of the category card while an amount is awaited: an unreadable amount, nothing else.
      {
        say: 'Produktinnovasjon',
        expect: ['klarte ikke å lese «Produktinnovasjon»', 'Innovasjonsmidler 2023 – Tjenesteinnovasjon'],
      },
      { say: 'Ingen', expect: ['Hvor mange tildelinger'] },
      // "Vet ikke ennå" was on the own-financing card, not on this one.
      { say: 'Vet ikke ennå', expect: [UNKNOWN, '[Fortsett der jeg var]'] },
      { say: 'avbryt', expect: ['jeg avbrøt'] },
      // After the dialog ended, its labels mean nothing.
      { say: '0', expect: [UNKNOWN], not: ['[Fortsett der jeg var]', 'Du kan søke om inntil'] },
    ]);
  });

  it('the global words keep their meaning even when a button has the same label', async () => {
    await play(chat(), [
      { say: 'kan jeg søke' },
      { say: 'Innovasjonsmidler 2023', expect: ['[Tilbake]'] },
      { say: 'tilbake', expect: ['Hvilken utlysning vil du sjekke?'] },
      { say: 'hjelp', expect: ['Hei! Jeg er Midlerbot', '[Fortsett der jeg var]'] },
      // Help did not replace the card: its labels still work.
      { say: 'Innovasjonsmidler 2023', expect: ['Hvilken kategori søker du i?'] },
      { say: 'Avbryt', expect: ['jeg avbrøt'] },
    ]);
  });
});

/** A test dialog whose card has labels that are exact, close, duplicated and ambiguous. */
const pick: Dialog = {
  name: 'pick',
  triggers: [{ phrases: 'routing.application' }],
  step(state, event) {
    if (event.kind === 'action' && event.action === 'choose')
      return { state: null, replies: [message(`Chose ${JSON.stringify(event.data)}`)] };
    return {
      state: state ?? { step: 'pick', answers: {} },
      replies: [
        {
          kind: 'card',
          title: 'Pick one',
          blocks: [],
          buttons: [
            { action: 'pick.choose', label: 'Kari', data: { who: 'kari' } },
            { action: 'pick.choose', label: 'Karl', data: { who: 'karl' } },
            { action: 'pick.choose', label: 'Alfa', data: { n: 1 } },
            { action: 'pick.choose', label: 'Alfa', data: { n: 2 } },
            { action: 'pick.choose', label: 'Same', data: { same: true } },
            { action: 'pick.choose', label: 'Same', data: { same: true } },
            { action: 'pick.cancel', label: 'Avbryt' },
          ],
        },
      ],
    };
  },
};

function setup() {
  const memory = createMemoryStore();
  const { store, counts } = countingDialogs(memory);
  const at = new Date(AT);
  const engine = createEngine({
    store,
    catalog: createCatalog([]),
    clock: () => at,
    config: { dialogs: [...dialogs.filter((d) => d.name === 'help'), pick] },
  });
  const say = (text: string): Promise<TurnResult> =>
    engine.handle({
      platform: 'console',
      user: { id: 'u1', name: 'Kari' },
      conversation: { id: 'c1', kind: 'personal' },
      at,
      text,
    } satisfies Inbound);
  return { engine, say, counts, store: memory };
}

const shown = (r: TurnResult) => r.replies.map(render).join('\n');

describe('typed labels in the engine', () => {
  it('keeps the card buttons in the dialog state, within one load and one save', async () => {
    const { say, counts, store } = setup();
    await say('ny søknad');
    expect(counts).toEqual({ get: 1, put: 1 });
    const stored = await store.getDialog('console:c1:u1');
    expect(stored?.buttons).toEqual([
      { label: 'Kari', action: 'pick.choose', data: { who: 'kari', v: 1 } },
      { label: 'Karl', action: 'pick.choose', data: { who: 'karl', v: 1 } },
      { label: 'Alfa', action: 'pick.choose', data: { n: 1, v: 1 } },
      { label: 'Alfa', action: 'pick.choose', data: { n: 2, v: 1 } },
      { label: 'Same', action: 'pick.choose', data: { same: true, v: 1 } },
      { label: 'Same', action: 'pick.choose', data: { same: true, v: 1 } },
      { label: 'Avbryt', action: 'pick.cancel', data: { v: 1 } },
    ]);
    expect(shown(await say('KARI'))).toBe('Chose {"who":"kari"}');
    expect(counts).toEqual({ get: 2, put: 2 });
    // The dialog ended: no buttons are kept.
    expect((await store.getDialog('console:c1:u1'))?.buttons).toBeUndefined();
  });

  it('a label with a typo works when only one label is that close; identical buttons count once', async () => {
    const { say } = setup();
    await say('ny søknad');
    expect(shown(await say('karii'))).toBe('Chose {"who":"kari"}'); // one typo from Kari, two from Karl
    await say('ny søknad');
    expect(shown(await say('same'))).toBe('Chose {"same":true}');
  });

  it('an ambiguous label falls back to the old behaviour and changes nothing', async () => {
    const { say, store } = setup();
    await say('ny søknad');
    const before = await store.getDialog('console:c1:u1');
    for (const typed of ['karo', 'alfa']) {
      const r = await say(typed);
      expect(shown(r)).toContain(UNKNOWN);
      expect(shown(r)).toContain('[Fortsett der jeg var]');
    }
    expect(await store.getDialog('console:c1:u1')).toEqual(before);
  });

  it('a remembered button whose version is no longer current is stale, as a click would be', async () => {
    const { say, store } = setup();
    await say('ny søknad');
    const stored = (await store.getDialog('console:c1:u1'))!;
    const moved = { ...stored, version: stored.version + 1 };
    await store.putDialog('console:c1:u1', moved, 60);
    const r = await say('Kari');
    expect(shown(r)).toContain('ikke lenger aktuelt');
    expect(shown(r)).not.toContain('Chose');
    expect(await store.getDialog('console:c1:u1')).toEqual(moved);
  });
});
