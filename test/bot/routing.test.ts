import { describe, expect, it } from 'vitest';
import { dialogs } from '../../dialogs/index.ts';
import { editDistance, normalize, sameWord, scorePhrase, tokens } from '../../src/bot/matcher.ts';
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
