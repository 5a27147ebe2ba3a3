import type { CatalogPart } from '../message.ts';

/** The development clock (`/at`): what a person trying the bot out is told when they move time. */
export const clock = {
  'clock.moved': {
    nb: 'Klokka er nå {when} (Oslo-tid).',
    en: 'The clock is now {when} (Oslo time).',
  },
  'clock.sent': {
    nb: 'Påminnelser og purringer som har forfalt: {count} sendt.',
    en: 'Reminders and nudges that fell due: {count} sent.',
  },
  'clock.reminders-off': {
    nb: 'Påminnelser er slått av på denne verten (REMINDERS_ENABLED=false), så ingen ble sendt.',
    en: 'Reminders are switched off on this host (REMINDERS_ENABLED=false), so none were sent.',
  },
  'clock.usage': {
    nb: 'Skriv et tidspunkt i Oslo-tid, for eksempel «/at 25.08.2023 09.00» eller «/at 2022-10-04».',
    en: 'Give a time in Oslo time, for example "/at 2023-08-25 09:00" or "/at 2022-10-04".',
  },
} as const satisfies CatalogPart;
