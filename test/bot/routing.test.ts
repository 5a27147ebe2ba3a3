import { describe, expect, it } from 'vitest';
import { dialogs } from '../../dialogs/index.ts';
import {
  editDistance,
  labelMatch,
  normalize,
  pickLabel,
  sameWord,
  scorePhrase,
  tokens,
} from '../../src/bot/matcher.ts';
import { createRouter, type Route } from '../../src/bot/routes.ts';

const router = createRouter(dialogs);

const target = (r: Route | undefined): string | undefined =>
  r === undefined
    ? undefined
    : r.kind === 'dialog'
      ? `${r.dialog}${r.args.locale ? `:${String(r.args.locale)}` : ''}${r.args.delete ? ':delete' : ''}`
      : r.kind;

describe('matcher', () => {
  it('folds case, diacritics and punctuation', () => {
    expect(normalize('Kan jeg SØKE?')).toBe('kan jeg soke');
    expect(normalize('Påminnelser!!')).toBe('paminnelser');
    expect(normalize('Bokmål – ærlig')).toBe('bokmal aerlig');
    expect(tokens('  ')).toEqual([]);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('hjelp', 'hjlep')).toBe(1);
    expect(editDistance('status', 'statsu')).toBe(1);
    expect(editDistance('avbryt', 'avbryt')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('allows no typo in short words, one in medium and two in long ones', () => {
    expect(sameWord('nu', 'ny')).toBe(false);
    expect(sameWord('hjlp', 'hjelp')).toBe(true);
    expect(sameWord('hxlx', 'hjelp')).toBe(false);
    expect(sameWord('paminelsr', 'paminnelser')).toBe(true);
  });

  it('needs every phrase word in order; whole mode refuses extra words', () => {
    expect(scorePhrase(['kan', 'jeg', 'soke', 'na'], ['kan', 'jeg', 'soke'])).toBe(10);
    expect(scorePhrase(['soke', 'jeg', 'kan'], ['kan', 'jeg', 'soke'])).toBeNull();
    expect(scorePhrase(['avbryt', 'na'], ['avbryt'], true)).toBeNull();
    expect(scorePhrase(['avbryt'], ['avbryt'], true)).toBe(6);
  });

  it('scores joined words, split words and one short-word typo in longer phrases', () => {
    const amount = tokens('hvor mye kan jeg søke om');
    expect(scorePhrase(tokens('hvormye kan jeg søke om'), amount)).toBe(19);
    expect(scorePhrase(tokens('hvor my kan jeg søke om'), amount)).toBe(18);
    expect(scorePhrase(tokens('howmuch can i apply for'), tokens('how much can i apply for'))).toBe(19);
    expect(scorePhrase(tokens('søknads berettiget'), tokens('søknadsberettiget'))).toBe(17);
    // Only one typo'd short word, only in phrases of three or more words, and no word is dropped.
    expect(scorePhrase(tokens('hvor my kan eg søke om'), amount)).toBeNull();
    expect(scorePhrase(tokens('nu søknad'), tokens('ny søknad'))).toBeNull();
    expect(scorePhrase(tokens('søknad'), tokens('ny søknad'))).toBeNull();
  });

  it('matches a typed button label as a whole: folded, with small typos, unambiguous only', () => {
    expect(labelMatch('ja', 'Ja')).toBe(2);
    expect(labelMatch('VET IKKE ENNÅ', 'Vet ikke ennå')).toBe(2);
    expect(labelMatch('vetikke enna', 'Vet ikke ennå')).toBe(1);
    expect(labelMatch('tjenesteinovasjon', 'Tjenesteinnovasjon')).toBe(1);
    expect(labelMatch('3', '3 eller flere')).toBe(1);
    expect(labelMatch('nei', 'Nei, klinikksjef har sagt nei')).toBe(0);
    expect(labelMatch('ja takk', 'Ja')).toBe(0);
    expect(labelMatch('1', '2')).toBe(0);
    expect(labelMatch('Innovasjonsmidler 2024', 'Innovasjonsmidler 2023')).toBe(0);
    const prior = ['0', '1', '2', '3 eller flere', 'Tilbake', 'Avbryt'];
    expect(pickLabel('0', prior)).toBe(0);
    expect(pickLabel('3', prior)).toBe(3);
    expect(pickLabel('4', prior)).toBeUndefined();
    // An exact label beats one with a typo; two with a typo each are ambiguous.
    expect(pickLabel('kari', ['Kari', 'Karl'])).toBe(0);
    expect(pickLabel('karo', ['Kari', 'Karl'])).toBeUndefined();
    expect(pickLabel('nei', ['Ja', 'Nei', 'Nei, klinikksjef har sagt nei'])).toBe(1);
  });
});

describe('routing table', () => {
  const cases: [string, string | undefined][] = [
    ['hjelp', 'help'],
    ['HJELP', 'help'],
    ['help', 'help'],
    ['hjlep', 'help'],
    ['Hei!', 'help'],
    ['kan jeg søke?', 'eligibility'],
    ['kan jeg soke', 'eligibility'],
    ['Hei, kan jeg egentlig søke på dette?', 'eligibility'],
    ['kan jeg søke', 'eligibility'],
    ['can I apply?', 'eligibility'],
    ['check', 'eligibility'],
    ['sjekk', 'eligibility'],
    ['am i eligible', 'eligibility'],
    ['hvor mye kan jeg søke om', 'amount'],
    ['Hvor mye kan jeg soke om?', 'amount'],
    ['hvor mye', 'amount'],
    // The most specific phrase wins even with typos or joined words (not "kan jeg søke").
    ['hvor my kan jeg søke om', 'amount'],
    ['hvormye kan jeg søke om', 'amount'],
    ['howmuch can i apply for', 'amount'],
    ['how much can i aply for', 'amount'],
    ['hvor mye kanjeg søke om', 'amount'],
    ['Hvor mye kan vi søke om?', 'amount'],
    ['how much can we ask for', 'amount'],
    ['kan eg søke', 'eligibility'],
    ['søknads berettiget', 'eligibility'],
    ['nu søknad', undefined],
    ['how much can I ask for', 'amount'],
    ['budsjet', 'amount'],
    ['status', 'status'],
    ['Status?', 'status'],
    ['statsu', 'status'],
    ['neste steg', 'status'],
    ['hva er neste steg for meg', 'status'],
    ['next step', 'status'],
    ['my applications', 'status'],
    ['ny søknad', 'application'],
    ['jeg vil lage en ny søknad', 'application'],
    ['new application', 'application'],
    ['påminnelser', 'reminders'],
    ['paminnelser', 'reminders'],
    ['reminders', 'reminders'],
    ['remidners', 'reminders'],
    ['slett mine data', 'privacy:delete'],
    ['Slett mine data, takk', 'privacy:delete'],
    ['delete my data', 'privacy:delete'],
    ['personvern', 'privacy'],
    ['avbryt', 'cancel'],
    ['Avbryt!', 'cancel'],
    ['cancel', 'cancel'],
    ['tilbake', 'back'],
    ['back', 'back'],
    ['english', 'language:en'],
    ['English please', 'language:en'],
    ['norsk', 'language:nb'],
    ['på norsk takk', 'language:nb'],
    ['satsingsområder', 'priority'],
    ['priority areas', 'priority'],
    ['xyzzy', undefined],
    ['blåbærsyltetøy', undefined],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(target(router.route(text))).toBe(expected);
  });

  it('while a dialog waits for input only whole global words count', () => {
    expect(target(router.routeGlobal('avbryt'))).toBe('cancel');
    expect(target(router.routeGlobal('Hjelp'))).toBe('help');
    expect(target(router.routeGlobal('Help'))).toBe('help');
    expect(target(router.routeGlobal('tilbake'))).toBe('back');
    // A project title that happens to contain a command word is text, not a command.
    expect(router.routeGlobal('Hjelp til selvhjelp for pasienter')).toBeUndefined();
    expect(router.routeGlobal('1 200 000')).toBeUndefined();
    expect(router.routeGlobal('status')).toBeUndefined();
  });
});
