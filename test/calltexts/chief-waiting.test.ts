import { it } from 'vitest';
import { endorsedApplication, inBothLocales } from './both-locales.ts';

/**
 * Issue 15, the chat: a quality and patient safety lead's "hva venter på meg?" lists the trust's
 * applications that have every approval and wait for the trust to rank them, with the button that
 * opens the order; someone who ranks nothing is not shown them.
 */

const W = {
  nb: {
    ask: 'hva venter på meg?',
    waits: 'venter på helseforetakets prioritering',
    none: 'Ingenting venter på deg nå.',
  },
  en: {
    ask: 'what is waiting for me',
    waits: 'wait for the trust to rank them',
    none: 'Nothing is waiting on you right now.',
  },
} as const;

inBothLocales("a quality lead's waiting list (%s)", W, '2022-10-20T08:00:00Z', ({ kit, w, locale }) => {
  it('lists the applications waiting for the ranking, for the chief only', async () => {
    const chief = kit.user('Kjersti Kvalitet', { locale });
    const other = kit.user('Ola Annen', { locale });
    const kari = kit.user('Kari Nordmann');
    await kit.configure({ chiefs: { 'st-olavs-hospital': chief } });
    await endorsedApplication(kit, kari, 'endorsed');
    await chief
      .says(w.ask)
      .sees(
        w.waits,
        '- Trygg utskrivning (Kari Nordmann)',
        /\[(Prioriter søknadene|Prioritise the applications)\]/,
      );
    await other.says(w.ask).sees(w.none).notSees('Trygg utskrivning');
  });
});
