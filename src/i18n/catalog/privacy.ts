import type { CatalogPart } from '../message.ts';

export const privacy = {
  'privacy.lifetime.hours': {
    nb: '{n} timer',
    en: '{n} hours',
  },
  'privacy.lifetime.days': {
    nb: '{n} dager',
    en: '{n} days',
  },
  'privacy.title': {
    nb: 'Hva jeg lagrer om deg',
    en: 'What I store about you',
  },
  'privacy.what': {
    nb: '- Navnet ditt og plattform-id-en din (Teams eller Slack), språkvalget ditt og helseforetaket ditt\n- Søknadene du starter her, med svar, steg og hvem som har godkjent dem\n- Hvor vi er i samtalen (slettes automatisk etter {lifetime} uten aktivitet)\n- Hvor jeg kan nå deg med påminnelser',
    en: '- Your name and platform id (Teams or Slack), your language choice and your trust\n- The applications you start here, with answers, steps and who approved them\n- Where we are in the conversation (deleted automatically after {lifetime} without activity)\n- Where I can reach you with reminders',
  },
  'privacy.audit': {
    nb: 'Endringer på søknader logges. Sletter du dataene dine, fjernes navnet ditt fra loggen.',
    en: 'Changes to applications are logged. If you delete your data, your name is removed from the log.',
  },
  'privacy.button.delete': {
    nb: 'Slett mine data',
    en: 'Delete my data',
  },
  'privacy.confirm.title': {
    nb: 'Slette alle dataene dine?',
    en: 'Delete all your data?',
  },
  'privacy.confirm.text': {
    nb: 'Dette sletter søknadene dine ({applications}), samtalene, påminnelsesadressene og profilen din. Det kan ikke angres.',
    en: 'This deletes your applications ({applications}), conversations, reminder addresses and your profile. It cannot be undone.',
  },
  'privacy.confirm.yes': {
    nb: 'Ja, slett alt',
    en: 'Yes, delete everything',
  },
  'privacy.confirm.no': {
    nb: 'Nei, behold',
    en: 'No, keep it',
  },
  'privacy.kept': {
    nb: 'Greit, ingenting ble slettet.',
    en: 'OK, nothing was deleted.',
  },
  'privacy.deleted.title': {
    nb: 'Dataene dine er slettet',
    en: 'Your data has been deleted',
  },
  'privacy.deleted.applications': {
    nb: 'Søknader',
    en: 'Applications',
  },
  'privacy.deleted.dialogs': {
    nb: 'Samtaler',
    en: 'Conversations',
  },
  'privacy.deleted.references': {
    nb: 'Adresser for påminnelser',
    en: 'Reminder addresses',
  },
  'privacy.deleted.audit': {
    nb: 'Loggføringer anonymisert',
    en: 'Log entries anonymised',
  },
  'privacy.deleted.profile': {
    nb: 'Profil',
    en: 'Profile',
  },
  'privacy.deleted.profile-yes': {
    nb: 'slettet',
    en: 'deleted',
  },
  'privacy.deleted.profile-no': {
    nb: 'fantes ikke',
    en: 'there was none',
  },
} as const satisfies CatalogPart;
