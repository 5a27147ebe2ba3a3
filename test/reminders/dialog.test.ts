import { afterEach, describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/domain/catalog.ts';
import type { Store } from '../../src/store/store.ts';
import { Chat, play, realCatalog, transcriptStores } from '../support/transcript.ts';

const AT = '2022-09-15T10:00:00Z';

describe.each(transcriptStores('reminders'))('reminders dialog transcripts on $name', ({ make }) => {
  let store: Store;
  afterEach(async () => {
    await store?.close();
  });
  const channel = (options: { locale?: 'en'; userId?: string; admins?: string[] } = {}) => {
    store ??= make();
    return new Chat({
      store,
      at: AT,
      platform: 'slack',
      conversationId: 'C0TEAM',
      conversationKind: 'channel',
      userId: options.userId ?? 'U1',
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.admins
        ? {
            config: {
              settings: {
                reminderAdmins: options.admins.map((userId) => ({ platform: 'slack' as const, userId })),
              },
            },
          }
        : {}),
    });
  };

  it('nb: subscribe a channel, see the next ten reminders, change the schedule, pause and unsubscribe', async () => {
    store = make();
    const c = channel();
    await play(c, [
      {
        say: 'påminnelser',
        expect: ['# Påminnelser i denne kanalen', 'følger ingen utlysninger', '[Velg utlysninger]'],
      },
      { click: 'Velg utlysninger', expect: ['Hvilke utlysninger', 'Pasientsikkerhetsmidler 2023–2024'] },
      { click: 'Lagre', inputs: { calls: [] }, expect: ['Hvilke utlysninger'] },
      {
        click: 'Lagre',
        inputs: { calls: ['innovasjon-2023', 'pasientsikkerhet-2023-2024'] },
        expect: [
          'Utlysninger: Innovasjonsmidler 2023, Pasientsikkerhetsmidler 2023–2024',
          'Tidsplan: 14, 7, 2, 0 dager før, kl. 09.00',
          'Status: Aktiv',
          '- 6. oktober 2022 kl. 09.00 – Søknadsfrist (Innovasjonsmidler 2023)',
          '- 2. november 2022 kl. 09.00 – Søknadsfrist (Pasientsikkerhetsmidler 2023–2024)',
          '- 2. desember 2022 kl. 09.00 – Tildeling kunngjøres (Pasientsikkerhetsmidler 2023–2024)',
        ],
        not: ['14. desember 2022'], // the eleventh
      },
    ]);
    const ids = await store.listReminderIds();
    expect(ids.filter((id) => id.startsWith('ch/slack:C0TEAM/'))).toHaveLength(23);
    const sub = await store.getSubscription('slack:C0TEAM');
    expect(sub?.callIds).toEqual(['innovasjon-2023', 'pasientsikkerhet-2023-2024']);

    await play(c, [
      { click: 'Endre tidsplan', expect: ['Når skal påminnelsene komme?'] },
      { click: 'Lagre', inputs: { days: 'snart', time: '25:00' }, expect: ['Når skal påminnelsene komme?'] },
      {
        click: 'Lagre',
        inputs: { days: '3, 1', time: '08:15' },
        expect: [
          'Tidsplan: 3, 1 dager før, kl. 08.15',
          '- 17. oktober 2022 kl. 08.15 – Søknadsfrist (Innovasjonsmidler 2023)',
        ],
      },
    ]);
    const errors = c.turns.at(-2)?.replies.find((r) => r.kind === 'card');
    expect(errors?.kind === 'card' ? Object.keys(errors.errors ?? {}) : []).toEqual(['days', 'time']);
    const after = (await store.listReminderIds()).filter((id) => id.startsWith('ch/slack:C0TEAM/'));
    expect(after.every((id) => id.endsWith('T08:15'))).toBe(true);

    await play(c, [
      {
        click: 'Sett på pause',
        expect: ['Status: På pause', 'Ingen flere påminnelser er planlagt.', '[Start igjen]'],
      },
    ]);
    expect((await store.listReminderIds()).filter((id) => id.startsWith('ch/'))).toEqual([]);
    await play(c, [
      { click: 'Start igjen', expect: ['Status: Aktiv'] },
      { click: 'Avslutt påminnelser', expect: ['kanalen får ingen flere påminnelser'] },
    ]);
    expect(await store.getSubscription('slack:C0TEAM')).toBeNull();
    expect(await store.listReminderIds()).toEqual([]);
  });

  it('en: the same in English, and only the configured admins may change it', async () => {
    store = make();
    const member = channel({ locale: 'en', userId: 'U2', admins: ['UADMIN'] });
    await play(member, [
      {
        say: 'reminders',
        expect: ['# Reminders in this channel', 'This channel follows no calls yet', '[Choose calls]'],
      },
      { click: 'Choose calls', expect: ['Which calls should the channel follow?'] },
      {
        click: 'Save',
        inputs: { calls: ['innovasjon-2023'] },
        expect: ['Only the reminder administrators can change'],
      },
    ]);
    expect(await store.getSubscription('slack:C0TEAM')).toBeNull();
    const admin = channel({ locale: 'en', userId: 'UADMIN', admins: ['UADMIN'] });
    await play(admin, [
      { say: 'reminders' },
      { click: 'Choose calls' },
      {
        click: 'Save',
        inputs: { calls: 'innovasjon-2023' },
        expect: [
          'Calls: Innovation funding 2023',
          'Schedule: 14, 7, 2, 0 days before, at 09:00',
          '- 6 October 2022, 09:00 – Application deadline (Innovation funding 2023)',
        ],
      },
    ]);
    expect((await store.getSubscription('slack:C0TEAM'))?.locale).toBe('en');
  });

  it('nb/en: personal nudges off and on, by words or by button', async () => {
    store = make();
    const me = new Chat({ store, at: AT, platform: 'slack', userId: 'U9' });
    await play(me, [
      { say: 'påminnelser', expect: ['Personlige påminnelser er på', '[Slå av mine påminnelser]'] },
      { click: 'Slå av mine påminnelser', expect: ['Personlige påminnelser er av'] },
    ]);
    expect((await store.getUser('slack', 'U9'))?.nudges).toBe(false);
    await play(me, [{ say: 'nudges on', expect: ['Personlige påminnelser er på'] }]);
    expect((await store.getUser('slack', 'U9'))?.nudges).toBe(true);
    const en = new Chat({ store, at: AT, platform: 'slack', userId: 'U8', locale: 'en' });
    await play(en, [{ say: 'turn off nudges', expect: ['Personal nudges are off'] }]);
    expect((await store.getUser('slack', 'U8'))?.nudges).toBe(false);
  });

  it('nb: the channel chooses its trust; its internal deadline is then reminded too, and "none" removes it', async () => {
    store = make();
    const real = realCatalog();
    // The real calls give no internal deadline; this trust sets one a week before the regional one.
    const calls = real.calls.map((call) =>
      call.id !== 'innovasjon-2023'
        ? call
        : {
            ...call,
            trusts: call.trusts.map((t) =>
              t.id === 'st-olavs-hospital' ? { ...t, internalDeadline: '2022-10-13T12:00' } : t,
            ),
          },
    );
    const c = new Chat({
      store,
      at: AT,
      platform: 'slack',
      conversationId: 'C0TRUST',
      conversationKind: 'channel',
      userId: 'U1',
      catalog: createCatalog(calls),
    });
    await play(c, [
      { say: 'påminnelser' },
      { click: 'Velg utlysninger' },
      {
        click: 'Lagre',
        inputs: { calls: ['innovasjon-2023'] },
        expect: ['Helseforetak: Ingen (hele regionen)'],
        not: ['intern'],
      },
      { click: 'Velg helseforetak', expect: ['# Kanalens helseforetak', '[St. Olavs hospital HF]'] },
      {
        click: 'St. Olavs hospital HF',
        expect: ['Helseforetak: St. Olavs hospital HF', '29. september 2022 kl. 09.00'],
      },
    ]);
    expect(await store.getSubscription('slack:C0TRUST')).toMatchObject({ trust: 'st-olavs-hospital' });
    const withTrust = (await store.listReminderIds()).filter((id) => id.startsWith('ch/slack:C0TRUST/'));
    await play(c, [
      { click: 'Velg helseforetak' },
      { click: 'Ingen (hele regionen)', expect: ['Helseforetak: Ingen (hele regionen)'] },
    ]);
    expect(await store.getSubscription('slack:C0TRUST')).not.toHaveProperty('trust');
    const without = (await store.listReminderIds()).filter((id) => id.startsWith('ch/slack:C0TRUST/'));
    expect(without.length).toBeLessThan(withTrust.length);
  });
});
