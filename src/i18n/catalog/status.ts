import type { CatalogPart } from '../message.ts';

export const status = {
  'status.title': { nb: 'Dine søknader ({count})', en: 'Your applications ({count})' },
  'status.empty.title': { nb: 'Du har ingen søknader ennå', en: 'You have no applications yet' },
  'status.empty.text': {
    nb: 'Start med å sjekke om du kan søke, eller opprett en søknad direkte.',
    en: 'Start by checking whether you can apply, or create an application straight away.',
  },
  'status.more': {
    nb: 'Viser de {shown} nyeste av {count} søknader.',
    en: 'Showing the {shown} newest of {count} applications.',
  },
} as const satisfies CatalogPart;
