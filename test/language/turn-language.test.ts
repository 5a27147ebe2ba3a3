import { describe, expect, it } from 'vitest';
import type { Inbound } from '../../src/bot/messages.ts';
import { turnLocale } from '../../src/bot/turn-locale.ts';
import { writtenLanguage } from '../../src/domain/written-language.ts';
import type { UserProfile } from '../../src/store/store.ts';
import { useKit } from '../kit/index.ts';

const event = (text: string | undefined, locale?: 'nb' | 'en', extra: Partial<Inbound> = {}): Inbound => ({
  platform: 'teams',
  user: { id: 'u1', name: 'Kari', ...(locale ? { locale } : {}) },
  conversation: { id: 'c1', kind: 'personal' },
  ...(text === undefined ? {} : { text }),
  at: new Date('2022-10-04T08:00:00Z'),
  bookkeeping: { keepProfile: true },
  ...extra,
});
const profile = (p: Partial<UserProfile>): UserProfile => ({
  platform: 'teams',
  userId: 'u1',
  nudges: true,
  ...p,
});

describe('the language a message is written in', () => {
  it.each([
    ['hjelp', 'nb'],
    ['når er fristen?', 'nb'],
    ['ny søknad', 'nb'],
    ['help', 'en'],
    ['when is the deadline?', 'en'],
    ['who decides', 'en'],
    ['status', undefined],
    ['Trygg utskrivning', undefined],
    ['400 000', undefined],
    ['Nils Leder', undefined],
  ])('"%s" reads as %s', (text, lang) => {
    expect(writtenLanguage(text)).toBe(lang);
  });
});

describe('the language of a turn', () => {
  it('is the chosen language first, whatever is written or the client says', () => {
    expect(turnLocale(event('hjelp', 'en'), profile({ locale: 'en', localeFrom: 'choice' })).locale).toBe(
      'en',
    );
  });

  it('is the language written in over the client’s locale, and is remembered for later presses', () => {
    const said = turnLocale(event('hjelp', 'en'), null);
    expect(said).toEqual({ locale: 'nb', remember: { locale: 'nb', localeFrom: 'text' } });
    const pressed = turnLocale(event(undefined, 'en'), profile({ locale: 'nb', localeFrom: 'text' }));
    expect(pressed).toEqual({ locale: 'nb' });
  });

  it('is the client’s locale of the turn when nothing was written or chosen', () => {
    expect(turnLocale(event(undefined, 'en'), profile({ locale: 'nb' })).locale).toBe('en');
    expect(turnLocale(event('status', undefined), null).locale).toBe('nb');
  });

  it('ignores text the adapter wrote itself (the install greeting)', () => {
    expect(turnLocale(event('help', 'nb', { generated: true }), null).locale).toBe('nb');
  });
});

describe('an en-US Teams client, over HTTP', () => {
  const kit = useKit('teams', { at: '2022-10-04T08:00:00Z' });

  it('is greeted in English when the app is installed', async () => {
    const emma = kit.user('Emma Hansen', { locale: 'en' });
    await emma.says('help');
    const greeting = emma.chat[0]!;
    expect(greeting.text).toContain('Hi! I am Midlerbot');
  });

  it('answers Norwegian written in it in Norwegian, keeps it on the next press, and a choice wins', async () => {
    const kari = kit.user('Kari Nordmann', { locale: 'en' });
    await kari.says('hjelp').sees('Hei! Jeg er Midlerbot');
    await kari.presses('Personvern').sees('Hva jeg lagrer om deg');
    await kari.says('english').says('hjelp').sees('Hi! I am Midlerbot');
  });
});
