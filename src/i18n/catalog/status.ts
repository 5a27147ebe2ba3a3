import type { CatalogPart } from '../message.ts';

export const status = {
  'status.private.sent': {
    nb: '{name}, jeg har sendt deg søknadene dine i en personlig melding.',
    en: '{name}, I have sent you your applications in a personal message.',
  },
  'status.private.unreachable': {
    nb: 'Søknadene dine vises bare i en personlig chat med Midlerbot. Åpne Midlerbot der og skriv «status».',
    en: 'Your applications are shown only in a personal chat with Midlerbot. Open Midlerbot there and type "status".',
  },
  'status.title': {
    nb: 'Dine søknader ({count})',
    en: 'Your applications ({count})',
  },
  'status.empty.title': {
    nb: 'Du har ingen søknader ennå',
    en: 'You have no applications yet',
  },
  'status.empty.text': {
    nb: 'Start med å sjekke om du kan søke, eller opprett en søknad direkte.',
    en: 'Start by checking whether you can apply, or create an application straight away.',
  },
  'status.more': {
    nb: 'Viser de {shown} nyeste av {count} søknader.',
    en: 'Showing the {shown} newest of {count} applications.',
  },
} as const satisfies CatalogPart;
