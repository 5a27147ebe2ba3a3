import type { CatalogPart } from '../message.ts';

export const application = {
  'application.title': {
    nb: 'Ny søknad',
    en: 'New application',
  },
  'application.choose-call': {
    nb: 'Hvilken utlysning vil du søke på?',
    en: 'Which call do you want to apply to?',
  },
  'application.choose-category': {
    nb: 'Hvilken kategori søker du i?',
    en: 'Which category are you applying in?',
  },
  'application.ask-title': {
    nb: 'Hva heter prosjektet? Skriv en kort arbeidstittel.',
    en: 'What is the project called? Type a short working title.',
  },
  'application.input.title': {
    nb: 'Prosjekttittel',
    en: 'Project title',
  },
  'application.bad-title': {
    nb: 'Tittelen må være mellom 3 og 200 tegn. Prøv igjen.',
    en: 'The title must be between 3 and 200 characters. Please try again.',
  },
  'application.ask-trust': {
    nb: 'Hvilket helseforetak hører prosjektet til?',
    en: 'Which health trust does the project belong to?',
  },
  'application.closed': {
    nb: 'Søknadsfristen for {call} gikk ut {date}. Det er ikke mulig å levere etter fristen.',
    en: 'The deadline for {call} was {date}. Nothing can be submitted after it.',
  },
  'application.created': {
    nb: 'Søknaden «{title}» er opprettet. Her er stegene videre med frister.',
    en: 'The application "{title}" has been created. Here are the next steps and their deadlines.',
  },
  'application.fact.call': {
    nb: 'Utlysning',
    en: 'Call',
  },
  'application.fact.category': {
    nb: 'Kategori',
    en: 'Category',
  },
  'application.fact.trust': {
    nb: 'Helseforetak',
    en: 'Health trust',
  },
  'application.fact.status': {
    nb: 'Status',
    en: 'Status',
  },
  'application.too-late': {
    nb: 'Søknadsfristen gikk ut {date}, og søknaden er ikke registrert som levert i Midlerbot. Etter fristen kan ingen søknad leveres.',
    en: 'The deadline was {date}, and the application is not recorded as submitted in Midlerbot. No application can be submitted after the deadline.',
  },
  'application.fact.requested': {
    nb: 'Beløp det søkes om',
    en: 'Amount requested',
  },
  'application.fact.own': {
    nb: 'Egenfinansiering',
    en: 'Own financing',
  },
  'application.fact.max': {
    nb: 'Høyeste søknadsbeløp',
    en: 'Largest amount to request',
  },
  'application.status.draft': {
    nb: 'Utkast',
    en: 'Draft',
  },
  'application.status.submitted': {
    nb: 'Levert',
    en: 'Submitted',
  },
  'application.status.awarded': {
    nb: 'Tildelt',
    en: 'Awarded',
  },
  'application.status.not-awarded': {
    nb: 'Ikke tildelt',
    en: 'Not awarded',
  },
  'application.status.withdrawn': {
    nb: 'Trukket',
    en: 'Withdrawn',
  },
  'application.status.closed': {
    nb: 'Avsluttet',
    en: 'Closed',
  },
  'application.next': {
    nb: 'Neste steg: {step}',
    en: 'Next step: {step}',
  },
  'application.next-due': {
    nb: 'Neste steg: {step} – innen {due}',
    en: 'Next step: {step} – by {due}',
  },
  'application.next-overdue': {
    nb: 'Neste steg: {step} – fristen var {due}',
    en: 'Next step: {step} – the deadline was {due}',
  },
  'application.nothing-left': {
    nb: 'Ingen steg gjenstår.',
    en: 'No steps are left.',
  },
  'application.waiting-on': {
    nb: 'venter på {name} siden {since}',
    en: 'waiting on {name} since {since}',
  },
  'application.button.status': {
    nb: 'Mine søknader',
    en: 'My applications',
  },
  'application.from-call': {
    nb: 'Dette sier utlysningen',
    en: 'What the call says',
  },
  'application.internal-deadline': {
    nb: 'Den interne fristen i {trust} er {date}.',
    en: 'The internal deadline at {trust} is {date}.',
  },
  'application.checklist': {
    nb: 'Sjekk før du leverer (Midlerbots liste ut fra kravene i utlysningen)',
    en: "Check before you submit (Midlerbot's list from the call's requirements)",
  },
} as const satisfies CatalogPart;
