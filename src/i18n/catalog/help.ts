import type { CatalogPart } from '../message.ts';

export const help = {
  'help.title': {
    nb: 'Hei! Jeg er Midlerbot',
    en: 'Hi! I am Midlerbot',
  },
  'help.intro': {
    nb: 'Jeg hjelper deg med Helse Midt-Norges interne utlysninger:\n- sjekke om du kan søke\n- regne ut hvor mye du kan søke om\n- se hvilke satsingsområder prosjektet treffer\n- starte en søknad og følge neste steg med frister',
    en: "I help you with Helse Midt-Norge's internal funding calls:\n- check whether you can apply\n- work out how much you can ask for\n- see which priority areas your project touches\n- start an application and follow the next steps and deadlines",
  },
  'help.calls': {
    nb: 'Utlysninger og søknadsfrister',
    en: 'Calls and application deadlines',
  },
  'help.call-open': {
    nb: 'Frist {deadline}',
    en: 'Deadline {deadline}',
  },
  'help.call-closed': {
    nb: 'Fristen gikk ut {date}',
    en: 'The deadline was {date}',
  },
  'help.guidance': {
    nb: 'Veiledning og kontakt',
    en: 'Guidance and contact',
  },
  'help.call-undated': {
    nb: 'Ingen frist oppgitt',
    en: 'No deadline given',
  },
  'help.call-expected': {
    nb: 'Ventet – ikke utlyst ennå; fristen pleier å være rundt {month}',
    en: 'Expected – not announced yet; the deadline is usually around {month}',
  },
  'help.button.eligibility': {
    nb: 'Kan jeg søke?',
    en: 'Can I apply?',
  },
  'help.button.amount': {
    nb: 'Hvor mye kan jeg søke om?',
    en: 'How much can I ask for?',
  },
  'help.button.priority': {
    nb: 'Satsingsområder',
    en: 'Priority areas',
  },
  'help.button.application': {
    nb: 'Ny søknad',
    en: 'New application',
  },
  'help.button.status': {
    nb: 'Mine søknader og neste steg',
    en: 'My applications and next steps',
  },
  'help.button.privacy': {
    nb: 'Personvern',
    en: 'Privacy',
  },
  'help.button.language': {
    nb: 'English',
    en: 'Norsk',
  },
} as const satisfies CatalogPart;
