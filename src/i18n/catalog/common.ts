import type { CatalogPart } from '../message.ts';

/** Texts shared by every dialog and by the engine itself. */
export const common = {
  'common.yes': {
    nb: 'Ja',
    en: 'Yes',
  },
  'common.no': {
    nb: 'Nei',
    en: 'No',
  },
  'common.back': {
    nb: 'Tilbake',
    en: 'Back',
  },
  'common.cancel': {
    nb: 'Avbryt',
    en: 'Cancel',
  },
  'common.continue': {
    nb: 'Fortsett der jeg var',
    en: 'Continue where I was',
  },
  'common.send': {
    nb: 'Send',
    en: 'Submit',
  },
  'common.help': {
    nb: 'Hjelp',
    en: 'Help',
  },
  'common.today': {
    nb: 'i dag',
    en: 'today',
  },
  'common.tomorrow': {
    nb: 'i morgen',
    en: 'tomorrow',
  },
  'common.in-days': {
    nb: 'om {n} dager',
    en: 'in {n} days',
  },
  'common.days-ago': {
    nb: 'for {n} dager siden',
    en: '{n} days ago',
  },
  'common.yesterday': {
    nb: 'i går',
    en: 'yesterday',
  },
  'common.passed': {
    nb: 'passert',
    en: 'passed',
  },
  'common.source': {
    nb: 'Fra utlysningen {call}',
    en: 'From the call {call}',
  },
  'common.list-sep': {
    nb: ', ',
    en: ', ',
  },
  'common.deadline-with-days': {
    nb: '{date} ({days})',
    en: '{date} ({days})',
  },
  'common.answer': {
    nb: 'Svar',
    en: 'Answer',
  },
  'common.required': {
    nb: 'Fyll inn: {label}',
    en: 'Please fill in: {label}',
  },
  'common.choose-one': {
    nb: 'Velg ett svar',
    en: 'Choose one answer',
  },
  'common.no-calls': {
    nb: 'Ingen utlysninger er åpne nå.',
    en: 'No calls are open right now.',
  },
} as const satisfies CatalogPart;
