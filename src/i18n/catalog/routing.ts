import type { CatalogPart } from '../message.ts';

/**
 * Words that start things, as `|`-separated phrases. Both languages are always matched (people mix
 * them), case, diacritics, extra words and small typos are tolerated (src/bot/matcher.ts).
 */
export const routing = {
  'routing.help': {
    nb: 'hjelp|meny|hva kan du|hei|hallo|start',
    en: 'help|menu|what can you do|hello|hi',
  },
  'routing.cancel': {
    nb: 'avbryt|stopp|glem det|avslutt',
    en: 'cancel|stop|quit|never mind|abort',
  },
  'routing.back': {
    nb: 'tilbake|gå tilbake|angre',
    en: 'back|go back|undo',
  },
  'routing.english': {
    nb: 'engelsk|på engelsk',
    en: 'english|in english',
  },
  'routing.norwegian': {
    nb: 'norsk|bokmål|på norsk',
    en: 'norwegian',
  },
  'routing.eligibility': {
    nb: 'kan jeg søke|kan vi søke|søknadsberettiget|berettiget|sjekk om jeg kan søke|vilkår|sjekk',
    en: 'can i apply|can we apply|am i eligible|eligible|eligibility|check eligibility|check',
  },
  'routing.amount': {
    nb: 'hvor mye kan jeg søke om|hvor mye kan jeg søke|hvor mye kan vi søke om|hvor mye kan vi søke|hvor mye|beløp|kalkulator|budsjett|egenfinansiering',
    en: 'how much can i apply for|how much can i ask for|how much can we apply for|how much can we ask for|how much|amount|calculator|budget|own financing',
  },
  'routing.priority': {
    nb: 'satsingsområder|satsingsområde|prioriterte områder|prioritert område',
    en: 'priority areas|priority area|priorities',
  },
  'routing.application': {
    nb: 'ny søknad|start søknad|lag søknad|opprett søknad|begynn på søknad',
    en: 'new application|start application|start an application|create application',
  },
  'routing.status': {
    nb: 'status|mine søknader|min søknad|neste steg|hva er neste steg',
    en: 'status|my applications|my application|next step|what is next',
  },
  'routing.reminders': {
    nb: 'påminnelser|påminnelse|varsler',
    en: 'reminders|reminder|notifications',
  },
  /** Says the rest of the text is a question about the calls (`/midler spør …`, "spør: …"). */
  'routing.ask': {
    nb: 'spør|spørsmål',
    en: 'ask|question',
  },
  'routing.privacy': {
    nb: 'personvern|hva lagrer du|hva vet du om meg',
    en: 'privacy|what do you store|what do you know about me',
  },
  'routing.delete': {
    nb: 'slett mine data|slett dataene mine|slett meg|glem meg',
    en: 'delete my data|delete me|forget me|erase my data',
  },
} as const satisfies CatalogPart;
