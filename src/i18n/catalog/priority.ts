import type { CatalogPart } from '../message.ts';

export const priority = {
  'priority.title': {
    nb: 'Satsingsområder',
    en: 'Priority areas',
  },
  'priority.choose-call': {
    nb: 'Hvilken utlysning gjelder det?',
    en: 'Which call is it for?',
  },
  'priority.choose-category': {
    nb: 'Hvilken kategori søker du i?',
    en: 'Which category are you applying in?',
  },
  'priority.ask': {
    nb: 'Hvilke av disse områdene berører prosjektet? Velg alle som passer (eller ingen).',
    en: 'Which of these areas does the project touch? Pick all that fit (or none).',
  },
  'priority.input': {
    nb: 'Områder prosjektet berører',
    en: 'Areas the project touches',
  },
  'priority.none-defined': {
    nb: 'Utlysningen nevner ingen satsingsområder for denne kategorien.',
    en: 'The call names no priority areas for this category.',
  },
  'priority.matched': {
    nb: 'Prosjektet treffer',
    en: 'The project touches',
  },
  'priority.level.prioritised': {
    nb: 'prioritert',
    en: 'prioritised',
  },
  'priority.level.encouraged': {
    nb: 'oppfordret',
    en: 'encouraged',
  },
  'priority.area': {
    nb: '{label} ({level})',
    en: '{label} ({level})',
  },
  'priority.none-matched': {
    nb: 'Prosjektet treffer ingen av satsingsområdene. Du kan fortsatt søke, men prosjektet blir ikke prioritert på dette grunnlaget.',
    en: 'The project touches none of the priority areas. It can still apply, but will not be prioritised on that basis.',
  },
  'priority.others': {
    nb: 'Andre områder i utlysningen',
    en: 'Other areas in the call',
  },
  'priority.button.again': {
    nb: 'Velg på nytt',
    en: 'Choose again',
  },
} as const satisfies CatalogPart;
